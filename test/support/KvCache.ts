// The prompt (KV) cache of an Ollama server, per loaded model, as ../../../shared/reference/ollama-kv-cache.md
// describes it: one slot (OLLAMA_NUM_PARALLEL=1, the default [E1][F1]) holding the last prompt plus the
// answer generated for it; a new prompt evaluates only what follows the longest common token prefix, a full
// match still evaluates one token [P1]; a reload (an explicit different num_ctx [S1], keep_alive expiry [F1])
// empties it. Optionally the ≥ v0.30 host-RAM prompt cache that saves an evicted slot and restores the best
// saved prompt [L1][L2]. Pure bookkeeping on token ids; the server does the HTTP.

/** How a server reports prompt_eval_count (and whether prompt_eval_cached_count exists). */
export type CountReporting =
  /** Current Ollama (PR #17943): prompt_eval_count is the whole prompt, prompt_eval_cached_count the cached part. */
  | 'cached'
  /** v0.30.1 to before #17943 (and the Go runners): the whole prompt, no cached count (PR #16428). */
  | 'total'
  /** Ollama 0.30.0's regression (#16414): only the newly evaluated tokens, no cached count. */
  | 'newOnly';

export interface PromptEvaluation {
  /** Tokens the model saw, after any front truncation. */
  readonly promptTokens: number;
  readonly cachedTokens: number;
  /** promptTokens − cachedTokens: what had to be computed. */
  readonly evaluatedTokens: number;
  /** The model was (re)loaded for this request, so nothing could come from the cache. */
  readonly loaded: boolean;
  readonly truncated: boolean;
}

interface Slot {
  numCtx: number;
  expiresAt: number;
  tokens: number[];
}

/** Ollama's default num_keep: the first tokens kept when a prompt is cut [T1]. */
export const NUM_KEEP = 4;
/** `--cache-ram` defaults to 8192 MiB [L1]; at ~200 KiB per token of Phi-4 that holds about 42K tokens. */
const RAM_CACHE_TOKENS = Math.floor((8192 * 1024) / 200);

export function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

export class KvCache {
  private readonly slots = new Map<string, Slot>();
  private ram: number[][] = [];

  constructor(private readonly options: { ramCache?: boolean; defaultNumCtx?: number } = {}) {}

  /**
   * Loads the model unless it is loaded with compatible options and has not expired; a load empties its cache.
   * `numCtx` undefined: the request did not name one. Returns whether a load happened.
   */
  load(model: string, numCtx: number | undefined, keepAliveMs: number, now: number): boolean {
    const slot = this.slots.get(model);
    const expired = slot !== undefined && slot.expiresAt <= now;
    const differs = slot !== undefined && numCtx !== undefined && numCtx !== slot.numCtx;
    const reload = slot === undefined || expired || differs;
    if (reload) {
      this.slots.set(model, { numCtx: numCtx ?? this.options.defaultNumCtx ?? 4096, expiresAt: 0, tokens: [] });
      // A new runner starts with an empty RAM cache too [S1].
      this.ram = [];
    }
    this.slots.get(model)!.expiresAt = keepAliveMs < 0 ? Number.POSITIVE_INFINITY : now + keepAliveMs;
    return reload;
  }

  loadedModels(now: number): { model: string; numCtx: number; expiresAt: number }[] {
    return [...this.slots].filter(([, s]) => s.expiresAt > now).map(([model, s]) => ({ model, numCtx: s.numCtx, expiresAt: s.expiresAt }));
  }

  numCtxOf(model: string): number {
    return this.slots.get(model)?.numCtx ?? this.options.defaultNumCtx ?? 4096;
  }

  /**
   * Evaluates a prompt on a loaded model: cuts it like the Go runners when it exceeds num_ctx (num_keep plus
   * the tail, exactly num_ctx [P2]) and reuses the longest common prefix. Returns the tokens kept.
   */
  evaluate(model: string, prompt: readonly number[], loaded: boolean): { evaluation: PromptEvaluation; kept: number[] } {
    const slot = this.slots.get(model);
    if (!slot) throw new Error(`${model} is not loaded`);
    const truncated = prompt.length > slot.numCtx;
    const kept = truncated ? [...prompt.slice(0, NUM_KEEP), ...prompt.slice(prompt.length - (slot.numCtx - NUM_KEEP))] : [...prompt];
    let shared = commonPrefix(slot.tokens, kept);
    if (this.options.ramCache) shared = this.swapWithRam(slot, kept, shared);
    // A full match still evaluates the last token to get logits for the answer [P1].
    const cached = Math.min(shared, Math.max(kept.length - 1, 0));
    slot.tokens = kept;
    return { evaluation: { promptTokens: kept.length, cachedTokens: cached, evaluatedTokens: kept.length - cached, loaded, truncated }, kept };
  }

  /** The answer's tokens join the slot as they are generated [P2][L1]; the last one (the stop) is not kept. */
  generated(model: string, answer: readonly number[]): void {
    const slot = this.slots.get(model);
    if (slot) slot.tokens = [...slot.tokens, ...answer];
  }

  /**
   * llama-server saves a slot that would keep under half its tokens to host RAM and restores the saved
   * prompt sharing the most with the new one [L2] (`pre_decode`).
   */
  private swapWithRam(slot: Slot, prompt: readonly number[], shared: number): number {
    if (slot.tokens.length > 0 && shared < slot.tokens.length / 2) {
      this.ram.push(slot.tokens);
      let size = this.ram.reduce((n, t) => n + t.length, 0);
      while (size > RAM_CACHE_TOKENS && this.ram.length > 1) size -= this.ram.shift()!.length;
    }
    let best = shared;
    let bestAt = -1;
    this.ram.forEach((saved, i) => {
      const n = commonPrefix(saved, prompt);
      if (n > best) [best, bestAt] = [n, i];
    });
    if (bestAt >= 0) this.ram.splice(bestAt, 1);
    return best;
  }
}

/** Ollama's keep_alive in ms: seconds as a number, a Go duration string, negative = forever; default 5m [F1]. */
export function keepAliveMs(value: unknown): number {
  if (typeof value === 'number') return value < 0 ? -1 : value * 1000;
  if (typeof value !== 'string' || value === '') return 5 * 60_000;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of value.matchAll(/(-?\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * units[m[2]];
  return total < 0 ? -1 : total;
}
