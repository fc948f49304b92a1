// "Set API Key…" and "Clear API Key": the key for the server prompts go to now (base URL or Ollama host),
// typed into a password box and kept in secret storage only.
import * as vscode from 'vscode';
import type { Services } from './createServices';

export function registerApiKeyCommands(context: vscode.ExtensionContext, services: Services, refresh: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('phi4.setApiKey', async () => {
      const settings = services.settings();
      if (!(await usableHost(services))) return;
      const key = await vscode.window.showInputBox({
        title: vscode.l10n.t('Phi-4: Set API Key'),
        prompt:
          settings.provider === 'ollama'
            ? vscode.l10n.t("The API key for Ollama at {0}. It is kept in VS Code's secret storage and sent as a bearer token to this server only.", settings.host)
            : vscode.l10n.t("The API key for the server at {0}. It is kept in VS Code's secret storage and sent as a bearer token to this server only.", settings.host),
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (/\s/.test(value.trim()) || /[\r\n]/.test(value) ? vscode.l10n.t('An API key has no spaces or line breaks.') : undefined),
      });
      if (key === undefined || key.trim() === '') return;
      await services.apiKeys.set(settings.host, key.trim());
      services.log.info(`API key set for ${settings.host}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('API key saved for {0}.', settings.host));
      await refresh();
    }),
    vscode.commands.registerCommand('phi4.clearApiKey', async () => {
      const settings = services.settings();
      if (!(await usableHost(services))) return;
      await services.apiKeys.clear(settings.host);
      services.log.info(`API key cleared for ${settings.host}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('API key removed for {0}.', settings.host));
      await refresh();
    }),
  );
}

/** A key belongs to a server: with no usable base URL there is nothing to store it for. */
async function usableHost(services: Services): Promise<boolean> {
  const hostError = services.settings().hostError;
  if (!hostError) return true;
  const choice = await vscode.window.showErrorMessage(hostError, vscode.l10n.t('Open Settings'));
  if (choice) await vscode.commands.executeCommand('phi4.openSettings');
  return false;
}
