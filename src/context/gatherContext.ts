// Builds the code context for a prompt from a plain editor snapshot: selection, surroundings, diagnostics.
import type { EditorSnapshot, GatheredContext } from './EditorContext';
import { findFocus } from './findFocus';
import { buildLineIndex } from './lineIndex';

export interface GatherOptions {
  /** Lines of surrounding code offered to the budget on each side; the budget trims further. */
  readonly surroundingLines?: number;
  /** Diagnostics this many lines outside the selection still count as "near". */
  readonly diagnosticSlack?: number;
}

export function gatherContext(snapshot: EditorSnapshot, options: GatherOptions = {}): GatheredContext {
  const surrounding = options.surroundingLines ?? 400;
  const slack = options.diagnosticSlack ?? 2;
  const index = buildLineIndex(snapshot.text);
  const from = Math.min(snapshot.selectionStart, snapshot.selectionEnd);
  const to = Math.max(snapshot.selectionStart, snapshot.selectionEnd);

  let startLine: number;
  let endLine: number;
  let selection: string;
  let focusKind: GatheredContext['focusKind'] = 'selection';
  if (from === to || snapshot.text.slice(from, to).trim().length === 0) {
    const focus = findFocus(index, index.lineAt(from));
    ({ startLine, endLine } = focus);
    focusKind = focus.kind;
    selection = linesText(index, startLine, endLine);
  } else {
    startLine = index.lineAt(from);
    endLine = index.lineAt(to);
    // A selection ending at column 0 does not really include that line.
    if (endLine > startLine && index.starts[endLine] === to) endLine--;
    selection = snapshot.text.slice(from, to);
  }

  const before: string[] = [];
  for (let n = Math.max(0, startLine - surrounding); n < startLine; n++) before.push(index.lineText(n));
  const after: string[] = [];
  for (let n = endLine + 1; n < Math.min(index.lineCount, endLine + 1 + surrounding); n++) after.push(index.lineText(n));
  // A file's final newline yields an empty phantom line; it is not code.
  if (after.length > 0 && endLine + after.length === index.lineCount - 1 && after[after.length - 1] === '') after.pop();

  const diagnostics = snapshot.diagnostics
    .filter((d) => d.line >= startLine - slack && d.line <= endLine + slack)
    .slice()
    .sort((a, b) => a.line - b.line);

  return {
    relativePath: snapshot.relativePath,
    languageId: snapshot.languageId,
    focusKind,
    selection,
    startLine,
    endLine,
    before,
    after,
    diagnostics,
  };
}

function linesText(index: ReturnType<typeof buildLineIndex>, start: number, end: number): string {
  const lines: string[] = [];
  for (let n = start; n <= end; n++) lines.push(index.lineText(n));
  return lines.join('\n');
}
