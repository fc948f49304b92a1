// Passes an Ollama response body through to ollama-js while watching the bytes: it stops a body that goes
// silent once it has started, or that sends a line which never ends (ollama-js would buffer it forever).

/** Most bytes accepted without a newline. Ollama's lines carry a token or two; 1 MB lines still pass intact. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export type BodyFault = 'stalled' | 'oversizedLine';

export interface BodyGuard {
  /** Longest silence between bytes once the first byte arrived; undefined = no limit. */
  readonly stallTimeoutMs?: number;
  readonly maxLineBytes: number;
  /** The first byte arrived, or the body ended (or failed) before any did. */
  readonly onStarted: () => void;
  /** Called before the body fails, so the fault is known when ollama-js's error reaches the caller. */
  readonly onFault: (fault: BodyFault) => void;
  /**
   * The request's signal. ollama-js stops reading after the done line and aborts: the source must then be
   * cancelled here, or it stays locked by this reader and keeps the whole request (its prompt) reachable.
   */
  readonly signal?: AbortSignal;
}

const NEWLINE = 0x0a;

export function guardBody(source: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const stallMs = guard.stallTimeoutMs;
  let out: ReadableStreamDefaultController<Uint8Array>;
  let started = false;
  let finished = false;
  let lineBytes = 0;
  // When the read now pending began (undefined while none is). Only the wait for the network is timed,
  // never a consumer that is slow to ask for more.
  let waitingSince: number | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const start = (): void => {
    if (started) return;
    started = true;
    guard.onStarted();
  };
  const onAbort = (): void => {
    if (finished) return;
    finish();
    reader.cancel(guard.signal?.reason).catch(() => undefined);
    out.error(guard.signal?.reason);
  };
  const finish = (): void => {
    finished = true;
    clearTimeout(watchdog);
    guard.signal?.removeEventListener('abort', onAbort);
  };
  if (guard.signal?.aborted) queueMicrotask(onAbort);
  else guard.signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (fault: BodyFault, message: string): void => {
    finish();
    guard.onFault(fault);
    out.error(new Error(message));
    reader.cancel().catch(() => undefined);
  };
  // One timer for the whole body that re-arms itself for whatever is left, rather than a timer per chunk:
  // an answer is thousands of small chunks.
  const check = (): void => {
    watchdog = undefined;
    if (finished || waitingSince === undefined || stallMs === undefined) return;
    const left = waitingSince + stallMs - performance.now();
    if (left > 0) watchdog = setTimeout(check, left);
    else fail('stalled', `no bytes for ${stallMs} ms`);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        out = controller;
      },
      async pull(controller) {
        if (started && stallMs !== undefined) {
          waitingSince = performance.now();
          watchdog ??= setTimeout(check, stallMs);
        }
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (finished) return;
          finish();
          start();
          return controller.error(error);
        } finally {
          waitingSince = undefined;
        }
        if (finished) return;
        start();
        if (chunk.done) {
          finish();
          return controller.close();
        }
        const bytes = chunk.value;
        const newline = bytes.lastIndexOf(NEWLINE);
        lineBytes = newline < 0 ? lineBytes + bytes.byteLength : bytes.byteLength - newline - 1;
        if (lineBytes > guard.maxLineBytes) return fail('oversizedLine', `a line longer than ${guard.maxLineBytes} bytes`);
        controller.enqueue(bytes);
      },
      cancel(reason) {
        finish();
        start();
        return reader.cancel(reason);
      },
    },
    // Pull only while the consumer waits for data, so the wait timed above is the network's.
    { highWaterMark: 0 },
  );
}
