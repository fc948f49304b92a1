// The banners the chat view shows for a condition of the whole chat rather than one answer.
import * as vscode from 'vscode';
import type { OllamaError } from '../ollama/OllamaError';
import type { Banner } from '../protocol/messages';

export function offlineBanner(host: string, error: OllamaError): Banner {
  return {
    kind: 'offline',
    title: vscode.l10n.t('Ollama is not reachable at {0}', host),
    message: error.kind === 'unreachable' ? vscode.l10n.t('{0} Not installed yet? Get it from ollama.com.', error.message) : error.message,
    actions: [
      { id: 'retry', label: vscode.l10n.t('Retry') },
      { id: 'openSettings', label: vscode.l10n.t('Open Settings') },
    ],
  };
}

export function hostNotAllowedBanner(host: string): Banner {
  return {
    kind: 'info',
    title: vscode.l10n.t('Allow Phi-4 to use {0}?', host),
    message: vscode.l10n.t('phi4.ollamaHost points to another machine. Your prompts and code would be sent there, so Phi-4 contacts nothing there until you allow it.'),
    actions: [
      { id: 'allowHost', label: vscode.l10n.t('Allow This Host') },
      { id: 'openSettings', label: vscode.l10n.t('Open Settings') },
    ],
  };
}

export function modelMissingBanner(model: string): Banner {
  return {
    kind: 'modelMissing',
    title: vscode.l10n.t('The model "{0}" is not installed', model),
    message: model.startsWith('phi4') ? vscode.l10n.t('Download it with Ollama (phi4 is about 9.1 GB).') : vscode.l10n.t('Download it with Ollama or choose another model.'),
    actions: [
      { id: 'pullModel', label: vscode.l10n.t('Pull {0}{1}', model, model === 'phi4' ? ' (9.1 GB)' : '') },
      { id: 'selectModel', label: vscode.l10n.t('Choose Model') },
    ],
  };
}
