// Status bar item: ready (model) / generating (click = stop) / offline (click = retry) / host not allowed
// (click = decide) / missing (click = pull).
import * as vscode from 'vscode';
import { namesPhi4 } from '../ollama/detectFormat';
import type { ChatStatus } from './ChatController';

interface Look {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  /** Drawn on the warning background: something needs the user. */
  readonly warn?: boolean;
}

/** The chat's status, or the model loading ahead of the first answer. */
export type BarStatus = ChatStatus | 'loading';

function lookOf(status: BarStatus, model: string): Look {
  switch (status) {
    case 'loading':
      return { text: `$(loading~spin) Loading ${modelLabel(model)}…`, tooltip: `Ollama is loading ${model} into memory — click to stop`, command: 'phi4.stop' };
    case 'ready':
      return { text: `$(hubot) ${model}`, tooltip: 'Phi-4 is ready — click to open the chat', command: 'phi4.openChat' };
    case 'generating':
      return { text: `$(loading~spin) ${model}`, tooltip: 'Phi-4 is answering — click to stop', command: 'phi4.stop' };
    case 'offline':
      return { text: '$(debug-disconnect) Phi-4 offline', tooltip: 'Ollama is not reachable — click to retry', command: 'phi4.retry', warn: true };
    case 'hostNotAllowed':
      return { text: '$(shield) Phi-4: allow host?', tooltip: 'phi4.ollamaHost is not this machine; nothing is sent there until you allow it — click to decide', command: 'phi4.retry', warn: true };
    case 'modelMissing':
      return { text: `$(cloud-download) Pull ${model}`, tooltip: `The model ${model} is not installed — click to download it`, command: 'phi4.pullModel', warn: true };
  }
}

/** "Phi-4" for the Phi-4 models, else the model's own name. */
function modelLabel(model: string): string {
  return namesPhi4(model) ? 'Phi-4' : model;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phi4.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly model: () => string) {
    this.item.name = 'Phi-4';
  }

  show(status: BarStatus): void {
    void vscode.commands.executeCommand('setContext', 'phi4.generating', status === 'generating' || status === 'loading');
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
