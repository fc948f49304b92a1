// Status bar item: ready (model) / generating (click = stop) / offline (click = retry) / host not allowed
// (click = decide) / missing (click = pull).
import * as vscode from 'vscode';
import type { ChatStatus } from './ChatController';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phi4.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly model: () => string) {
    this.item.name = 'Phi-4';
  }

  show(status: ChatStatus): void {
    const item = this.item;
    void vscode.commands.executeCommand('setContext', 'phi4.generating', status === 'generating');
    item.backgroundColor = undefined;
    switch (status) {
      case 'ready':
        item.text = `$(hubot) ${this.model()}`;
        item.tooltip = 'Phi-4 is ready — click to open the chat';
        item.command = 'phi4.openChat';
        break;
      case 'generating':
        item.text = `$(loading~spin) ${this.model()}`;
        item.tooltip = 'Phi-4 is answering — click to stop';
        item.command = 'phi4.stop';
        break;
      case 'offline':
        item.text = '$(debug-disconnect) Phi-4 offline';
        item.tooltip = 'Ollama is not reachable — click to retry';
        item.command = 'phi4.retry';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'hostNotAllowed':
        item.text = '$(shield) Phi-4: allow host?';
        item.tooltip = 'phi4.ollamaHost is not this machine; nothing is sent there until you allow it — click to decide';
        item.command = 'phi4.retry';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'modelMissing':
        item.text = `$(cloud-download) Pull ${this.model()}`;
        item.tooltip = `The model ${this.model()} is not installed — click to download it`;
        item.command = 'phi4.pullModel';
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
