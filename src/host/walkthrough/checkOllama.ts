// The walkthrough's first step: is Ollama running, which version, and is the configured model installed?
// Says what to do when something is missing; completes the steps whose event really happened.
import * as vscode from 'vscode';
import { isOllamaError } from '../../ollama/OllamaError';
import type { Services } from '../createServices';
import { showRequestError } from '../showRequestError';
import type { WalkthroughProgress } from './WalkthroughProgress';

export async function checkOllama(services: Services, progress: WalkthroughProgress): Promise<void> {
  const settings = services.settings();
  const refused = await services.mayContact(settings);
  if (refused) {
    if (refused.kind === 'invalidHost') void vscode.window.showErrorMessage(refused.message);
    return;
  }
  let version: string;
  let installed: string[];
  try {
    version = await services.client().version();
    installed = (await services.client().listModels()).map((m) => m.name);
  } catch (e) {
    if (isOllamaError(e)) return showRequestError(vscode.l10n.t('check Ollama'), e, () => checkOllama(services, progress));
    throw e;
  }
  progress.complete('ollamaReady');
  const model = settings.model;
  if (installed.includes(model) || installed.includes(`${model}:latest`)) {
    progress.complete('modelReady');
    void vscode.window.showInformationMessage(vscode.l10n.t('Ollama {0} is running at {1}, and the model "{2}" is installed.', version, settings.host, model));
    return;
  }
  const pull = vscode.l10n.t('Pull {0}', model);
  const choose = vscode.l10n.t('Choose Model');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Ollama {0} is running at {1}, but the model "{2}" is not installed. Pull it, or choose one you have.', version, settings.host, model),
    pull,
    ...(installed.length > 0 ? [choose] : []),
  );
  if (choice === pull) await vscode.commands.executeCommand('phi4.pullModel');
  else if (choice === choose) await vscode.commands.executeCommand('phi4.selectModel');
}
