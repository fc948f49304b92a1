// The banners the chat view shows for a condition of the whole chat rather than one answer.
import * as vscode from 'vscode';
import type { OllamaError } from '../ollama/OllamaError';
import { ACTION_LABELS, type Banner } from '../protocol/messages';
import type { RequestSettings } from '../request/RequestSettings';

type Where = Pick<RequestSettings, 'provider' | 'host'>;

export function offlineBanner(where: Where, error: OllamaError): Banner {
  if (where.provider !== 'ollama') {
    // A shared server: the error's own actions (Set API Key, Choose Model…) are what helps.
    const ids = error.actions.includes('retry') ? error.actions : (['retry', ...error.actions] as const);
    return { kind: 'offline', title: vscode.l10n.t('The server at {0} cannot answer', where.host), message: error.message, actions: ids.map((id) => ({ id, label: ACTION_LABELS[id] })) };
  }
  return {
    kind: 'offline',
    title: vscode.l10n.t('Ollama is not reachable at {0}', where.host),
    message: error.kind === 'unreachable' ? vscode.l10n.t('{0} Not installed yet? Get it from ollama.com.', error.message) : error.message,
    actions: [
      { id: 'retry', label: vscode.l10n.t('Retry') },
      { id: 'openSettings', label: vscode.l10n.t('Open Settings') },
    ],
  };
}

export function hostNotAllowedBanner(where: Where): Banner {
  const setting = where.provider === 'ollama' ? 'phi4.ollamaHost' : 'phi4.openaiCompatible.baseUrl';
  return {
    kind: 'info',
    title: vscode.l10n.t('Allow Phi-4 to use {0}?', where.host),
    message: vscode.l10n.t('{0} points to another machine. Your prompts and code would be sent there, so Phi-4 contacts nothing there until you allow it.', setting),
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

/** The banner when phi4.model is not among the models the server lists, or undefined when it is. */
export function missingModelBanner(settings: Where & Pick<RequestSettings, 'model'>, models: readonly string[]): Banner | undefined {
  if (settings.provider === 'ollama') {
    const wanted = settings.model.includes(':') ? settings.model : `${settings.model}:latest`;
    return models.includes(wanted) ? undefined : modelMissingBanner(settings.model);
  }
  // Unset: the server's only model is used. A shared server's models are its admin's business: no Pull.
  if (settings.model === '' ? models.length === 1 : models.includes(settings.model)) return undefined;
  return chooseModelBanner(settings, settings.model === '' ? vscode.l10n.t('phi4.model is not set and the server serves {0} models.', models.length) : vscode.l10n.t('The server does not serve "{0}".', settings.model));
}

/** A shared server's models are its admin's business: choose one of them, never pull. */
export function chooseModelBanner(settings: Where, message: string): Banner {
  return { kind: 'modelMissing', title: vscode.l10n.t('Choose the model to use on {0}', settings.host), message, actions: [{ id: 'selectModel', label: vscode.l10n.t('Choose Model') }, { id: 'openSettings', label: vscode.l10n.t('Open Settings') }] };
}
