// One webview showing the chat (sidebar view or editor tab). Holds posts until the webview says it is ready,
// so nothing is lost while its script loads.
import type * as vscode from 'vscode';
import { PendingPosts } from '../viewLoad/PendingPosts';
import type { HostToWebview } from '../protocol/messages';

export class ChatEndpoint {
  private ready = false;
  private readonly pending = new PendingPosts();

  constructor(
    readonly webview: vscode.Webview,
    private readonly onReady?: () => void,
  ) {}

  post(message: HostToWebview): void {
    if (!this.ready) return this.pending.add(message);
    void this.webview.postMessage(message);
  }

  /** The webview (re)loaded its script: it has no state, so it gets a fresh snapshot of the whole state first. */
  markReady(snapshot: readonly HostToWebview[]): void {
    this.ready = true;
    this.onReady?.();
    for (const m of [...snapshot, ...this.pending.take()]) void this.webview.postMessage(m);
  }
}
