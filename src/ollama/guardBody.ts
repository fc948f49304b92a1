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
}

const NEWLINE = 0x0a;

export function guardBody(source: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let started = false;
  let lineBytes = 0;
  const start = (): void => {
    if (started) return;
    started = true;
    guard.onStarted();
  };
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, fault: BodyFault, message: string): void => {
    guard.onFault(fault);
    controller.error(new Error(message));
    reader.cancel().catch(() => undefined);
  };
  // A high-water mark of 0: the source is read only while the consumer waits, so a slow consumer is never
  // mistaken for a silent server, and only the wait for the network is timed.
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let stall: ReturnType<typeof setTimeout> | undefined;
        let stalled = false;
        if (started && guard.stallTimeoutMs !== undefined) {
          stall = setTimeout(() => {
            stalled = true;
            fail(controller, 'stalled', `no bytes for ${guard.stallTimeoutMs} ms`);
          }, guard.stallTimeoutMs);
        }
        try {
          const { done, value } = await reader.read();
          if (stalled) return;
          if (done) {
            start();
            return controller.close();
          }
          start();
          const newline = value.lastIndexOf(NEWLINE);
          lineBytes = newline < 0 ? lineBytes + value.byteLength : value.byteLength - newline - 1;
          if (lineBytes > guard.maxLineBytes) return fail(controller, 'oversizedLine', `a line longer than ${guard.maxLineBytes} bytes`);
          controller.enqueue(value);
        } catch (error) {
          if (stalled) return;
          start();
          controller.error(error);
        } finally {
          clearTimeout(stall);
        }
      },
      cancel(reason) {
        start();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
