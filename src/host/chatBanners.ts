// The banners the chat view shows for a condition of the whole chat rather than one answer.
import type { OllamaError } from '../ollama/OllamaError';
import { ACTION_LABELS, type Banner } from '../protocol/messages';
import type { RequestSettings } from '../request/RequestSettings';

type Where = Pick<RequestSettings, 'provider' | 'host'>;

/** How messages name where prompts go. */
export function serverName(where: Where): string {
  return where.provider === 'ollama' ? `Ollama at ${where.host}` : `the server at ${where.host}`;
}

export function offlineBanner(where: Where, error: OllamaError): Banner {
  if (where.provider !== 'ollama') {
    // A shared server: the error's own actions (Set API Key, Choose Model…) are what helps.
    const ids = error.actions.includes('retry') ? error.actions : (['retry', ...error.actions] as const);
    return { kind: 'offline', title: `The server at ${where.host} cannot answer`, message: error.message, actions: ids.map((id) => ({ id, label: ACTION_LABELS[id] })) };
  }
  return {
    kind: 'offline',
    title: `Ollama is not reachable at ${where.host}`,
    message: error.kind === 'unreachable' ? `${error.message} Not installed yet? Get it from ollama.com.` : error.message,
    actions: [
      { id: 'retry', label: 'Retry' },
      { id: 'openSettings', label: 'Open Settings' },
    ],
  };
}

export function hostNotAllowedBanner(where: Where): Banner {
  const setting = where.provider === 'ollama' ? 'phi4.ollamaHost' : 'phi4.openaiCompatible.baseUrl';
  return {
    kind: 'info',
    title: `Allow Phi-4 to use ${where.host}?`,
    message: `${setting} points to another machine. Your prompts and code would be sent there, so Phi-4 contacts nothing there until you allow it.`,
    actions: [
      { id: 'allowHost', label: 'Allow This Host' },
      { id: 'openSettings', label: 'Open Settings' },
    ],
  };
}

export function modelMissingBanner(model: string): Banner {
  return {
    kind: 'modelMissing',
    title: `The model "${model}" is not installed`,
    message: model.startsWith('phi4') ? `Download it with Ollama (phi4 is about 9.1 GB).` : `Download it with Ollama or choose another model.`,
    actions: [
      { id: 'pullModel', label: `Pull ${model}${model === 'phi4' ? ' (9.1 GB)' : ''}` },
      { id: 'selectModel', label: 'Choose Model' },
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
  return chooseModelBanner(settings, settings.model === '' ? `phi4.model is not set and the server serves ${models.length} models.` : `The server does not serve "${settings.model}".`);
}

/** A shared server's models are its admin's business: choose one of them, never pull. */
export function chooseModelBanner(settings: Where, message: string): Banner {
  return { kind: 'modelMissing', title: `Choose the model to use on ${settings.host}`, message, actions: [{ id: 'selectModel', label: 'Choose Model' }, { id: 'openSettings', label: 'Open Settings' }] };
}
