// Finds the identifiers in a piece of code worth asking a language server about, with where each sits and how
// the code uses it. A light scanner for C-like and Python-like syntax: strings and comments are skipped,
// keywords ignored; the language server does the real resolution.

export type IdentifierRole = 'call' | 'value' | 'type' | 'member';

/**
 * How the focus code itself declares a name, which decides what is worth asking the language server:
 * `declaration` a function, class, type… named here (nothing to look up); `annotated` a variable or parameter
 * with a written type (the annotation is looked up instead); `inferred` one without (only its type is worth it).
 */
export type DeclaredHere = 'declaration' | 'annotated' | 'inferred';

export interface IdentifierUse {
  readonly name: string;
  readonly role: IdentifierRole;
  /** 0-based line and character in the document. */
  readonly line: number;
  readonly character: number;
  /** For a member: the expression before the dot, without spaces (`users` in `users.find()`). */
  readonly receiver?: string;
  /** Set when this use is where the focus code declares the name. */
  readonly declared?: DeclaredHere;
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

/** Words after which a name is being declared, not used. */
const DECLARING = /\b(?:function|class|interface|type|enum|namespace|module)\s*\*?\s*$/;
const BINDING = /\b(?:const|let|var)\s+$/;
/** Words whose parentheses hold an expression, not parameters: `if (a) {` declares nothing. */
const NOT_PARAMETERS = /\b(?:if|while|for|switch|with|return|typeof|await|yield|in|of|new)\s*$/;

function nextNonSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code[i])) i++;
  return i;
}

function prevNonSpace(code: string, i: number): number {
  while (i >= 0 && /\s/.test(code[i])) i--;
  return i;
}

/** The index of the bracket closing the one open before `from` (depth counted from there), or -1. */
function closingParen(code: string, from: number): number {
  let depth = 1;
  for (let i = from; i < code.length && i < from + 2000; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/** Whether the identifier at `start`..`end` is declared here, and how (see DeclaredHere). */
function declarationOf(code: string, start: number, end: number, openBracket: { char: string; at: number } | undefined): DeclaredHere | undefined {
  const before = code.slice(Math.max(0, start - 16), start);
  const after = nextNonSpace(code, end);
  const annotated = code[after] === ':' || (code[after] === '?' && code[nextNonSpace(code, after + 1)] === ':') || (code[after] === '!' && code[after + 1] === ':');
  if (DECLARING.test(before)) return 'declaration';
  if (BINDING.test(before)) return annotated ? 'annotated' : 'inferred';
  if (code.slice(after, after + 2) === '=>' && code[prevNonSpace(code, start - 1)] !== '.') return 'inferred';
  // A parameter: first in a parameter list or after a comma, where the parentheses are followed by a body.
  const prev = prevNonSpace(code, start - 1);
  if (openBracket?.char !== '(' || (code[prev] !== '(' && code[prev] !== ',')) return undefined;
  if (NOT_PARAMETERS.test(code.slice(Math.max(0, openBracket.at - 12), openBracket.at))) return undefined;
  if (annotated) return 'annotated';
  const close = closingParen(code, openBracket.at + 1);
  const next = close === -1 ? -1 : nextNonSpace(code, close + 1);
  return next !== -1 && (code[next] === '{' || code.slice(next, next + 2) === '=>') ? 'inferred' : undefined;
}

/** The expression before the dot at `dot`, spaces removed: `users` in `users.find`, `createStore<T>()` in `createStore<T>().get`. */
function receiverOf(code: string, dot: number): string {
  let i = dot - 1;
  if (code[i] === '?') i--;
  const end = i + 1;
  const pairs: Record<string, string> = { ')': '(', ']': '[', '>': '<' };
  for (let guard = 0; guard < 50; guard++) {
    i = prevNonSpace(code, i);
    const close = code[i];
    if (close && pairs[close]) {
      let depth = 0;
      for (; i >= 0 && dot - i < 400; i--) {
        if (code[i] === close) depth++;
        else if (code[i] === pairs[close] && --depth === 0) break;
      }
      i--;
      continue;
    }
    if (!/[\w$]/.test(close ?? '')) break;
    while (i >= 0 && /[\w$]/.test(code[i])) i--;
    const p = prevNonSpace(code, i);
    if (code[p] !== '.' || code[p - 1] === '.') break;
    i = code[p - 1] === '?' ? p - 2 : p - 1;
  }
  return code.slice(i + 1, end).replace(/\s+/g, '');
}

/**
 * Identifiers in `code` (which starts at `line`:`character` of its document), first use of each name and role
 * only (a member once per receiver), in order of appearance; at most `limit`. Names the focus code declares
 * itself are reported once, where declared, and their later uses not at all.
 */
export function findIdentifiers(code: string, line: number, character: number, options: { hashComments?: boolean; limit?: number } = {}): IdentifierUse[] {
  const found: IdentifierUse[] = [];
  const seen = new Set<string>();
  const locals = new Set<string>();
  const open: { char: string; at: number }[] = [];
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
    if (skipped === i && '([{'.includes(code[i])) open.push({ char: code[i], at: i });
    else if (skipped === i && ')]}'.includes(code[i])) open.pop();
    if (match && !/[\w$]/.test(code[i - 1] ?? '')) {
      const name = match[0];
      const role = roleOf(code, i, end);
      const receiver = role === 'member' ? receiverOf(code, prevNonSpace(code, i - 1)) : undefined;
      // Same-named members of different receivers (`users.find`, `orders.find`) are different declarations.
      const key = `${name}|${role}|${receiver ?? ''}`;
      // After a dot any word is a member name (`p.type`, `x.default`); elsewhere keywords are not looked up.
      if (!seen.has(key) && (role === 'member' || (!KEYWORDS.has(name) && !locals.has(name)))) {
        seen.add(key);
        const declared = role === 'member' ? undefined : declarationOf(code, i, end, open.at(-1));
        if (declared) locals.add(name);
        found.push({ name, role, line: row, character: col, ...(receiver !== undefined && { receiver }), ...(declared && { declared }) });
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
