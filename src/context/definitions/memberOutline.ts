// A class, interface, enum or object type too large to send whole, as its header and its members' declaration
// lines without their bodies: what the model needs to call it, instead of a bare `interface X {` and an ellipsis.

/** Member lines kept at most; the rest is one ellipsis line. */
export const MAX_MEMBER_LINES = 40;

/** A header that opens a container whose members are worth listing. */
const CONTAINER = /\b(?:class|interface|enum|struct|trait|protocol|record|object|namespace|module)\b|\btype\s+[\w$]+(?:<[^=]*>)?\s*=\s*\{/;
const COMMENT = /^\s*(?:\/\/|\/\*|\*|#)/;

/** The line without strings and trailing comments, so braces inside them are not counted. */
function codeOf(line: string): string {
  return line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""').replace(/\/\/.*$|\/\*.*?\*\//g, '');
}

const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** The outline of a braced container (`{ … }`), or undefined when `text` is not one. */
function bracedOutline(lines: readonly string[], maxLines: number): string | undefined {
  const headEnd = lines.findIndex((l, i) => i < 8 && /\{\s*$/.test(codeOf(l)));
  // The keyword must come before any parenthesis: `function f(object: X) {` is a function, not a container.
  if (headEnd < 0 || !CONTAINER.test(lines.slice(0, headEnd + 1).map(codeOf).join(' ').split('(')[0])) return undefined;
  const out = lines.slice(0, headEnd + 1);
  let depth = 1;
  let kept = 0;
  let cut = false;
  for (const line of lines.slice(headEnd + 1)) {
    const code = codeOf(line);
    const before = depth;
    depth += count(code, '{') - count(code, '}');
    if (before !== 1) continue;
    if (depth <= 0) return [...out, line].join('\n');
    if (line.trim() === '' || COMMENT.test(line)) continue;
    if (kept >= maxLines) {
      if (!cut) out.push(`${/^\s*/.exec(line)?.[0] ?? ''}…`);
      cut = true;
      continue;
    }
    // A member that opens a body (a method, an object-typed property) keeps its declaration, not the body.
    out.push(depth > 1 ? line.replace(/\{\s*$/, '{ … }') : line);
    kept++;
  }
  return out.join('\n');
}

/** The outline of a Python-like `class X:` whose members sit one indent deeper, or undefined. */
function indentedOutline(lines: readonly string[], maxLines: number): string | undefined {
  if (!/^\s*class\b.*:\s*(?:#.*)?$/.test(lines[0] ?? '')) return undefined;
  const body = lines.slice(1).filter((l) => l.trim() !== '');
  const indent = /^\s*/.exec(body[0] ?? '')?.[0] ?? '';
  if (indent.length <= (/^\s*/.exec(lines[0])?.[0].length ?? 0)) return undefined;
  const out = [lines[0]];
  let open = 0;
  for (const line of lines.slice(1)) {
    if (out.length > maxLines) return [...out, `${indent}…`].join('\n');
    const code = codeOf(line);
    const atMember = line.startsWith(indent) && !/^\s/.test(line.slice(indent.length));
    // The continuation lines of a multi-line `def` (until its parentheses close) belong to its signature.
    if (open > 0 || (atMember && !COMMENT.test(line) && !/^\s*(?:"""|''')/.test(line))) {
      open += count(code, '(') - count(code, ')');
      out.push(open <= 0 && /^\s*(?:async\s+)?def\b|\):\s*$/.test(line) && /:\s*$/.test(code) ? `${line} …` : line);
      open = Math.max(0, open);
    }
  }
  return out.join('\n');
}

/** The container's header and member declarations, or undefined when `text` is not a container. */
export function memberOutline(text: string, maxLines = MAX_MEMBER_LINES): string | undefined {
  const lines = text.split('\n');
  return bracedOutline(lines, maxLines) ?? indentedOutline(lines, maxLines);
}
