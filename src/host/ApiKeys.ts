// API keys for shared servers, one per base URL (or Ollama host), kept only in VS Code's secret storage:
// never in settings, logs, conversation files or the webview.
import * as vscode from 'vscode';

export class ApiKeys implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when any stored key was set or removed, in this window or another. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(PREFIX)) this.changed.fire();
    });
  }

  async get(host: string): Promise<string | undefined> {
    return host ? this.secrets.get(keyFor(host)) : undefined;
  }

  async set(host: string, key: string): Promise<void> {
    await this.secrets.store(keyFor(host), key);
  }

  async clear(host: string): Promise<void> {
    await this.secrets.delete(keyFor(host));
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
