// Coalesces streamed text so the webview gets at most one message per frame (~16 ms), never per token.

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realScheduler: Scheduler = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export class ChunkBatcher {
  private pending = '';
  private timer: unknown;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly intervalMs = 16,
    private readonly scheduler: Scheduler = realScheduler,
  ) {}

  push(text: string): void {
    this.pending += text;
    this.timer ??= this.scheduler.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends whatever is pending now; called before the answer's end so no text trails the end message. */
  flush(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.emit(text);
  }
}
