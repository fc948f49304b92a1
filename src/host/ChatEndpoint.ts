// One webview showing the chat (sidebar view or editor tab). Holds posts until the webview says it is ready,
// so nothing is lost while its script loads.
import type * as vscode from 'vscode';
import type { HostToWebview } from '../protocol/messages';

export class ChatEndpoint {
  private ready = false;
  private pending: HostToWebview[] = [];

  constructor(
    readonly webview: vscode.Webview,
    private readonly onReady?: () => void,
  ) {}

  post(message: HostToWebview): void {
    if (!this.ready) {
      // A restore supersedes everything queued before it.
      if (message.type === 'restore') this.pending = [];
      this.pending.push(message);
      return;
    }
    void this.webview.postMessage(message);
  }

  /** The webview (re)loaded its script: it has no state, so it gets a fresh snapshot first. */
  markReady(snapshot: readonly HostToWebview[]): void {
    this.ready = true;
    this.onReady?.();
    const queued = this.pending.filter((m) => m.type !== 'restore' && m.type !== 'answerChunk' && m.type !== 'turnAdded' && m.type !== 'answerEnded');
    this.pending = [];
    for (const m of [...snapshot, ...queued]) void this.webview.postMessage(m);
  }
}
