// Phi-4's special-token strings and the neutralization that keeps user text from forging ChatML structure.

export const IM_START = '<|im_start|>';
export const IM_END = '<|im_end|>';
export const IM_SEP = '<|im_sep|>';
export const END_OF_TEXT = '<|endoftext|>';

/** Stop list sent with every raw request; a request `stop` replaces the model's own list. */
export const PHI4_STOP_TOKENS: readonly string[] = [IM_END, IM_START, IM_SEP, END_OF_TEXT];

// Ollama tokenizes raw prompts with special-token parsing on, so a literal "<|im_end|>"
// in a user's file would become the real control token. A zero-width space after "<"
// keeps the text readable for the model while making it ordinary text to the tokenizer.
const ZWSP = '\u200B';
const SPECIAL = /<\|(im_start|im_end|im_sep|endoftext)\|>/g;
const NEUTRALIZED = new RegExp(`<${ZWSP}\\|(im_start|im_end|im_sep|endoftext)\\|>`, 'g');

export function neutralizeSpecialTokens(text: string): string {
  return text.replace(SPECIAL, `<${ZWSP}|$1|>`);
}

/** Undo neutralization in code the model echoes back, so a fix never plants zero-width spaces in the user's file. */
export function restoreSpecialTokens(text: string): string {
  return text.replace(NEUTRALIZED, '<|$1|>');
}
