// The code context for generating new code at a line boundary: the lines above and below it and the
// problems near it, with no code in focus.
import type { EditorSnapshot, GatheredContext } from './EditorContext';
import { buildLineIndex } from './lineIndex';

/** `line` is where the code goes (0-based, inserted before it; the line count means after the last line). */
export function gatherInsertionContext(snapshot: Omit<EditorSnapshot, 'selectionStart' | 'selectionEnd'>, line: number, surroundingLines = 400): GatheredContext {
  const index = buildLineIndex(snapshot.text);
  // A file's final newline yields an empty phantom line; it is not code.
  const last = snapshot.text === '' || /[\r\n]$/.test(snapshot.text) ? index.lineCount - 1 : index.lineCount;
  const at = Math.max(0, Math.min(line, last));
  const before: string[] = [];
  for (let n = Math.max(0, at - surroundingLines); n < at; n++) before.push(index.lineText(n));
  const after: string[] = [];
  for (let n = at; n < Math.min(last, at + surroundingLines); n++) after.push(index.lineText(n));
  return {
    relativePath: snapshot.relativePath,
    languageId: snapshot.languageId,
    focusKind: 'insertion',
    selection: '',
    startLine: at,
    endLine: at - 1,
    before,
    after,
    diagnostics: snapshot.diagnostics.filter((d) => d.line >= at - 2 && d.line <= at + 1).slice().sort((a, b) => a.line - b.line),
  };
}
