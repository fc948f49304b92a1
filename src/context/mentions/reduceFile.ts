// A file too large for the window, as its outline (from document symbols) plus the lines nearest what the
// question is about: the user mentioned the file, so the model should at least know its shape.
import * as l10n from '@vscode/l10n';
import { countTokens } from '../../tokens/countTokens';
import type { DeclarationSymbol } from '../definitions/DeclarationSymbol';

/** A file longer than this, in lines or in tokens, also carries a reduced form for when the whole does not fit. */
export const REDUCE_FROM_LINES = 200;
export const REDUCE_FROM_TOKENS = 2000;
/** The part of the file sent beside the outline stays within this many tokens, however long its lines. */
export const WINDOW_TOKENS = 1500;

/** Whether a mentioned file is large enough to need a reduced form: many lines, or few but long ones. */
export function needsReduction(lines: readonly string[]): boolean {
  return lines.length > REDUCE_FROM_LINES || countTokens(lines.join('\n')) > REDUCE_FROM_TOKENS;
}

export interface ReducedFile {
  readonly text: string;
  /** For the user, translated. */
  readonly note: string;
  /** The same for the model, always English (the prompt must not depend on the display language). */
  readonly promptNote: string;
}

function outlineLines(symbols: readonly DeclarationSymbol[], depth: number, out: string[]): void {
  for (const s of symbols) {
    if (out.length >= 120) return;
    if (s.kind === 'variable' && depth > 0) continue;
    out.push(`${'  '.repeat(depth)}- ${s.kind} ${s.name} (lines ${s.startLine + 1}–${s.endLine + 1})`);
    if (depth < 1) outlineLines(s.children, depth + 1, out);
  }
}

/**
 * The outline and a window of `windowLines` lines around the anchor: the symbol the question names, else
 * `anchorLine` (the selection's line in that file), else the file's start.
 */
export function reduceFile(lines: readonly string[], symbols: readonly DeclarationSymbol[], question: string, anchorLine = 0, windowLines = 80): ReducedFile {
  const named = symbols.flatMap((s) => [s, ...s.children]).find((s) => s.name.length > 2 && new RegExp(`\\b${s.name.replace(/[$]/g, '\\$')}\\b`).test(question));
  const center = named ? named.startLine : anchorLine;
  let start = Math.max(0, Math.min(center - Math.floor(windowLines / 4), lines.length - windowLines));
  let end = Math.min(lines.length - 1, start + windowLines - 1);
  // Long lines: narrow the window, dropping first the lines farthest from the anchor, until it fits its tokens.
  const cost = (i: number): number => countTokens(lines[i]) + 1;
  let tokens = 0;
  for (let i = start; i <= end; i++) tokens += cost(i);
  while (end > start && tokens > WINDOW_TOKENS) {
    if (end - center >= center - start) tokens -= cost(end--);
    else tokens -= cost(start++);
  }
  const outline: string[] = [];
  outlineLines(symbols, 0, outline);
  const parts = [];
  if (outline.length > 0) parts.push(`Outline (${lines.length} lines):\n${outline.join('\n')}`);
  parts.push(`Lines ${start + 1}–${end + 1}:\n${lines.slice(start, end + 1).join('\n')}`);
  const [from, to] = [start + 1, end + 1];
  const range = `lines ${from}–${to} of ${lines.length}`;
  const [note, promptNote] = named
    ? [l10n.t('too large to send whole: sent as its outline and the part around `{0}` (lines {1}–{2} of {3})', named.name, from, to, lines.length), `too large to send whole: sent as its outline and the part around \`${named.name}\` (${range})`]
    : anchorLine > 0
      ? [l10n.t('too large to send whole: sent as its outline and the part around the selection (lines {0}–{1} of {2})', from, to, lines.length), `too large to send whole: sent as its outline and the part around the selection (${range})`]
      : [l10n.t('too large to send whole: sent as its outline and its start (lines {0}–{1} of {2})', from, to, lines.length), `too large to send whole: sent as its outline and its start (${range})`];
  return { text: parts.join('\n\n'), note, promptNote };
}
