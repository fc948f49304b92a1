// Gives every rendered code block a header with its language and Copy / Insert / Replace buttons.
// Buttons carry data attributes only; one delegated listener handles them (no inline handlers under CSP).
import * as l10n from '@vscode/l10n';

export function decorateCodeBlocks(fragment: DocumentFragment): void {
  const doc = fragment.ownerDocument;
  for (const pre of Array.from(fragment.querySelectorAll('pre'))) {
    if (pre.parentElement?.classList.contains('code-block')) continue;
    const code = pre.querySelector('code');
    const lang = /language-([\w+#.-]+)/.exec(code?.className ?? '')?.[1] ?? '';
    const wrapper = doc.createElement('div');
    wrapper.className = 'code-block';
    const bar = doc.createElement('div');
    bar.className = 'code-toolbar';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', lang ? l10n.t('{0} code', lang) : l10n.t('Code'));
    const label = doc.createElement('span');
    label.className = 'code-lang';
    label.textContent = lang;
    bar.appendChild(label);
    for (const [action, text, title] of [
      ['copy', l10n.t('Copy'), l10n.t('Copy code')],
      ['insert', l10n.t('Insert'), l10n.t('Insert at cursor')],
      ['replace', l10n.t('Replace'), l10n.t('Replace selection')],
    ]) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'code-action';
      button.dataset.codeAction = action;
      button.title = title;
      button.setAttribute('aria-label', title);
      button.textContent = text;
      bar.appendChild(button);
    }
    // A long line scrolls sideways; keyboard users reach the scroll by focusing the block.
    pre.tabIndex = 0;
    pre.replaceWith(wrapper);
    wrapper.append(bar, pre);
  }
}
