// Turns whatever fetch or ollama-js threw into an OllamaError with a message a user can act on.
import * as l10n from '@vscode/l10n';
import { MAX_LINE_BYTES } from './guardBody';
import type { AbortReason } from './linkedAbortFetch';
import { OllamaError } from './OllamaError';

export interface ErrorContext {
  readonly host: string;
  readonly model?: string;
  /** True once the answer had started streaming; decides between "failed" and "interrupted". */
  readonly streaming?: boolean;
  /** Why we ended the request ourselves, if we did. */
  readonly abortReason?: AbortReason;
  /** The silence after which a started answer counts as stalled (for the message). */
  readonly stallTimeoutMs?: number;
}

/** Why a connection failed, by error code: getters, so each is translated when read (after activation configured l10n). */
export const UNREACHABLE_REASONS: Readonly<Record<string, string>> = {
  get ECONNREFUSED() { return l10n.t('nothing is listening there'); },
  get ENOTFOUND() { return l10n.t('the host name does not resolve'); },
  get EAI_AGAIN() { return l10n.t('the host name could not be resolved'); },
  get EHOSTUNREACH() { return l10n.t('the host is unreachable'); },
  get ENETUNREACH() { return l10n.t('the network is unreachable'); },
  get ECONNRESET() { return l10n.t('the connection was reset'); },
  get UND_ERR_CONNECT_TIMEOUT() { return l10n.t('the connection timed out'); },
  get UND_ERR_SOCKET() { return l10n.t('the connection was closed'); },
  get EPROTO() { return l10n.t('the server did not speak the expected protocol'); },
  get ERR_SSL_WRONG_VERSION_NUMBER() { return l10n.t('the server does not speak https'); },
};

const MAX_LINE_MB = MAX_LINE_BYTES / (1024 * 1024);

export function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isNotFound(message: string): boolean {
  return /model ['"]?[^'"]*['"]? not found/i.test(message) || /not found, try pulling it first/i.test(message);
}

export function mapOllamaError(error: unknown, ctx: ErrorContext): OllamaError {
  if (error instanceof OllamaError) return error;
  const model = ctx.model ?? l10n.t('the model');
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);

  // Our own body guard stopped it: whatever error ollama-js then saw is a consequence, not the cause.
  if (ctx.abortReason === 'stalled') {
    const seconds = (ctx.stallTimeoutMs ?? 0) / 1000;
    return new OllamaError('stalled', l10n.t('Ollama at {0} stopped sending the answer: nothing arrived for {1} seconds (phi4.stallTimeoutSeconds). Retry; if it happens again, the Ollama server log may say why.', ctx.host, seconds), ['retry', 'showLog'], message);
  }
  if (ctx.abortReason === 'oversizedLine') {
    return new OllamaError('oversizedLine', l10n.t('The server at {0} sent over {1} MB without a line break, which Ollama never does, so the answer was stopped. Check that phi4.ollamaHost points at Ollama.', ctx.host, MAX_LINE_MB), ['openSettings', 'retry'], message);
  }
  if (ctx.abortReason === 'cancelled' || (name === 'AbortError' && ctx.abortReason !== 'timeout')) {
    return new OllamaError('cancelled', l10n.t('Stopped.'), []);
  }
  if (ctx.abortReason === 'timeout' || name === 'TimeoutError') {
    return new OllamaError('timeout', l10n.t('Ollama at {0} accepted the connection but did not answer in time. It may be loading a large model or stuck; check `ollama ps` and try again.', ctx.host), ['retry', 'openSettings', 'showLog']);
  }

  if (name === 'ResponseError') {
    const status = (error as { status_code?: number }).status_code ?? 0;
    if (status === 404 && isNotFound(message)) {
      return new OllamaError('modelNotFound', l10n.t('The model "{0}" is not installed in Ollama at {1}.', model, ctx.host), ['pullModel', 'selectModel'], message);
    }
    if (status === 404) {
      return new OllamaError('unreachable', l10n.t('{0} answered 404 for the Ollama API — is this really an Ollama server? Check phi4.ollamaHost.', ctx.host), ['openSettings', 'retry'], message);
    }
    if (status === 503) {
      return new OllamaError('busy', l10n.t('Ollama is busy with other requests (its queue is full). Wait a moment and retry.'), ['retry'], message);
    }
    if (status === 500) {
      return new OllamaError('loadFailed', l10n.t('Ollama could not run "{0}": {1}', model, message), ['retry', 'selectModel', 'showLog'], message);
    }
    if (status === 403) {
      return new OllamaError('forbidden', l10n.t('Ollama at {0} refused the request (403). If it runs behind a proxy or with OLLAMA_ORIGINS, allow this client.', ctx.host), ['openSettings'], message);
    }
    if (status === 400) {
      return new OllamaError('badRequest', l10n.t('Ollama rejected the request: {0}. Your Ollama may be too old for this option; update Ollama or check the settings.', message), ['openSettings', 'showLog'], message);
    }
    return new OllamaError('unknown', l10n.t('Ollama answered {0}: {1}', status, message), ['retry', 'showLog'], message);
  }

  if (message === 'Did not receive done or success response in stream.') {
    return new OllamaError('incompleteStream', l10n.t('The answer ended unexpectedly: Ollama closed the stream before finishing.'), ['retry', 'showLog'], message);
  }

  const code = causeCode(error);
  if (code && Object.hasOwn(UNREACHABLE_REASONS, code)) {
    if (ctx.streaming) {
      return new OllamaError('connectionLost', l10n.t('The connection to Ollama was lost while answering ({0}).', UNREACHABLE_REASONS[code]), ['retry', 'showLog'], `${code}: ${message}`);
    }
    return new OllamaError('unreachable', l10n.t('Cannot reach Ollama at {0}: {1}. Start Ollama (run `ollama serve` or open the Ollama app) or fix phi4.ollamaHost.', ctx.host, UNREACHABLE_REASONS[code]), ['retry', 'openSettings'], `${code}: ${message}`);
  }
  if (name === 'TypeError' && /fetch failed|terminated|network/i.test(message)) {
    if (ctx.streaming) return new OllamaError('connectionLost', l10n.t('The connection to Ollama was lost while answering.'), ['retry', 'showLog'], message);
    return new OllamaError('unreachable', l10n.t('Cannot reach Ollama at {0}. Start Ollama (run `ollama serve` or open the Ollama app) or fix phi4.ollamaHost.', ctx.host), ['retry', 'openSettings'], message);
  }
  // ollama-js throws a plain Error for an {"error": …} line in a 200 stream.
  if (ctx.streaming || name === 'Error') {
    if (isNotFound(message)) return new OllamaError('modelNotFound', l10n.t('The model "{0}" is not installed in Ollama at {1}.', model, ctx.host), ['pullModel', 'selectModel'], message);
    return new OllamaError('streamError', l10n.t('Ollama reported an error while answering: {0}', message), ['retry', 'showLog'], message);
  }
  return new OllamaError('unknown', l10n.t('Unexpected error talking to Ollama: {0}', message), ['retry', 'showLog'], message);
}
