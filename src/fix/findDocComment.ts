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
/** Go's `//` lines that are instructions to the toolchain, not documentation: replacing them changes the build. */
const GO_DIRECTIVE = /^\/\/(go:|export |line |nolint|\+build)/;
/** Decorators, annotations and attributes, which sit between a doc comment and its declaration. */
const ATTRIBUTE = /^(@|#\[|\[[A-Z])/;
const MAX_COMMENT_LINES = 200;

/** The doc comment directly above the declaration starting at `declarationLine`, if it has one. */
export function findDocComment(lines: readonly string[], declarationLine: number, languageId: string): LineSpan | undefined {
  let end = declarationLine - 1;
  while (end >= 0 && ATTRIBUTE.test(lines[end].trim())) end--;
  if (end < 0) return undefined;
  const last = lines[end].trim();
  if (last.endsWith('*/')) return blockCommentEndingAt(lines, end, languageId);
  const prefix = DOC_LINE_PREFIX[languageId];
  const isDoc = (line: string): boolean => line.startsWith(prefix ?? '\0') && !(languageId === 'go' && GO_DIRECTIVE.test(line));
  // A directive between the comment and the declaration stays where it is: only the comment above it is replaced.
  while (languageId === 'go' && end >= 0 && GO_DIRECTIVE.test(lines[end].trim())) end--;
  if (!prefix || end < 0 || !isDoc(lines[end].trim())) return undefined;
  let start = end;
  while (start > 0 && end - start < MAX_COMMENT_LINES && isDoc(lines[start - 1].trim())) start--;
  return { start, end };
}

/**
 * A `/** … *\/` block ending on line `end` (in C and C++ also Doxygen's `/*! … *\/`; elsewhere `/*!` marks a
 * licence minifiers keep). A plain `/* … *\/` is not documentation.
 */
function blockCommentEndingAt(lines: readonly string[], end: number, languageId: string): LineSpan | undefined {
  for (let start = end; start >= 0 && end - start < MAX_COMMENT_LINES; start--) {
    const text = lines[start].trim();
    const opens = start === end ? text.lastIndexOf('/*', text.length - 2) : text.indexOf('/*');
    if (opens < 0) continue;
    if (opens > 0) return undefined; // code before the comment on its first line
    return text.startsWith('/**') || (text.startsWith('/*!') && (languageId === 'c' || languageId === 'cpp')) ? { start, end } : undefined;
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
