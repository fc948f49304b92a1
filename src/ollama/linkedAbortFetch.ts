// A fetch for ollama-js that also obeys our own AbortSignal and a time limit for the response headers.
// ollama-js's own abort() only works once headers arrived, and its non-streaming calls take no signal.

export type FetchFn = typeof fetch;

export interface LinkedFetch {
  readonly fetch: FetchFn;
  /** Why the request was aborted by us, if it was. */
  abortReason(): 'cancelled' | 'timeout' | undefined;
}

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
    }, headersTimeoutMs);
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
