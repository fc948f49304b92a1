// Reloads a view whose script never said it was ready. Browser-hosted VS Code (code-server, vscode.dev)
// sometimes fails to serve a webview's resources right after a window reload, leaving an unstyled page with
// no script; setting the HTML again makes it fetch them again. Bounded, so a truly broken view gives up.

export interface LoadWatchdogOptions {
  /** Re-sets the view's HTML (with a fresh nonce, so the webview really reloads). */
  readonly reload: () => void;
  /** Hidden views do not load; they are given time until they are shown. */
  readonly isVisible: () => boolean;
  readonly onGiveUp: () => void;
  readonly timeoutMs?: number;
  readonly maxReloads?: number;
}

export class LoadWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reloads = 0;

  constructor(private readonly options: LoadWatchdogOptions) {}

  /** The HTML was (re)set: expect a ready message within the timeout. */
  start(): void {
    this.stop();
    this.timer = setTimeout(() => this.expired(), this.options.timeoutMs ?? 6_000);
  }

  /** The view's script reported ready. */
  ready(): void {
    this.stop();
    this.reloads = 0;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private expired(): void {
    this.timer = undefined;
    if (!this.options.isVisible()) return this.start();
    if (this.reloads >= (this.options.maxReloads ?? 3)) return this.options.onGiveUp();
    this.reloads++;
    this.start();
    this.options.reload();
  }
}
