// Asks once per host before any prompt or code is sent to a host that is not this machine (an Ollama host or a
// shared server's base URL).
import * as vscode from 'vscode';
import { isLoopbackHost } from '../ollama/resolveHost';

export class HostConsent implements vscode.Disposable {
  private readonly accepted = new vscode.EventEmitter<string>();
  /** Fires with the host the user just allowed, so views waiting on it can connect. */
  readonly onDidAccept = this.accepted.event;

  constructor(private readonly state: vscode.Memento) {}

  private key(host: string): string {
    return `phi4.remoteHostAccepted:${host}`;
  }

  /** True for this machine, or a host the user already agreed to. */
  isAccepted(host: string): boolean {
    return isLoopbackHost(host) || this.state.get<boolean>(this.key(host)) === true;
  }

  /** Asks with a modal when needed; false means nothing may be sent. */
  async confirm(host: string): Promise<boolean> {
    if (this.isAccepted(host)) return true;
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Phi-4 is set to use {0}, which is not this machine. Your prompts and code will be sent there. Continue?', host),
      { modal: true },
      vscode.l10n.t('Send to This Host'),
    );
    if (choice !== vscode.l10n.t('Send to This Host')) return false;
    await this.state.update(this.key(host), true);
    this.accepted.fire(host);
    return true;
  }

  dispose(): void {
    this.accepted.dispose();
  }
}
