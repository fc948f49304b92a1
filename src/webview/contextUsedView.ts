// The "Context used" line under a question: collapsed to "Context: N items · T tokens", expanded to a list of
// every item (path:lines, kind, tokens) and what was shortened or left out and why. Items that are file ranges
// are buttons that open the range; a native <details> and <ul> give keyboard and screen-reader access for free.
import * as l10n from '@vscode/l10n';
import type { ContextItem, ContextItemKind } from '../protocol/contextItems';
import { el } from './el';

/** Functions, not strings: the bundle is configured after this module loads. */
const KIND_NAMES: Readonly<Record<ContextItemKind, () => string>> = {
  selection: () => l10n.t('selection'),
  definition: () => l10n.t('definition'),
  mention: () => l10n.t('mention'),
  surrounding: () => l10n.t('surrounding code'),
  problems: () => l10n.t('problems'),
  history: () => l10n.t('history'),
  instructions: () => l10n.t('instructions'),
};

const n = (v: number): string => v.toLocaleString('en-US');

export function contextSummary(items: readonly ContextItem[]): string {
  const sent = items.filter((i) => i.status !== 'omitted');
  const tokens = sent.reduce((sum, i) => sum + i.tokens, 0);
  const left = items.length - sent.length;
  const summary = sent.length === 1 ? l10n.t('Context: 1 item · {0} tokens', n(tokens)) : l10n.t('Context: {0} items · {1} tokens', sent.length, n(tokens));
  return left > 0 ? `${summary} · ${l10n.t('{0} left out', left)}` : summary;
}

export function contextUsedView(items: readonly ContextItem[]): HTMLElement {
  const details = el('details', 'context-used');
  details.appendChild(el('summary', undefined, contextSummary(items)));
  const list = el('ul', 'context-items');
  list.setAttribute('aria-label', l10n.t('Context used for this question'));
  for (const item of items) {
    const row = el('li', `context-item context-${item.status}`);
    if (item.path !== undefined && item.startLine !== undefined && item.endLine !== undefined && item.status !== 'omitted') {
      const open = el('button', 'context-open', item.label);
      open.type = 'button';
      open.title = l10n.t('Open {0}', item.label);
      open.dataset.contextPath = item.path;
      open.dataset.contextStart = String(item.startLine);
      open.dataset.contextEnd = String(item.endLine);
      row.appendChild(open);
    } else row.appendChild(el('span', 'context-label', item.label));
    const status = item.status === 'omitted' ? l10n.t('left out') : item.status === 'shortened' ? l10n.t('{0} tokens, shortened', n(item.tokens)) : l10n.t('{0} tokens', n(item.tokens));
    row.appendChild(el('span', 'context-meta', ` · ${KIND_NAMES[item.kind]()} · ${status}`));
    if (item.note) row.appendChild(el('div', 'context-note', item.note));
    list.appendChild(row);
  }
  details.appendChild(list);
  return details;
}
