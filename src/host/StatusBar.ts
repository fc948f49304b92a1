// Status bar item: ready (model) / generating (click = stop) / offline (click = retry) / host not allowed
// (click = decide) / missing (click = pull).
import * as vscode from 'vscode';
import type { ChatStatus } from './ChatController';

interface Look {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  /** Drawn on the warning background: something needs the user. */
  readonly warn?: boolean;
}

function lookOf(status: ChatStatus, model: string): Look {
  switch (status) {
    case 'ready':
      return { text: vscode.l10n.t('$(hubot) {0}', model), tooltip: vscode.l10n.t('Phi-4 is ready — click to open the chat'), command: 'phi4.openChat' };
    case 'generating':
      return { text: vscode.l10n.t('$(loading~spin) {0}', model), tooltip: vscode.l10n.t('Phi-4 is answering — click to stop'), command: 'phi4.stop' };
    case 'offline':
      return { text: vscode.l10n.t('$(debug-disconnect) Phi-4 offline'), tooltip: vscode.l10n.t('Ollama is not reachable — click to retry'), command: 'phi4.retry', warn: true };
    case 'hostNotAllowed':
      return { text: vscode.l10n.t('$(shield) Phi-4: allow host?'), tooltip: vscode.l10n.t('phi4.ollamaHost is not this machine; nothing is sent there until you allow it — click to decide'), command: 'phi4.retry', warn: true };
    case 'modelMissing':
      return { text: vscode.l10n.t('$(cloud-download) Pull {0}', model), tooltip: vscode.l10n.t('The model {0} is not installed — click to download it', model), command: 'phi4.pullModel', warn: true };
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phi4.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly model: () => string) {
    this.item.name = vscode.l10n.t('Phi-4');
  }

  show(status: ChatStatus): void {
    void vscode.commands.executeCommand('setContext', 'phi4.generating', status === 'generating');
    const look = lookOf(status, this.model());
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.command = look.command;
    this.item.backgroundColor = look.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
