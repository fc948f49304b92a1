// Commands about the server and the model: pull, choose, show the log, open the settings.
import * as vscode from 'vscode';
import type { Services } from './createServices';
import { pullModel } from './pullModel';
import type { ChatFeature } from './registerChat';
import { updateSetting } from './settings';
import { registerApiKeyCommands } from './registerApiKeyCommands';
import type { WalkthroughProgress } from './walkthrough/WalkthroughProgress';

export function registerModelCommands(context: vscode.ExtensionContext, services: Services, chat: ChatFeature, progress: WalkthroughProgress): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.showLog', () => services.channel.show(true)),
    vscode.commands.registerCommand('phi4.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', 'phi4.')),
    vscode.commands.registerCommand('phi4.pullModel', async (model?: unknown) => {
      const name = typeof model === 'string' && model ? model : services.settings().model;
      if (services.settings().provider !== 'ollama') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Pulling a model is for Ollama only: a shared server serves the models its admin installed. Use "Phi-4: Choose Model" instead.'));
        return;
      }
      if (!(await mayContact(services))) return;
      if (await pullModel(services.ollama(), name)) {
        progress.complete('modelReady');
        services.resolver.invalidate();
        await chat.controller.refresh();
      }
    }),
    vscode.commands.registerCommand('phi4.selectModel', async () => {
      const { model: current, provider, host } = services.settings();
      if (!(await mayContact(services))) return;
      let names: string[] = [];
      try {
        names = (await services.client().listModels()).map((m) => m.name);
      } catch (e) {
        void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        names.map((n) => ({ label: n, description: n === current || n === `${current}:latest` ? vscode.l10n.t('current') : undefined })),
        provider === 'ollama'
          ? { title: vscode.l10n.t('Phi-4: Choose the Ollama model'), placeHolder: names.length ? vscode.l10n.t('Installed models') : vscode.l10n.t('No models installed — run `ollama pull phi4`') }
          : { title: vscode.l10n.t('Phi-4: Choose a model served by {0}', host), placeHolder: names.length ? vscode.l10n.t('Served models') : vscode.l10n.t('The server lists no models') },
      );
      if (!picked) return;
      await updateSetting('model', picked.label);
      progress.complete('modelReady');
    }),
  );
  registerApiKeyCommands(context, services, () => chat.controller.refresh());
}

/** The same check as every request: an unusable host is reported, and a host that is not this machine is asked about. */
async function mayContact(services: Services): Promise<boolean> {
  const refused = await services.mayContact(services.settings());
  if (refused?.kind === 'invalidHost') void vscode.window.showErrorMessage(refused.message, vscode.l10n.t('Open Settings')).then((c) => c && vscode.commands.executeCommand('phi4.openSettings'));
  return refused === undefined;
}
