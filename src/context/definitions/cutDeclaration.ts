// Cuts the declaration a definition position points at out of its file: a whole function, method, interface,
// type, enum or const; for a member of a large class, the class header and that member.
import type { DeclarationSymbol } from './DeclarationSymbol';
import { memberOutline } from './memberOutline';

/** A declaration cut from a file: lines [startLine, endLine], or a container's header plus one member. */
export interface DeclarationCut {
  readonly startLine: number;
  readonly endLine: number;
  /** Set when only one member of a larger class or interface is taken: the container's first line. */
  readonly container?: { readonly startLine: number; readonly endLine: number };
}

/** A class or interface at most this long is sent whole; a longer one as its header and the members used. */
export const WHOLE_CONTAINER_LINES = 40;

const MEMBER_KINDS = new Set(['method', 'property', 'field', 'constructor']);

/** The chain of symbols containing `line`, outermost first. */
function symbolPath(symbols: readonly DeclarationSymbol[], line: number): DeclarationSymbol[] {
  const path: DeclarationSymbol[] = [];
  let level = symbols;
  for (;;) {
    // The innermost, shortest symbol wins when siblings overlap (a variable and the function assigned to it).
    const hit = level.filter((s) => s.startLine <= line && line <= s.endLine).sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

/**
 * The declaration at `line` (the definition's name) given the file's symbols; `fallback` (the range the
 * language server gave) when no symbol contains it.
 */
export function cutDeclaration(symbols: readonly DeclarationSymbol[], line: number, fallback?: { startLine: number; endLine: number }): DeclarationCut {
  const path = symbolPath(symbols, line);
  // Locals of a function are not declarations worth cutting apart: stop at the first function-like symbol.
  const fnIndex = path.findIndex((s) => s.kind === 'function' || (s.kind === 'method' && path.indexOf(s) > 0) || s.kind === 'constructor');
  const chain = fnIndex >= 0 ? path.slice(0, fnIndex + 1) : path;
  const target = chain.at(-1);
  if (!target) return fallback ?? { startLine: line, endLine: line };
  // A long class reached as a whole (`new X()`): its header and constructor say how it is made.
  if ((target.kind === 'class' || target.kind === 'struct') && target.endLine - target.startLine + 1 > WHOLE_CONTAINER_LINES) {
    const ctor = target.children.find((c) => c.kind === 'constructor');
    const first = target.children[0];
    if (ctor) return { startLine: ctor.startLine, endLine: ctor.endLine, container: { startLine: target.startLine, endLine: target.endLine } };
    return { startLine: target.startLine, endLine: Math.max(target.startLine, (first?.startLine ?? target.startLine + 1) - 1), container: { startLine: target.startLine, endLine: target.endLine } };
  }
  const parent = chain.at(-2);
  if (!parent) return whole(target);
  // A member of an enum, a const object or a small class/interface: the whole container reads best.
  if (parent.kind === 'enum' || parent.kind === 'variable' || parent.kind === 'constant' || parent.kind === 'module') return whole(chain[0]);
  if ((parent.kind === 'class' || parent.kind === 'interface' || parent.kind === 'struct') && MEMBER_KINDS.has(target.kind)) {
    if (parent.endLine - parent.startLine + 1 <= WHOLE_CONTAINER_LINES) return whole(parent);
    return { startLine: target.startLine, endLine: target.endLine, container: { startLine: parent.startLine, endLine: parent.endLine } };
  }
  return whole(target);
}

function whole(symbol: DeclarationSymbol): DeclarationCut {
  return { startLine: symbol.startLine, endLine: symbol.endLine };
}

/**
 * The declaration's head without its body: the lines up to the one opening the body (`{`, `=>`, or a Python
 * colon), with an ellipsis standing for the rest. A class, interface, enum or object type keeps its members'
 * declaration lines (without their bodies).
 */
export function signatureOf(text: string): string {
  const outline = memberOutline(text);
  if (outline !== undefined) return outline;
  const lines = text.split('\n');
  const head: string[] = [];
  for (const line of lines) {
    head.push(line);
    if (head.length >= 8 || /(?:\{|=>|:)\s*$/.test(line) || /;\s*$/.test(line)) break;
  }
  if (head.length === lines.length) return text;
  const indent = /^\s*/.exec(head[0])?.[0] ?? '';
  return `${head.join('\n')}\n${indent}  …`;
}
