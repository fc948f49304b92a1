// A conversation as a Markdown document for Export: title, date, model, then every turn in order with its
// code blocks intact. Pure, so what an export contains is tested without VS Code.
import * as l10n from '@vscode/l10n';
import { fenceFor } from '../prompt/fenceFor';
import type { ContextItem, ContextItemKind } from '../protocol/contextItems';
import type { TurnView } from '../protocol/messages';

export interface ExportInfo {
  /** When the conversation was last used, already formatted for the reader's locale. */
  readonly date: string;
  /** The model that answered when no answer says (no answer yet, or answers without stats). */
  readonly model: string;
}

export function conversationMarkdown(conversation: { readonly title: string; readonly turns: readonly TurnView[] }, info: ExportInfo): string {
  const models = [...new Set(conversation.turns.flatMap((t) => (t.stats ? [t.stats.model] : [])))];
  const out = [`# ${oneLine(conversation.title)}`, '', `- ${l10n.t('Date: {0}', info.date)}`, `- ${l10n.t('Model: {0}', (models.length > 0 ? models : [info.model]).join(', '))}`];
  for (const turn of conversation.turns) out.push('', turn.role === 'user' ? userTurn(turn) : answerTurn(turn));
  return `${out.join('\n')}\n`;
}

function userTurn(turn: TurnView): string {
  const parts = [`## ${l10n.t('You')}`, '', closeOpenFence(turn.text)];
  if (turn.context) {
    const { label, languageId, lineCount } = turn.context;
    parts.push('', lineCount === 1 ? l10n.t('Context: `{0}` ({1}, 1 line)', label, languageId) : l10n.t('Context: `{0}` ({1}, {2} lines)', label, languageId, lineCount));
  }
  if (turn.contextUsed && turn.contextUsed.length > 0) parts.push('', contextUsedList(turn.contextUsed));
  // What the model read (the code context around the question), in a fence no backtick run inside can close.
  if (turn.sent !== undefined && turn.sent !== turn.text) {
    const fence = fenceFor(turn.sent);
    parts.push('', `<details><summary>${l10n.t('Message as sent to the model')}</summary>`, '', `${fence}text`, turn.sent, fence, '', '</details>');
  }
  return parts.join('\n');
}

function answerTurn(turn: TurnView): string {
  const parts = ['## Phi-4', '', closeOpenFence(turn.text) || `_${l10n.t('(no answer)')}_`];
  if (turn.state === 'stopped') parts.push('', `_${l10n.t('Stopped — partial answer.')}_`);
  if (turn.state === 'streaming') parts.push('', `_${l10n.t('Still being written when exported.')}_`);
  if (turn.error) parts.push('', `_${l10n.t('Failed: {0}', oneLine(turn.error.message))}_`);
  for (const note of turn.notes ?? []) parts.push('', `> ${l10n.t('Note: {0}', oneLine(note))}`);
  return parts.join('\n');
}

/** Called, not a constant: the translations are only known once l10n has been configured. */
function kindName(kind: ContextItemKind): string {
  switch (kind) {
    case 'selection': return l10n.t('selection');
    case 'definition': return l10n.t('definition');
    case 'mention': return l10n.t('mention');
    case 'surrounding': return l10n.t('surrounding code');
    case 'problems': return l10n.t('problems');
    case 'history': return l10n.t('history');
    case 'instructions': return l10n.t('instructions');
  }
}

/** The question's "Context used" list, one line per item: what was sent, shortened or left out, and why. */
function contextUsedList(items: readonly ContextItem[]): string {
  const lines = [l10n.t('Context used:')];
  for (const item of items) {
    const tokens = item.tokens.toLocaleString('en-US');
    const status = item.status === 'omitted' ? l10n.t('left out') : item.status === 'shortened' ? l10n.t('{0} tokens, shortened', tokens) : l10n.t('{0} tokens', tokens);
    // A file range reads as a path; other labels are prose.
    const label = item.path === undefined ? oneLine(item.label) : codeSpan(oneLine(item.label));
    lines.push(`- ${label} · ${kindName(item.kind)} · ${status}${item.note ? ` — ${oneLine(item.note)}` : ''}`);
  }
  return lines.join('\n');
}

/** Inline code no backtick inside can end early (CommonMark: a longer run of backticks, padded). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Closes a code block left open (an answer stopped mid-code), so it cannot swallow the turns after it.
 * Follows CommonMark: a fence is 3+ backticks or tildes indented at most 3 spaces, closed by a line of
 * the same character at least as long with nothing after it.
 */
export function closeOpenFence(markdown: string): string {
  let open: { char: string; length: number } | undefined;
  for (const line of markdown.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line.replace(/\r$/, ''));
    if (!match) continue;
    const [, fence, rest] = match;
    if (!open) {
      // A backtick fence's info string may not contain backticks.
      if (fence[0] === '~' || !rest.includes('`')) open = { char: fence[0], length: fence.length };
    } else if (fence[0] === open.char && fence.length >= open.length && rest.trim() === '') open = undefined;
  }
  if (!open) return markdown;
  return `${markdown.replace(/\n?$/, '\n')}${open.char.repeat(open.length)}`;
}
