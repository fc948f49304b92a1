// Status bar item: ready (model) / generating (click = stop) / offline (click = retry) / host not allowed
// (click = decide) / missing (click = pull).
import * as vscode from 'vscode';
import { namesPhi4 } from '../ollama/detectFormat';
import type { ChatStatus } from './ChatController';
import { isLoopbackHost } from '../ollama/resolveHost';
import type { Provider } from '../request/RequestSettings';

interface Look {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  /** Drawn on the warning background: something needs the user. */
  readonly warn?: boolean;
}

/** The chat's status, or the model loading ahead of the first answer. */
export type BarStatus = ChatStatus | 'loading';

/** Where prompts go, as the status bar shows it: this machine, or the shared server that gets them. */
export interface Destination {
  readonly model: string;
  readonly provider: Provider;
  readonly host: string;
}

function whereTo(d: Destination): string {
  const local = isLoopbackHost(d.host);
  if (d.provider === 'ollama') return local ? vscode.l10n.t('Prompts stay on this machine (Ollama).') : vscode.l10n.t('Prompts and code go to Ollama at {0}.', d.host);
  return local ? vscode.l10n.t('Prompts go to the server at {0} on this machine.', d.host) : vscode.l10n.t('Prompts and code go to the server at {0}.', d.host);
}

function lookOf(status: BarStatus, d: Destination): Look {
  const model = d.model || 'Phi-4';
  // A shared server gets a visible marker, so no one forgets that code leaves the computer.
  const remote = isLoopbackHost(d.host) ? '' : '$(globe) ';
  switch (status) {
    case 'loading':
      return { text: vscode.l10n.t('$(loading~spin) Loading {0}…', modelLabel(model)), tooltip: vscode.l10n.t('Ollama is loading {0} into memory — click to stop', model), command: 'phi4.stop' };
    case 'ready':
      return { text: vscode.l10n.t('$(hubot) {0}{1}', remote, model), tooltip: vscode.l10n.t('Phi-4 is ready — click to open the chat. {0}', whereTo(d)), command: 'phi4.openChat' };
    case 'generating':
      return { text: vscode.l10n.t('$(loading~spin) {0}{1}', remote, model), tooltip: vscode.l10n.t('Phi-4 is answering — click to stop. {0}', whereTo(d)), command: 'phi4.stop' };
    case 'offline':
      return { text: vscode.l10n.t('$(debug-disconnect) Phi-4 offline'), tooltip: vscode.l10n.t('{0} is not reachable — click to retry', d.provider === 'ollama' ? 'Ollama' : `The server at ${d.host}`), command: 'phi4.retry', warn: true };
    case 'hostNotAllowed':
      return { text: vscode.l10n.t('$(shield) Phi-4: allow host?'), tooltip: vscode.l10n.t('{0} is not this machine; nothing is sent there until you allow it — click to decide', d.host), command: 'phi4.retry', warn: true };
    case 'modelMissing':
      if (d.provider !== 'ollama') return { text: vscode.l10n.t('$(warning) Phi-4: choose model'), tooltip: vscode.l10n.t('Choose a model served by {0}', d.host), command: 'phi4.selectModel', warn: true };
      return { text: vscode.l10n.t('$(cloud-download) Pull {0}', model), tooltip: vscode.l10n.t('The model {0} is not installed — click to download it', model), command: 'phi4.pullModel', warn: true };
  }
}

/** "Phi-4" for the Phi-4 models, else the model's own name. */
function modelLabel(model: string): string {
  // eslint-disable-next-line phi4/no-raw-ui-string -- the product's name, the same in every language
  return namesPhi4(model) ? 'Phi-4' : model;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phi4.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly destination: () => Destination) {
    this.item.name = vscode.l10n.t('Phi-4');
  }

  show(status: BarStatus): void {
    void vscode.commands.executeCommand('setContext', 'phi4.generating', status === 'generating' || status === 'loading');
    const look = lookOf(status, this.destination());
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    // Screen readers hear where prompts go too, not just the model name.
    this.item.accessibilityInformation = { label: `${look.text.replace(/\$\([^)]*\)\s*/g, '')}. ${look.tooltip}` };
    this.item.command = look.command;
    this.item.backgroundColor = look.warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
