// A fetch for tests and benchmarks against the real llama-server: it makes every answer a set length and keeps,
// per completion, the prompt sent, the answer streamed and the engine's own figures from its last chunk.
import { readCompletionEvents } from '../../src/openai/readCompletionEvents';

/** Phi-4's added tokens, all of type CONTROL (../shared/fixtures/phi4-tokenizer-tiny.md). */
const CONTROL_TOKENS = Array.from({ length: 96 }, (_, i) => 100256 + i);

/** One completion as the engine saw it. */
export interface EngineExchange {
  readonly prompt: string;
  readonly answer: string;
  /** usage.prompt_tokens: the whole prompt. */
  readonly promptTokens: number;
  /** timings.prompt_n: the tokens the engine evaluated. */
  readonly promptN: number;
  /** timings.cache_n: the tokens it reused from its cache. */
  readonly cacheN?: number;
  /** usage.completion_tokens: the answer, its stop token included. */
  readonly answerTokens: number;
  /** finish_reason: 'length' when the answer ran to `answerTokens`, 'stop' at a stop token or string. */
  readonly finish?: string;
}

/**
 * The toy model mostly answers long questions with nothing but `<|im_end|>`, and an empty answer leaves its
 * exchange out of the history; `ignore_eos` keeps it writing `answerTokens` tokens, like a real answer. Kept
 * from ending, it starts a new turn with `<|im_start|>user<|im_sep|>` instead: control tokens the server leaves
 * out of the text, so they are banned, which keeps the answer text the tokens it was written as.
 */
export function recordingFetch(exchanges: EngineExchange[], answerTokens: number): typeof fetch {
  return async (input, init) => {
    if (!String(input).endsWith('/completions')) return fetch(input, init);
    const body = JSON.parse(String(init?.body)) as { prompt: string };
    const forced = { ...body, ignore_eos: true, max_tokens: answerTokens, logit_bias: CONTROL_TOKENS.map((id) => [id, false]) };
    const response = await fetch(input, { ...init, body: JSON.stringify(forced) });
    if (!response.body) return response;
    const [mine, theirs] = response.body.tee();
    void (async () => {
      let answer = '';
      let last: Record<string, unknown> = {};
      let finish: string | undefined;
      for await (const chunk of readCompletionEvents(mine)) {
        answer += chunk.choices?.[0]?.text ?? '';
        finish = chunk.choices?.[0]?.finish_reason ?? finish;
        if (chunk.usage || chunk.timings) last = { ...last, ...chunk };
      }
      const usage = last.usage as { prompt_tokens: number; completion_tokens: number };
      const timings = last.timings as { prompt_n: number; cache_n?: number };
      exchanges.push({ prompt: body.prompt, answer, promptTokens: usage.prompt_tokens, promptN: timings.prompt_n, cacheN: timings.cache_n, answerTokens: usage.completion_tokens, finish });
    })().catch(() => undefined);
    return new Response(theirs, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The recorder finishes reading a stream right after the client does: waits for the `count`th entry. */
export async function exchangeAt(exchanges: readonly EngineExchange[], count: number): Promise<EngineExchange> {
  for (let i = 0; i < 200 && exchanges.length < count; i++) await new Promise((r) => setTimeout(r, 10));
  const e = exchanges[count - 1];
  if (!e) throw new Error('the engine reported no timings');
  return e;
}
