// Figures about one answer, from the final NDJSON chunk plus our own clock.

export interface AnswerStats {
  readonly model: string;
  /**
   * The prompt tokens Ollama reports: the whole prompt on current versions (smaller than ours means it cut
   * the front), only the newly evaluated ones on 0.30.0 (ollama/ollama#16414).
   */
  readonly promptEvalCount?: number;
  /**
   * The part of the prompt that came from the server's cache, when it says: Ollama on versions that report it
   * (ollama/ollama#17943), vLLM with --enable-prompt-tokens-details, llama-server.
   */
  readonly promptEvalCachedCount?: number;
  /** Time spent evaluating the prompt's uncached part. */
  readonly promptEvalMs?: number;
  readonly evalCount?: number;
  readonly doneReason?: string;
  readonly timeToFirstTokenMs?: number;
  readonly tokensPerSecond?: number;
  readonly totalMs: number;
  readonly loadMs?: number;
}

export interface FinalChunk {
  readonly model?: string;
  readonly prompt_eval_count?: number;
  readonly prompt_eval_cached_count?: number;
  readonly prompt_eval_duration?: number;
  readonly eval_count?: number;
  readonly eval_duration?: number;
  readonly load_duration?: number;
  readonly done_reason?: string;
}

export function answerStatsFrom(final: FinalChunk, model: string, startedAt: number, firstTokenAt: number | undefined, now: number): AnswerStats {
  const evalNs = final.eval_duration ?? 0;
  return {
    model: final.model || model,
    promptEvalCount: final.prompt_eval_count,
    promptEvalCachedCount: final.prompt_eval_cached_count,
    promptEvalMs: final.prompt_eval_duration ? Math.round(final.prompt_eval_duration / 1e6) : undefined,
    evalCount: final.eval_count,
    doneReason: final.done_reason,
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : Math.round(firstTokenAt - startedAt),
    tokensPerSecond: final.eval_count && evalNs > 0 ? (final.eval_count / evalNs) * 1e9 : undefined,
    totalMs: Math.round(now - startedAt),
    loadMs: final.load_duration ? Math.round(final.load_duration / 1e6) : undefined,
  };
}

/**
 * Ollama cuts an over-long prompt from the front and still answers 200; the only sign is a smaller
 * prompt_eval_count. A few tokens of slack covers tokenizer whitespace differences. A count of 0–1 tells
 * nothing (a full cache hit on old versions). `sharedPrefix`: tokens this prompt shares with our previous
 * request to the model (its prompt and answer), which a server may have taken from its cache.
 */
export function promptWasTruncated(sentTokens: number, stats: Pick<AnswerStats, 'promptEvalCount' | 'promptEvalCachedCount'>, sharedPrefix = 0): boolean {
  const count = stats.promptEvalCount;
  if (count === undefined || count <= 1) return false;
  const slack = Math.max(8, Math.round(sentTokens * 0.02));
  const cached = stats.promptEvalCachedCount;
  // With a cached count, the count plus it is the whole prompt if the count was only the new part; when that
  // sum exceeds what was sent, the count was already the whole prompt.
  const seen = cached !== undefined && count + cached <= sentTokens + slack ? count + cached : count;
  if (seen >= sentTokens - slack) return false;
  // Without one, a count of exactly the unshared part is a server reporting new tokens only (0.30.0), not a cut.
  return cached !== undefined || Math.abs(count - (sentTokens - sharedPrefix)) > slack;
}
