// The definitions being gathered right now, so that Stop (phi4.stop, the chat's stop, a Fix's cancel) stops
// waiting for them too: a request still gathering its context is as much under way as one that streams.
// While any is gathering, the `phi4.gatheringContext` context key is set, so Stop's key binding applies.
import * as vscode from 'vscode';

export interface GatheringRun {
  readonly signal: AbortSignal;
  /** Call when the gathering finished (in time or not). */
  end(): void;
}

export class ContextGathering {
  private readonly running = new Set<AbortController>();

  /** Starts tracking one gathering; `outer` (a caller's own cancellation) aborts it too. */
  begin(outer?: AbortSignal): GatheringRun {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener('abort', abort, { once: true });
    this.running.add(controller);
    this.changed();
    return {
      signal: controller.signal,
      end: () => {
        outer?.removeEventListener('abort', abort);
        if (this.running.delete(controller)) this.changed();
      },
    };
  }

  /** Stops waiting for every gathering under way; their requests are not sent. */
  stop(): void {
    if (this.running.size === 0) return;
    for (const controller of this.running) controller.abort();
    this.running.clear();
    this.changed();
  }

  private changed(): void {
    void vscode.commands.executeCommand('setContext', 'phi4.gatheringContext', this.running.size > 0);
  }
}
