// A fetch for ollama-js that also obeys our own AbortSignal and a time limit for the response headers.
// ollama-js's own abort() only works once headers arrived, and its non-streaming calls take no signal.

export type FetchFn = typeof fetch;

export interface LinkedFetch {
  readonly fetch: FetchFn;
  /** Why the request was aborted by us, if it was. */
  abortReason(): 'cancelled' | 'timeout' | undefined;
}

// Node fires a timer longer than this at once (with a TimeoutOverflowWarning), so a longer limit is capped
// to it: about 24.8 days, which is no limit in practice.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function linkedAbortFetch(signal: AbortSignal | undefined, headersTimeoutMs: number, base: FetchFn = fetch): LinkedFetch {
  let reason: 'cancelled' | 'timeout' | undefined;
  const wrapped: FetchFn = async (input, init) => {
    const controller = new AbortController();
    const onAbort = (): void => {
      reason ??= 'cancelled';
      controller.abort(signal?.reason);
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      reason ??= 'timeout';
      controller.abort(new DOMException('Ollama did not answer in time', 'TimeoutError'));
    }, Math.min(headersTimeoutMs, MAX_TIMER_MS));
    const signals = [controller.signal];
    if (init?.signal) signals.push(init.signal);
    try {
      return await base(input, { ...init, signal: AbortSignal.any(signals) });
    } finally {
      // Only the wait for headers is timed; the listener stays so a Stop mid-answer still closes the body.
      clearTimeout(timer);
    }
  };
  return { fetch: wrapped, abortReason: () => reason };
}
