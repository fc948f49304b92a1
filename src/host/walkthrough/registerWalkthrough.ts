// "Get started with Phi-4": the walkthrough's commands, and the events that complete its steps. VS Code
// opens the walkthrough by itself on install; nothing here opens it again.
import * as vscode from 'vscode';
import type { Services } from '../createServices';
import type { FixPreviewManager } from '../fix/FixPreviewManager';
import type { ChatFeature } from '../registerChat';
import { checkOllama } from './checkOllama';
import { openSample } from './openSample';
import type { WalkthroughProgress } from './WalkthroughProgress';

export const WALKTHROUGH_ID = 'phi4-local.phi4-local#getStarted';

export function registerWalkthrough(context: vscode.ExtensionContext, services: Services, chat: ChatFeature, previews: FixPreviewManager, progress: WalkthroughProgress): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.checkOllama', () => checkOllama(services, progress)),
    vscode.commands.registerCommand('phi4.openSample', () => openSample(context)),
    vscode.commands.registerCommand('phi4.getStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
    chat.controller.onDidAnswer(({ kind, mentioned }) => {
      if (kind === 'explain') progress.complete('explained');
      else if (kind === 'chat' && mentioned) progress.complete('chatAnswered');
    }),
    previews.onDidAccept((noun) => {
      if (noun === 'fix') progress.complete('fixAccepted');
      else if (noun === 'edit') progress.complete('edited');
    }),
  );
}
