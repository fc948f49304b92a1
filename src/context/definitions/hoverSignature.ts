// When a function's signature is better taken from the language server's hover than cut from the text: library
// and declaration files (overloads, `declare` forms the cut shows one of) and heads too long to find the body.
import type { ContextDefinition } from './ContextDefinition';
import { memberOutline } from './memberOutline';

/** A hover signature longer than this is not a signature any more (a type expanded in full). */
const MAX_HOVER_CHARS = 1500;
/** signatureOf gives up looking for the body after this many lines. */
const TEXT_HEAD_LINES = 8;

const FUNCTION_HEAD = /\b(?:function|def|fn|func|fun)\b|^\s*(?:(?:public|private|protected|static|async|abstract|override|readonly|export|declare|default)\s+)*[\w$]+\s*(?:<[^>]*>)?\s*\(|=>/;

/** True for a function or method sent as its signature whose text alone may not say how to call it. */
export function wantsHoverSignature(def: ContextDefinition): boolean {
  if (memberOutline(def.text) !== undefined || !FUNCTION_HEAD.test(def.text.split('\n')[0] ?? '')) return false;
  const headCut = def.signature.split('\n').length > TEXT_HEAD_LINES;
  return def.signatureOnly || headCut;
}

/**
 * The code of the first fenced block in a hover's markdown parts, as the signature to send; undefined when
 * the hover has none or it is too long. The language server's own wording ("(method) Store.get(…)",
 * "(+1 overload)") is kept: it is what the editor shows the user too.
 */
export function signatureFromHover(parts: readonly string[]): string | undefined {
  for (const part of parts) {
    const block = /```[\w+-]*\n([\s\S]*?)\n?```/.exec(part);
    const code = block?.[1].trim();
    if (code) return code.length <= MAX_HOVER_CHARS ? code : undefined;
  }
  return undefined;
}
