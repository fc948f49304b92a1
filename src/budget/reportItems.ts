// Describes, item by item, what a fitted prompt carries of this turn's context and what it left out and why.
import * as l10n from '@vscode/l10n';
import type { TrimmedHistory } from './trimHistory';
import type { ChatMessage } from '../chatml/renderChatML';
import type { GatheredContext } from '../context/EditorContext';
import type { ContextItem } from '../protocol/contextItems';
import type { Surroundings } from '../prompt/composeUserMessage';
import { countMessageTokens, countTokens } from '../tokens/countTokens';
import { definitionTokens } from './packDefinitions';
import { mentionTokens } from './packMentions';
import { leftOutItems } from './leftOutItems';
import type { Mention } from '../context/mentions/Mention';
import type { MentionForm } from '../prompt/mentionBlock';

/** Called, not a constant: the translation is only known once activation has configured l10n. */
const noRoom = (): string => l10n.t('left out: no room left in the context window');

function span(path: string, start: number, end: number): string {
  return start === end ? `${path}:${start + 1}` : `${path}:${start + 1}-${end + 1}`;
}

export function reportItems(parts: { system: string; history: readonly ChatMessage[]; context?: GatheredContext; mentions?: readonly Mention[] }, keep: Surroundings, kept: TrimmedHistory): ContextItem[] {
  const items: ContextItem[] = [{ kind: 'instructions', label: l10n.t('Rules and instructions (system message)'), tokens: countMessageTokens(parts.system), status: 'sent' }];
  (parts.mentions ?? []).forEach((mention, i) => items.push(mentionItem(mention, keep.mentions?.[i] ?? 'omit')));
  const context = parts.context;
  if (context) {
    const path = context.relativePath;
    if (context.focusKind !== 'insertion') items.push({ kind: 'selection', label: span(path, context.startLine, context.endLine), path, startLine: context.startLine, endLine: context.endLine, tokens: countTokens(context.selection), status: 'sent' });
    (context.definitions ?? []).forEach((def, i) => {
      const form = keep.definitions?.[i] ?? 'omit';
      const where = { label: span(def.relativePath, def.startLine, def.endLine), path: def.relativePath, startLine: def.startLine, endLine: def.endLine };
      if (form === 'omit') return items.push({ kind: 'definition', ...where, tokens: 0, status: 'omitted', note: l10n.t('`{0}` left out: no room left in the context window', def.name) });
      const shortened = form === 'signature' && def.signature !== def.text;
      const why = def.signatureOnly ? l10n.t('`{0}`, library or very long code: sent as its signature', def.name) : l10n.t('`{0}`, the whole declaration did not fit: sent as its signature', def.name);
      items.push({ kind: 'definition', ...where, tokens: definitionTokens(def, form), status: shortened ? 'shortened' : 'sent', note: shortened ? why : `\`${def.name}\`` });
    });
    items.push(...leftOutItems(context.definitionsLeftOut));
    items.push(...surroundingItems(context, keep));
    if (context.diagnostics.length > 0) {
      items.push({ kind: 'problems', label: l10n.t('{0} problem(s) reported near the code', context.diagnostics.length), tokens: countTokens(context.diagnostics.map((d) => d.message).join('\n')), status: 'sent' });
    }
  }
  if (kept.messages.length > 0) {
    items.push({ kind: 'history', label: l10n.t('{0} earlier exchange(s), as first sent', Math.ceil(kept.messages.length / 2)), tokens: kept.tokens, status: 'sent' });
  }
  if (kept.dropped > 0) items.push({ kind: 'history', label: l10n.t('{0} older exchange(s)', Math.ceil(kept.dropped / 2)), tokens: 0, status: 'omitted', note: noRoom() });
  return items;
}

function surroundingItems(context: GatheredContext, keep: Surroundings): ContextItem[] {
  const items: ContextItem[] = [];
  const path = context.relativePath;
  const side = (total: number, kept: number, first: number, last: number, lines: readonly string[], where: 'before' | 'after'): void => {
    const before = where === 'before';
    if (total === 0) return;
    const dropped = total - kept;
    if (kept === 0) return void items.push({ kind: 'surrounding', label: before ? l10n.t('Code before it') : l10n.t('Code after it'), tokens: 0, status: 'omitted', note: l10n.t('{0} line(s) left out: no room left in the context window', total) });
    items.push({
      kind: 'surrounding',
      label: span(path, first, last),
      path,
      startLine: first,
      endLine: last,
      tokens: countTokens(lines.join('\n')),
      status: dropped > 0 ? 'shortened' : 'sent',
      note: dropped > 0 ? (before ? l10n.t('code before: {0} line(s) further away left out to fit', dropped) : l10n.t('code after: {0} line(s) further away left out to fit', dropped)) : before ? l10n.t('code before') : l10n.t('code after'),
    });
  };
  side(context.before.length, keep.before, context.startLine - keep.before, context.startLine - 1, context.before.slice(context.before.length - keep.before), 'before');
  side(context.after.length, keep.after, context.endLine + 1, context.endLine + keep.after, context.after.slice(0, keep.after), 'after');
  return items;
}

function mentionItem(mention: Mention, form: MentionForm): ContextItem {
  const where = mention.kind === 'problems' ? { label: l10n.t('Problems in {0}', mention.relativePath) } : { label: span(mention.relativePath, mention.startLine, mention.endLine), path: mention.relativePath, startLine: mention.startLine, endLine: mention.endLine };
  if (form === 'omit') return { kind: 'mention', ...where, tokens: 0, status: 'omitted', note: noRoom() };
  if (form === 'reduced') return { kind: 'mention', ...where, tokens: mentionTokens(mention, form), status: 'shortened', note: mention.reduced?.note };
  return { kind: 'mention', ...where, tokens: mentionTokens(mention, form), status: 'sent' };
}
