// Our previous request to each model (its messages and the answer that came back), to know how much of the
// next prompt the server may have taken from its cache: a server that reports only newly evaluated tokens
// (Ollama 0.30.0, ollama/ollama#16414) must not look like one that cut the prompt.
import type { ChatMessage } from '../chatml/renderChatML';
import { neutralizeModelOutput } from '../chatml/specialTokens';
import { GENERATION_PROMPT_TOKENS, countMessageTokens, countTokens } from '../tokens/countTokens';

/** Prompts remembered per model. */
const KEPT_PROMPTS = 4;

interface SentPrompt {
  readonly messages: readonly ChatMessage[];
  readonly answer: string;
}

export class LastPrompts {
  private readonly byModel = new Map<string, SentPrompt[]>();

  remember(key: string, messages: readonly ChatMessage[], answer: string): void {
    // A few, not one: after a one-shot Fix, Ollama (>= 0.30) may restore the chat's prefix from its RAM cache
    // and count only the new tokens, which must still read as a cache hit.
    this.byModel.set(key, [{ messages, answer }, ...(this.byModel.get(key) ?? [])].slice(0, KEPT_PROMPTS));
  }

  /** Tokens at the start of `messages` that equal the previous prompt to this model followed by its answer. */
  sharedTokens(key: string, messages: readonly ChatMessage[]): number {
    return Math.max(0, ...(this.byModel.get(key) ?? []).map((previous) => sharedPrefixTokens(previous, messages)));
  }
}

export function sharedPrefixTokens(previous: SentPrompt, messages: readonly ChatMessage[]): number {
  let same = 0;
  let tokens = 0;
  const before = previous.messages;
  while (same < before.length && same < messages.length && before[same].role === messages[same].role && before[same].content === messages[same].content) {
    tokens += countMessageTokens(messages[same].content);
    same++;
  }
  const next = messages[same];
  // The previous prompt ended with the open assistant header, then the answer: a turn re-sent exactly continues it.
  if (same === before.length && next?.role === 'assistant') {
    tokens += GENERATION_PROMPT_TOKENS;
    if (next.content.startsWith(previous.answer)) tokens += countTokens(neutralizeModelOutput(previous.answer));
  }
  return tokens;
}
