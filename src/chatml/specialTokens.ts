// Phi-4's special-token strings and the neutralization that keeps user text from forging ChatML structure.

export const IM_START = '<|im_start|>';
export const IM_END = '<|im_end|>';
export const IM_SEP = '<|im_sep|>';
export const END_OF_TEXT = '<|endoftext|>';

/** Stop list sent with every raw request; a request `stop` replaces the model's own list. */
export const PHI4_STOP_TOKENS: readonly string[] = [IM_END, IM_START, IM_SEP, END_OF_TEXT];

const dummies = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `<|dummy_${from + i}|>`);

/** Id of the first special token; the list below continues in id order, with no gaps. */
export const PHI4_FIRST_SPECIAL_ID = 100256;

/**
 * Every special token of Phi-4's tokenizer (ids 100256–100351, all of type CONTROL), from the added tokens of
 * Phi-4's tokenizer.json as the GGUF of Ollama's `phi4` carries them. test/unit/chatml/specialTokens.spec.ts
 * checks this list against the token table of ../shared/fixtures/phi4-tokenizer-tiny.gguf.
 */
export const PHI4_SPECIAL_TOKENS: readonly string[] = [
  '<|dummy_0|>',
  END_OF_TEXT,
  '<|fim_prefix|>',
  '<|fim_middle|>',
  '<|fim_suffix|>',
  ...dummies(1, 3),
  IM_START,
  IM_END,
  IM_SEP,
  ...dummies(4, 12),
  '<|endofprompt|>',
  ...dummies(13, 87),
];

const SPECIAL_NAMES = new Set(PHI4_SPECIAL_TOKENS.map((t) => t.slice(2, -2)));

// Ollama tokenizes prompts with special-token parsing on, so a literal "<|im_end|>" (or "<|fim_prefix|>", or
// any other special string) in a user's file would become the real control token. A zero-width space (ZWSP)
// after "<" keeps the text readable for the model while making it ordinary text to the tokenizer.
//
// Restoring must give back exactly what the user had, never more: a file may itself contain "<ZWSP|im_end|>"
// (this extension's own tests do), and turning that into "<|im_end|>" would change the user's code. So
// neutralizing is an escape, not a mark: every "<", ZWSP*, "|name|>" gets one more ZWSP, and restoring
// takes exactly one away. Text that already held "<ZWSP|im_end|>" is sent as "<ZWSP ZWSP|im_end|>" and
// comes back as it was; restore(neutralize(x)) === x for every x.
const ZWSP = '\u200B';
const SPECIAL_SHAPED = /<(\u200B*)\|([a-z0-9_]+)\|>/g;
const ESCAPED_SHAPED = /<\u200B(\u200B*)\|([a-z0-9_]+)\|>/g;

export function neutralizeSpecialTokens(text: string): string {
  return text.replace(SPECIAL_SHAPED, (match, zwsp: string, name: string) => (SPECIAL_NAMES.has(name) ? `<${ZWSP}${zwsp}|${name}|>` : match));
}

const BARE_SPECIAL = /<\|([a-z0-9_]+)\|>/g;

/**
 * For the model's own earlier answers, re-sent in later prompts: they must be the bytes it produced, or Ollama's
 * cache of the prompt stops matching there. An answer holds escaped strings only where the model copied them from
 * our neutralized prompt, and those are already ordinary text, so only a bare special string gets the escape.
 */
export function neutralizeModelOutput(text: string): string {
  return text.replace(BARE_SPECIAL, (match, name: string) => (SPECIAL_NAMES.has(name) ? `<${ZWSP}|${name}|>` : match));
}

/**
 * Undoes neutralization in text the model echoes back (a fix, a code block the user inserts or copies), so
 * no zero-width spaces end up in the user's files; see above for why only one ZWSP is removed.
 */
export function restoreSpecialTokens(text: string): string {
  return text.replace(ESCAPED_SHAPED, (match, zwsp: string, name: string) => (SPECIAL_NAMES.has(name) ? `<${zwsp}|${name}|>` : match));
}
