// Test oracle: tokenizes a rendered prompt the way Ollama does for Phi-4 — control-token strings
// become their single ids, the text between them is ordinary cl100k_base BPE.
import { encode } from 'gpt-tokenizer/encoding/cl100k_base';

export const SPECIAL_IDS: Record<string, number> = { '<|endoftext|>': 100257, '<|im_start|>': 100264, '<|im_end|>': 100265, '<|im_sep|>': 100266 };

export function phi4Tokenize(text: string): number[] {
  const ids: number[] = [];
  for (const part of text.split(/(<\|(?:im_start|im_end|im_sep|endoftext)\|>)/)) {
    if (part === '') continue;
    const special = SPECIAL_IDS[part];
    if (special !== undefined) ids.push(special);
    else ids.push(...encode(part, { disallowedSpecial: new Set() }));
  }
  return ids;
}
