// The "Context used" entries for definitions gathering decided not to send: the lookups the time bound cut
// short, and declarations in files that are not the user's code, may hold secrets, or are minified.
import * as l10n from '@vscode/l10n';
import type { DefinitionsLeftOut, SkipReason, SkippedDefinition } from '../context/definitions/DefinitionsLeftOut';
import type { ContextItem } from '../protocol/contextItems';

/** Names listed per entry; a longer list says how many more. */
const MAX_NAMES = 8;

function names(skipped: readonly SkippedDefinition[]): string {
  const unique = [...new Set(skipped.map((s) => s.name))];
  const shown = unique.slice(0, MAX_NAMES).map((n) => `\`${n}\``).join(', ');
  return unique.length > MAX_NAMES ? l10n.t('{0} and {1} more', shown, unique.length - MAX_NAMES) : shown;
}

function reasonText(reason: SkipReason): string {
  if (reason === 'secret') return l10n.t('not sent: the file looks like it holds secrets (mention it to send it)');
  if (reason === 'minified') return l10n.t('not sent: the file is generated or minified');
  return l10n.t('not sent: outside the workspace folders (the language or a library, not your code)');
}

export function leftOutItems(leftOut: DefinitionsLeftOut | undefined): ContextItem[] {
  if (!leftOut) return [];
  const items: ContextItem[] = [];
  const timedOut = leftOut.timedOut;
  if (timedOut) {
    const note = timedOut.nothingFound
      ? l10n.t('not sent: the language server did not answer within {0} ms (it may still be loading the project)', timedOut.ms)
      : l10n.t('some may be missing: the language server took longer than {0} ms', timedOut.ms);
    items.push({ kind: 'definition', label: l10n.t('Definitions from other files'), tokens: 0, status: 'omitted', note });
  }
  // Library files are many and alike (lib.es5.d.ts, lib.dom.d.ts…): one entry for all of them.
  const outside = leftOut.skipped.filter((s) => s.reason === 'outsideWorkspace');
  if (outside.length > 0) {
    const files = [...new Set(outside.map((s) => s.file))].slice(0, 4).join(', ');
    items.push({ kind: 'definition', label: l10n.t('Outside the workspace ({0})', files), tokens: 0, status: 'omitted', note: `${names(outside)}: ${reasonText('outsideWorkspace')}` });
  }
  const byFile = new Map<string, SkippedDefinition[]>();
  for (const s of leftOut.skipped.filter((x) => x.reason !== 'outsideWorkspace')) byFile.set(`${s.reason}|${s.file}`, [...(byFile.get(`${s.reason}|${s.file}`) ?? []), s]);
  for (const group of byFile.values()) items.push({ kind: 'definition', label: group[0].file, tokens: 0, status: 'omitted', note: `${names(group)}: ${reasonText(group[0].reason)}` });
  return items;
}
