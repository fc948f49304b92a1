// Figures about one answer, from the final NDJSON chunk plus our own clock.

export interface AnswerStats {
  readonly model: string;
  /** Tokens Ollama evaluated for the prompt (smaller than ours means it cut the front). */
  readonly promptEvalCount?: number;
  readonly evalCount?: number;
  /** Prompt tokens the server took from its prefix cache, when it says (vLLM with --enable-prompt-tokens-details, llama-server). */
  readonly cachedPromptTokens?: number;
  readonly doneReason?: string;
  readonly timeToFirstTokenMs?: number;
  readonly tokensPerSecond?: number;
  readonly totalMs: number;
  readonly loadMs?: number;
}

export interface FinalChunk {
  readonly model?: string;
  readonly prompt_eval_count?: number;
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
    evalCount: final.eval_count,
    doneReason: final.done_reason,
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : Math.round(firstTokenAt - startedAt),
    tokensPerSecond: final.eval_count && evalNs > 0 ? (final.eval_count / evalNs) * 1e9 : undefined,
    totalMs: Math.round(now - startedAt),
    loadMs: final.load_duration ? Math.round(final.load_duration / 1e6) : undefined,
  };
}

/**
 * Ollama cuts an over-long prompt from the front and still answers 200; the only sign is a
 * smaller prompt_eval_count. A few tokens of slack covers tokenizer whitespace differences.
 * A count of 0–1 means the prompt came from Ollama's cache, which tells nothing.
 */
export function promptWasTruncated(sentTokens: number, promptEvalCount: number | undefined): boolean {
  if (promptEvalCount === undefined || promptEvalCount <= 1) return false;
  return promptEvalCount < sentTokens - Math.max(8, Math.round(sentTokens * 0.02));
}
