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
  const read = new GuardedRead(source.getReader(), guard);
  return new ReadableStream<Uint8Array>(
    {
      start: (controller) => read.attach(controller),
      pull: (controller) => read.pull(controller),
      cancel: (reason) => read.cancel(reason),
    },
    // Pull only while the consumer waits for data, so the wait GuardedRead times is the network's.
    { highWaterMark: 0 },
  );
}

/** The state of one guarded body: whether it started or finished, the open line's length, the stall timer. */
class GuardedRead {
  private out!: ReadableStreamDefaultController<Uint8Array>;
  private started = false;
  private finished = false;
  private lineBytes = 0;
  // When the read now pending began (undefined while none is). Only the wait for the network is timed,
  // never a consumer that is slow to ask for more.
  private waitingSince: number | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private readonly stallMs: number | undefined;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly guard: BodyGuard,
  ) {
    this.stallMs = guard.stallTimeoutMs;
    if (guard.signal?.aborted) queueMicrotask(this.onAbort);
    else guard.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  attach(controller: ReadableStreamDefaultController<Uint8Array>): void {
    this.out = controller;
  }

  async pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    if (this.started && this.stallMs !== undefined) {
      this.waitingSince = performance.now();
      this.watchdog ??= setTimeout(this.check, this.stallMs);
    }
    let chunk: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
    try {
      chunk = await this.reader.read();
    } catch (error) {
      if (this.finished) return;
      this.finish();
      this.start();
      return controller.error(error);
    } finally {
      this.waitingSince = undefined;
    }
    if (this.finished) return;
    this.start();
    if (chunk.done) {
      this.finish();
      return controller.close();
    }
    const bytes = chunk.value;
    const newline = bytes.lastIndexOf(NEWLINE);
    this.lineBytes = newline < 0 ? this.lineBytes + bytes.byteLength : bytes.byteLength - newline - 1;
    if (this.lineBytes > this.guard.maxLineBytes) return this.fail('oversizedLine', `a line longer than ${this.guard.maxLineBytes} bytes`);
    controller.enqueue(bytes);
  }

  cancel(reason: unknown): Promise<void> {
    this.finish();
    this.start();
    return this.reader.cancel(reason);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.guard.onStarted();
  }

  private readonly onAbort = (): void => {
    if (this.finished) return;
    this.finish();
    this.reader.cancel(this.guard.signal?.reason).catch(() => undefined);
    this.out.error(this.guard.signal?.reason);
  };

  private finish(): void {
    this.finished = true;
    clearTimeout(this.watchdog);
    this.guard.signal?.removeEventListener('abort', this.onAbort);
  }

  private fail(fault: BodyFault, message: string): void {
    this.finish();
    this.guard.onFault(fault);
    this.out.error(new Error(message));
    this.reader.cancel().catch(() => undefined);
  }

  // One timer for the whole body that re-arms itself for whatever is left, rather than a timer per chunk:
  // an answer is thousands of small chunks.
  private readonly check = (): void => {
    this.watchdog = undefined;
    if (this.finished || this.waitingSince === undefined || this.stallMs === undefined) return;
    const left = this.waitingSince + this.stallMs - performance.now();
    if (left > 0) this.watchdog = setTimeout(this.check, left);
    else this.fail('stalled', `no bytes for ${this.stallMs} ms`);
  };
}
