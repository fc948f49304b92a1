// When nothing is selected, pick the enclosing indentation block or the current line, as users expect from "Explain".
import type { FocusKind } from './EditorContext';
import type { LineIndex } from './lineIndex';

export interface Focus {
  readonly kind: FocusKind;
  readonly startLine: number;
  readonly endLine: number;
}

const MAX_BLOCK_LINES = 120;
const CLOSER = /^\s*(?:[}\])]|end\b|fi\b|done\b|esac\b)/;

function indentOf(line: string): number {
  const m = /^[ \t]*/.exec(line);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

const isBlank = (line: string): boolean => line.trim().length === 0;

/**
 * The block whose header is the nearest line above the cursor that opens deeper-indented lines
 * (a function, class, loop…), spanning its body and closing line. Falls back to the cursor line.
 */
export function findFocus(index: LineIndex, cursorLine: number): Focus {
  const line = (n: number): string => index.lineText(n);
  const current = line(cursorLine);
  const asLine: Focus = { kind: 'line', startLine: cursorLine, endLine: cursorLine };
  if (isBlank(current)) return asLine;

  // A header is the cursor line itself when the next non-blank line is deeper, else the nearest shallower line above.
  let header = -1;
  const next = nextNonBlank(index, cursorLine + 1);
  if (next !== -1 && indentOf(line(next)) > indentOf(current)) header = cursorLine;
  else {
    const base = indentOf(current);
    for (let n = cursorLine - 1; n >= 0 && cursorLine - n <= MAX_BLOCK_LINES; n--) {
      if (!isBlank(line(n)) && indentOf(line(n)) < base) { header = n; break; }
    }
  }
  if (header === -1) return asLine;

  const headerIndent = indentOf(line(header));
  let end = header;
  for (let n = header + 1; n < index.lineCount; n++) {
    const text = line(n);
    if (isBlank(text)) continue;
    if (indentOf(text) > headerIndent) { end = n; continue; }
    if (indentOf(text) === headerIndent && CLOSER.test(text)) end = n;
    break;
  }
  if (end === header || end - header + 1 > MAX_BLOCK_LINES) return asLine;
  return { kind: 'block', startLine: header, endLine: end };
}

function nextNonBlank(index: LineIndex, from: number): number {
  for (let n = from; n < index.lineCount; n++) if (!isBlank(index.lineText(n))) return n;
  return -1;
}
