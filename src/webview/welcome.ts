// The empty chat's welcome: what Phi-4 can do here, each with its default key, and a sample to try it on.
import * as l10n from '@vscode/l10n';
import { el } from './el';

/** Default key bindings as package.json declares them; macOS uses Cmd+Alt where others use Shift+Alt. */
function key(letter: string, mac: boolean): string {
  return mac ? `Cmd+Alt+${letter}` : `Shift+Alt+${letter}`;
}

export function welcomeElement(mac: boolean): HTMLElement {
  const box = el('div', 'empty welcome');
  box.appendChild(el('h2', 'welcome-title', l10n.t('Ask Phi-4 about your code')));
  box.appendChild(el('p', undefined, l10n.t('It runs on this machine; nothing leaves it. Select code in an editor, then:')));
  const list = el('ul', 'welcome-list');
  for (const [what, letter] of [
    [l10n.t('Explain it'), 'E'],
    [l10n.t('Fix it, previewed inline'), 'X'],
    [l10n.t('Edit it with an instruction'), 'K'],
    [l10n.t('Ask about it here'), 'L'],
  ] as const) {
    const item = el('li');
    item.append(what, ' — ', el('kbd', undefined, key(letter, mac)));
    list.appendChild(item);
  }
  const slash = el('li');
  slash.append(el('kbd', undefined, '/'), ' ', l10n.t('in the box below lists commands such as /tests and /doc'));
  list.appendChild(slash);
  box.appendChild(list);
  const sample = el('button', 'welcome-sample', l10n.t('Try it on a sample file'));
  sample.type = 'button';
  sample.dataset.welcomeAction = 'openSample';
  box.appendChild(sample);
  box.appendChild(el('p', 'welcome-note', l10n.t('Started with npm start? The files in its workspace’s src folder have small bugs to try.')));
  return box;
}
