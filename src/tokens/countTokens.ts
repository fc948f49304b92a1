// Token counting with Phi-4's tokenizer (cl100k_base BPE), treating special-token strings as plain text.
import type * as Cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import { neutralizeSpecialTokens } from '../chatml/specialTokens';

// Neutralized text never contains real control tokens, and user code may contain the
// strings; the tokenizer throws on them unless told they are ordinary text.
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** `<|im_start|>`, role, `<|im_sep|>`, `\n` … `<|im_end|>`, `\n`: six tokens around each message's content. */
export const MESSAGE_OVERHEAD_TOKENS = 6;
/** `<|im_start|>assistant<|im_sep|>\n` that opens the answer. */
export const GENERATION_PROMPT_TOKENS = 4;

let encoding: typeof Cl100k | undefined;

/** The BPE tables are large; loading them on first use keeps extension activation fast. */
function cl100k(): typeof Cl100k {
  if (!encoding) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, bundled by esbuild
    encoding = require('gpt-tokenizer/encoding/cl100k_base') as typeof Cl100k;
    // The default 100,000-entry merge cache grows by megabytes over a long session; this bound keeps most of the speed.
    encoding.setMergeCacheSize(20_000);
  }
  return encoding;
}

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  return cl100k().countTokens(text, PLAIN_TEXT);
}

/** Tokens one message costs in the rendered prompt, counting its content as it is sent (neutralized). */
export function countMessageTokens(content: string): number {
  return countTokens(neutralizeSpecialTokens(content)) + MESSAGE_OVERHEAD_TOKENS;
}
