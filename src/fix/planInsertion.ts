// Where code generated at the cursor goes, and at what indentation: whole lines, never mid-line, so the
// preview shows it as inserted lines and one accept adds exactly them.
import { leading, widthOf } from './indentation';

export interface InsertionPlan {
  /** The line the code is inserted before (0-based); equal to the line count when it goes after the last line. */
  readonly line: number;
  /** Indentation of the inserted code's outermost lines. */
  readonly indent: string;
}

const isBlank = (line: string): boolean => line.trim() === '';
const deeper = (a: string, b: string): string => (widthOf(b) > widthOf(a) ? b : a);

function nearestNonBlank(lines: readonly string[], from: number, step: 1 | -1): string | undefined {
  for (let n = from; n >= 0 && n < lines.length; n += step) if (!isBlank(lines[n])) return lines[n];
  return undefined;
}

/**
 * On a blank line, the code replaces nothing and goes there; with the cursor in a line's indentation, above
 * that line; anywhere else in a line, below it. The indentation is the deeper of the code just above and
 * just below, so code typed after a block's opening line goes inside the block, and before its closing line
 * stays inside too.
 */
export function planInsertion(lines: readonly string[], cursorLine: number, cursorCharacter: number): InsertionPlan {
  const text = lines[cursorLine] ?? '';
  if (isBlank(text)) {
    if (text !== '') return { line: cursorLine, indent: text };
    const above = nearestNonBlank(lines, cursorLine - 1, -1);
    const below = nearestNonBlank(lines, cursorLine + 1, 1);
    return { line: cursorLine, indent: deeper(leading(above ?? ''), leading(below ?? '')) };
  }
  const lead = leading(text);
  if (cursorCharacter <= lead.length) return { line: cursorLine, indent: lead };
  const below = nearestNonBlank(lines, cursorLine + 1, 1);
  return { line: cursorLine + 1, indent: deeper(lead, leading(below ?? '')) };
}
