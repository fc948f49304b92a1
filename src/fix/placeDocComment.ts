// Where a doc comment goes for the declaration starting at a line, and which part of a model's answer is
// the comment: above the declaration in most languages, first in the body for Python's docstring.
import { leading, widthOf } from './indentation';

export interface DocCommentPlacement {
  /** The line the comment is inserted before (0-based). */
  readonly line: number;
  readonly indent: string;
  /** True for a docstring, which goes inside the declaration's body. */
  readonly inside: boolean;
}

/** A Python header's last line: ends with a colon, perhaps followed by a comment. */
const HEADER_END = /:\s*(#.*)?$/;
/** How far below the declaration's first line its header may end (decorators, long parameter lists). */
const MAX_HEADER_LINES = 30;

/**
 * Where the comment goes; undefined for a Python declaration whose body shares its header's line
 * (`def f(): return 1`), which has nowhere to put a docstring.
 */
export function placeDocComment(lines: readonly string[], declarationLine: number, languageId: string, unit: string): DocCommentPlacement | undefined {
  const first = lines[declarationLine] ?? '';
  if (languageId !== 'python') return { line: declarationLine, indent: leading(first), inside: false };
  const header = leading(first);
  let end = declarationLine;
  while (end < lines.length - 1 && end - declarationLine < MAX_HEADER_LINES && (lines[end].trim().startsWith('@') || !HEADER_END.test(lines[end]))) {
    end++;
    // A new statement at the declaration's own depth: the header ended on a line with its body on it.
    const next = lines[end];
    if (next.trim() !== '' && widthOf(leading(next)) <= widthOf(header) && !/^\s*[)\]]/.test(next) && !lines[end - 1].trim().startsWith('@')) return undefined;
  }
  if (!HEADER_END.test(lines[end])) return undefined;
  // The declaration's own indentation: a header's continuation lines may be indented any way.
  const body = lines.slice(end + 1).find((l) => l.trim() !== '');
  const indent = body !== undefined && widthOf(leading(body)) > widthOf(header) ? leading(body) : header + unit;
  return { line: end + 1, indent, inside: true };
}

/**
 * The comment alone, when the model also wrote the declaration: what comes before the declaration's first
 * line, or for a docstring the triple-quoted string.
 */
export function keepDocComment(code: string, declarationFirstLine: string, inside: boolean): string {
  const lines = code.split('\n');
  if (inside) {
    const start = lines.findIndex((l) => /^\s*[rRuU]?("""|''')/.test(l));
    if (start < 0) return code;
    const quote = /("""|''')/.exec(lines[start])![1];
    const opened = lines[start].slice(lines[start].indexOf(quote) + 3);
    if (opened.includes(quote)) return lines[start];
    const end = lines.findIndex((l, i) => i > start && l.includes(quote));
    return lines.slice(start, end < 0 ? undefined : end + 1).join('\n');
  }
  const wanted = declarationFirstLine.trim();
  const at = lines.findIndex((l) => wanted !== '' && l.trim() === wanted);
  return at > 0 ? lines.slice(0, at).join('\n') : code;
}
