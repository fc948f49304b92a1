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
  if (settings.provider !== 'ollama') return checkSharedServer(services, progress);
  let version: string;
  let installed: string[];
  try {
    version = await services.ollama().version();
    installed = (await services.client().listModels()).map((m) => m.name);
  } catch (e) {
    if (isOllamaError(e)) return showRequestError((reason) => vscode.l10n.t('Phi-4 could not check Ollama: {0}', reason), e, () => checkOllama(services, progress));
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

/** With a shared server there is nothing to install: it answers, and it serves the model (or exactly one). */
async function checkSharedServer(services: Services, progress: WalkthroughProgress): Promise<void> {
  const settings = services.settings();
  let served: string[];
  try {
    served = (await services.client().listModels()).map((m) => m.name);
  } catch (e) {
    if (isOllamaError(e)) return showRequestError((reason) => vscode.l10n.t('Phi-4 could not check the server: {0}', reason), e, () => checkOllama(services, progress));
    throw e;
  }
  progress.complete('ollamaReady');
  const model = settings.model || (served.length === 1 ? served[0] : '');
  if (model && served.includes(model)) {
    progress.complete('modelReady');
    void vscode.window.showInformationMessage(vscode.l10n.t('The server at {0} is answering and serves "{1}".', settings.host, model));
    return;
  }
  const choose = vscode.l10n.t('Choose Model');
  if ((await vscode.window.showInformationMessage(vscode.l10n.t('The server at {0} is answering; choose the model to use.', settings.host), choose)) === choose) {
    await vscode.commands.executeCommand('phi4.selectModel');
  }
}
