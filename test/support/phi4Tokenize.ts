// Test oracle: tokenizes a rendered prompt the way Ollama does for Phi-4 — every special-token string
// becomes its single id, the text between them is ordinary cl100k_base BPE. The special list itself is
// checked against the GGUF token table by test/unit/chatml/specialTokens.spec.ts.
import { encode } from 'gpt-tokenizer/encoding/cl100k_base';
import { PHI4_FIRST_SPECIAL_ID, PHI4_SPECIAL_TOKENS } from '../../src/chatml/specialTokens';

export const SPECIAL_IDS: Record<string, number> = Object.fromEntries(PHI4_SPECIAL_TOKENS.map((t, i) => [t, PHI4_FIRST_SPECIAL_ID + i]));

const SPLIT = new RegExp(`(${PHI4_SPECIAL_TOKENS.map((t) => t.replace(/\|/g, '\\|')).join('|')})`);

export function phi4Tokenize(text: string): number[] {
  const ids: number[] = [];
  for (const part of text.split(SPLIT)) {
    if (part === '') continue;
    const special = SPECIAL_IDS[part];
    if (special !== undefined) ids.push(special);
    else ids.push(...encode(part, { disallowedSpecial: new Set() }));
  }
  return ids;
}
