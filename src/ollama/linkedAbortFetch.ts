// A fetch for ollama-js that also obeys our own AbortSignal, a time limit for the first byte, and the body
// guard's limits. ollama-js's own abort() only works once headers arrived, and its non-streaming calls take no signal.
import { guardBody, type BodyFault } from './guardBody';

export type FetchFn = typeof fetch;

/** Why we ended a request ourselves, if we did. */
export type AbortReason = 'cancelled' | 'timeout' | BodyFault;

export interface FetchLimits {
  /** Longest wait for the first byte of the body: Ollama sends nothing while it loads the model and reads the prompt. */
  readonly firstByteTimeoutMs: number;
  /** Longest silence once the body has started; undefined = no limit. */
  readonly stallTimeoutMs?: number;
  readonly maxLineBytes: number;
}

// Node fires a timer longer than this at once (with a TimeoutOverflowWarning), so a longer limit is capped
// to it: about 24.8 days, which is no limit in practice.
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LinkedFetch {
  readonly fetch: FetchFn;
  abortReason(): AbortReason | undefined;
}

export function linkedAbortFetch(signal: AbortSignal | undefined, limits: FetchLimits, base: FetchFn = fetch): LinkedFetch {
  let reason: AbortReason | undefined;
  const wrapped: FetchFn = async (input, init) => {
    const controller = new AbortController();
    const onAbort = (): void => {
      reason ??= 'cancelled';
      controller.abort(signal?.reason);
    };
    if (signal?.aborted) onAbort();
    // The listener stays for the whole body, so a Stop mid-answer still closes the connection.
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      reason ??= 'timeout';
      controller.abort(new DOMException('Ollama did not answer in time', 'TimeoutError'));
    }, Math.min(limits.firstByteTimeoutMs, MAX_TIMER_MS));
    const signals = [controller.signal];
    if (init?.signal) signals.push(init.signal);
    const linked = AbortSignal.any(signals);
    let response: Response;
    try {
      response = await base(input, { ...init, signal: linked });
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
    if (!response.body) {
      clearTimeout(timer);
      return response;
    }
    const body = guardBody(response.body, {
      signal: linked,
      stallTimeoutMs: limits.stallTimeoutMs,
      maxLineBytes: limits.maxLineBytes,
      onStarted: () => clearTimeout(timer),
      onFault: (fault) => {
        reason ??= fault;
        // Closing the connection makes Ollama stop generating.
        controller.abort(new DOMException(`Ollama's answer was stopped (${fault})`, 'AbortError'));
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: wrapped, abortReason: () => reason };
}
