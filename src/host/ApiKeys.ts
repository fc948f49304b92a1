// API keys for shared servers, one per base URL (or Ollama host), kept only in VS Code's secret storage:
// never in settings, logs, conversation files or the webview.
import * as vscode from 'vscode';

export class ApiKeys implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any stored key was set or removed, in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Keys already read, so each request does not wait on a round trip to secret storage. */
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (!e.key.startsWith(PREFIX)) return;
      this.known.clear();
      this.changed.fire();
    });
  }

  /**
   * Most people never set a key: a marker in globalState (that a key exists, never the key) lets them skip
   * secret storage, whose every read is a round trip to the window, before each request.
   */
  async get(host: string): Promise<string | undefined> {
    if (!host || !this.state.get<boolean>(markerFor(host))) return undefined;
    let pending = this.known.get(host);
    if (!pending) {
      pending = Promise.resolve(this.secrets.get(keyFor(host)));
      this.known.set(host, pending);
    }
    return pending;
  }

  async set(host: string, key: string): Promise<void> {
    // Marker first: another window that hears of the new secret then already finds the marker.
    await this.state.update(markerFor(host), true);
    await this.secrets.store(keyFor(host), key);
    this.known.delete(host);
  }

  async clear(host: string): Promise<void> {
    await this.secrets.delete(keyFor(host));
    await this.state.update(markerFor(host), undefined);
    this.known.delete(host);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const PREFIX = 'phi4.apiKey:';

function keyFor(host: string): string {
  return `${PREFIX}${host}`;
}

function markerFor(host: string): string {
  return `phi4.hasApiKey:${host}`;
}
