// Finds the identifiers in a piece of code worth asking a language server about, with where each sits and how
// the code uses it. A light scanner for C-like and Python-like syntax: strings and comments are skipped,
// keywords ignored; the language server does the real resolution.

export type IdentifierRole = 'call' | 'value' | 'type' | 'member';

export interface IdentifierUse {
  readonly name: string;
  readonly role: IdentifierRole;
  /** 0-based line and character in the document. */
  readonly line: number;
  readonly character: number;
}

const KEYWORDS = new Set(
  (
    'abstract any as async await boolean break case catch class const constructor continue debugger declare default delete do else enum export extends ' +
    'false finally for function if implements import in infer instanceof interface keyof let namespace never new null number object ' +
    'private protected public readonly require return satisfies static string super switch symbol this throw true try type typeof undefined ' +
    'unique unknown var void while with yield bigint ' +
    'def elif except lambda pass raise None True False and or not self cls fn func impl pub mut struct trait crate where ' +
    'int float double char long short unsigned signed bool auto final override virtual template typename using'
  ).split(' '),
);

const IDENT = /[A-Za-z_$][\w$]*/y;

/** Skips a string or comment starting at `i`; returns the index after it, or `i` when there is none. */
function skipLiteral(code: string, i: number, hashComments: boolean): number {
  const c = code[i];
  const next = code[i + 1];
  if (c === '/' && next === '/') return lineEnd(code, i);
  if (c === '#' && hashComments) return lineEnd(code, i);
  if (c === '/' && next === '*') {
    const end = code.indexOf('*/', i + 2);
    return end === -1 ? code.length : end + 2;
  }
  if (c === '"' || c === "'" || c === '`') {
    let j = i + 1;
    while (j < code.length && code[j] !== c) {
      if (code[j] === '\\') j++;
      else if (code[j] === '\n' && c !== '`') break;
      j++;
    }
    return j + 1;
  }
  return i;
}

function lineEnd(code: string, i: number): number {
  const end = code.indexOf('\n', i);
  return end === -1 ? code.length : end;
}

function roleOf(code: string, start: number, end: number): IdentifierRole {
  let b = start - 1;
  while (b >= 0 && (code[b] === ' ' || code[b] === '\t')) b--;
  if (code[b] === '.' && code[b - 1] !== '.') return 'member';
  let a = end;
  while (a < code.length && (code[a] === ' ' || code[a] === '\t')) a++;
  if (code[a] === '(' || (code[a] === '<' && /^<[\w$<>,\s[\]]*>\s*\(/.test(code.slice(a, a + 80)))) return 'call';
  const before = code.slice(Math.max(0, b - 11), b + 1);
  if (code[b] === ':' || code[b] === '<' || code[b] === '|' || code[b] === '&' || /\b(?:as|new|extends|implements|satisfies|keyof|typeof)$/.test(before)) {
    return /\bnew$/.test(before) ? 'call' : 'type';
  }
  return 'value';
}

/**
 * Identifiers in `code` (which starts at `line`:`character` of its document), first use of each name and role
 * only, in order of appearance; at most `limit`.
 */
export function findIdentifiers(code: string, line: number, character: number, options: { hashComments?: boolean; limit?: number } = {}): IdentifierUse[] {
  const found: IdentifierUse[] = [];
  const seen = new Set<string>();
  const limit = options.limit ?? 60;
  let row = line;
  let col = character;
  let i = 0;
  while (i < code.length && found.length < limit) {
    const skipped = skipLiteral(code, i, options.hashComments ?? false);
    const stop = skipped > i ? skipped : i + 1;
    IDENT.lastIndex = i;
    const match = skipped > i ? null : IDENT.exec(code);
    const end = match ? i + match[0].length : stop;
    if (match && !/[\w$]/.test(code[i - 1] ?? '')) {
      const role = roleOf(code, i, end);
      const key = `${match[0]}|${role}`;
      // After a dot any word is a member name (`p.type`, `x.default`); elsewhere keywords are not looked up.
      if (!seen.has(key) && (role === 'member' || !KEYWORDS.has(match[0]))) {
        seen.add(key);
        found.push({ name: match[0], role, line: row, character: col });
      }
    }
    for (; i < end && i < code.length; i++) {
      if (code[i] === '\n') {
        row++;
        col = 0;
      } else col++;
    }
  }
  return found;
}
