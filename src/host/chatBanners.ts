// The banners the chat view shows for a condition of the whole chat rather than one answer.
import type { OllamaError } from '../ollama/OllamaError';
import type { Banner } from '../protocol/messages';

export function offlineBanner(host: string, error: OllamaError): Banner {
  return {
    kind: 'offline',
    title: `Ollama is not reachable at ${host}`,
    message: error.kind === 'unreachable' ? `${error.message} Not installed yet? Get it from ollama.com.` : error.message,
    actions: [
      { id: 'retry', label: 'Retry' },
      { id: 'openSettings', label: 'Open Settings' },
    ],
  };
}

export function hostNotAllowedBanner(host: string): Banner {
  return {
    kind: 'info',
    title: `Allow Phi-4 to use ${host}?`,
    message: 'phi4.ollamaHost points to another machine. Your prompts and code would be sent there, so Phi-4 contacts nothing there until you allow it.',
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
