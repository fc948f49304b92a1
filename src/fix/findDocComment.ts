// The doc comment a declaration already has, so "Write Doc Comment" replaces it instead of stacking a second
// one above it. Only comments that are unmistakably documentation count: a `//` note or a license block
// above a TypeScript function stays, because deleting it would lose the user's text.

export interface LineSpan {
  /** First and last line of the comment, 0-based and inclusive. */
  readonly start: number;
  readonly end: number;
}

/** Line-comment prefixes that are documentation by convention, per language. */
const DOC_LINE_PREFIX: Readonly<Record<string, string>> = {
  rust: '///',
  csharp: '///',
  swift: '///',
  dart: '///',
  c: '///',
  cpp: '///',
  go: '//',
};
/** Decorators, annotations and attributes, which sit between a doc comment and its declaration. */
const ATTRIBUTE = /^(@|#\[|\[[A-Z])/;
const MAX_COMMENT_LINES = 200;

/** The doc comment directly above the declaration starting at `declarationLine`, if it has one. */
export function findDocComment(lines: readonly string[], declarationLine: number, languageId: string): LineSpan | undefined {
  let end = declarationLine - 1;
  while (end >= 0 && ATTRIBUTE.test(lines[end].trim())) end--;
  if (end < 0) return undefined;
  const last = lines[end].trim();
  if (last.endsWith('*/')) return blockCommentEndingAt(lines, end);
  const prefix = DOC_LINE_PREFIX[languageId];
  if (!prefix || !last.startsWith(prefix)) return undefined;
  let start = end;
  while (start > 0 && end - start < MAX_COMMENT_LINES && lines[start - 1].trim().startsWith(prefix)) start--;
  return { start, end };
}

/** A `/** … *\/` (or `/*! … *\/`) block ending on line `end`; a plain `/* … *\/` is not documentation. */
function blockCommentEndingAt(lines: readonly string[], end: number): LineSpan | undefined {
  for (let start = end; start >= 0 && end - start < MAX_COMMENT_LINES; start--) {
    const text = lines[start].trim();
    const opens = start === end ? text.lastIndexOf('/*', text.length - 2) : text.indexOf('/*');
    if (opens < 0) continue;
    if (opens > 0) return undefined; // code before the comment on its first line
    return text.startsWith('/**') || text.startsWith('/*!') ? { start, end } : undefined;
  }
  return undefined;
}

/** A Python docstring that is the first statement of a body starting at `bodyLine`. */
export function findDocstring(lines: readonly string[], bodyLine: number): LineSpan | undefined {
  let start = bodyLine;
  while (start < lines.length && lines[start].trim() === '') start++;
  const opening = /^[rRuUbB]{0,2}("""|''')/.exec(lines[start]?.trim() ?? '');
  if (!opening) return undefined;
  const quote = opening[1];
  const rest = lines[start].trim().slice(opening[0].length);
  if (rest.includes(quote)) return { start, end: start };
  for (let end = start + 1; end < lines.length && end - start < MAX_COMMENT_LINES; end++) {
    if (lines[end].includes(quote)) return { start, end };
  }
  return undefined;
}
