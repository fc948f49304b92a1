// Turns whatever fetch or ollama-js threw into an OllamaError with a message a user can act on.
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

export const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ECONNRESET: 'the connection was reset',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed',
  EPROTO: 'the server did not speak the expected protocol',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak https',
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
  const model = ctx.model ?? 'the model';
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);

  // Our own body guard stopped it: whatever error ollama-js then saw is a consequence, not the cause.
  if (ctx.abortReason === 'stalled') {
    const seconds = (ctx.stallTimeoutMs ?? 0) / 1000;
    return new OllamaError('stalled', `Ollama at ${ctx.host} stopped sending the answer: nothing arrived for ${seconds} seconds (phi4.stallTimeoutSeconds). Retry; if it happens again, the Ollama server log may say why.`, ['retry', 'showLog'], message);
  }
  if (ctx.abortReason === 'oversizedLine') {
    return new OllamaError('oversizedLine', `The server at ${ctx.host} sent over ${MAX_LINE_MB} MB without a line break, which Ollama never does, so the answer was stopped. Check that phi4.ollamaHost points at Ollama.`, ['openSettings', 'retry'], message);
  }
  if (ctx.abortReason === 'cancelled' || (name === 'AbortError' && ctx.abortReason !== 'timeout')) {
    return new OllamaError('cancelled', 'Stopped.', []);
  }
  if (ctx.abortReason === 'timeout' || name === 'TimeoutError') {
    return new OllamaError('timeout', `Ollama at ${ctx.host} accepted the connection but did not answer in time. It may be loading a large model or stuck; check \`ollama ps\` and try again.`, ['retry', 'openSettings', 'showLog']);
  }

  if (name === 'ResponseError') {
    const status = (error as { status_code?: number }).status_code ?? 0;
    if (status === 404 && isNotFound(message)) {
      return new OllamaError('modelNotFound', `The model "${model}" is not installed in Ollama at ${ctx.host}.`, ['pullModel', 'selectModel'], message);
    }
    if (status === 404) {
      return new OllamaError('unreachable', `${ctx.host} answered 404 for the Ollama API — is this really an Ollama server? Check phi4.ollamaHost.`, ['openSettings', 'retry'], message);
    }
    if (status === 503) {
      return new OllamaError('busy', 'Ollama is busy with other requests (its queue is full). Wait a moment and retry.', ['retry'], message);
    }
    if (status === 500) {
      return new OllamaError('loadFailed', `Ollama could not run "${model}": ${message}`, ['retry', 'selectModel', 'showLog'], message);
    }
    if (status === 403) {
      return new OllamaError('forbidden', `Ollama at ${ctx.host} refused the request (403). If it runs behind a proxy or with OLLAMA_ORIGINS, allow this client.`, ['openSettings'], message);
    }
    if (status === 400) {
      return new OllamaError('badRequest', `Ollama rejected the request: ${message}. Your Ollama may be too old for this option; update Ollama or check the settings.`, ['openSettings', 'showLog'], message);
    }
    return new OllamaError('unknown', `Ollama answered ${status}: ${message}`, ['retry', 'showLog'], message);
  }

  if (message === 'Did not receive done or success response in stream.') {
    return new OllamaError('incompleteStream', 'The answer ended unexpectedly: Ollama closed the stream before finishing.', ['retry', 'showLog'], message);
  }

  const code = causeCode(error);
  if (code && UNREACHABLE_CODES[code]) {
    if (ctx.streaming) {
      return new OllamaError('connectionLost', `The connection to Ollama was lost while answering (${UNREACHABLE_CODES[code]}).`, ['retry', 'showLog'], `${code}: ${message}`);
    }
    return new OllamaError('unreachable', `Cannot reach Ollama at ${ctx.host}: ${UNREACHABLE_CODES[code]}. Start Ollama (run \`ollama serve\` or open the Ollama app) or fix phi4.ollamaHost.`, ['retry', 'openSettings'], `${code}: ${message}`);
  }
  if (name === 'TypeError' && /fetch failed|terminated|network/i.test(message)) {
    if (ctx.streaming) return new OllamaError('connectionLost', 'The connection to Ollama was lost while answering.', ['retry', 'showLog'], message);
    return new OllamaError('unreachable', `Cannot reach Ollama at ${ctx.host}. Start Ollama (run \`ollama serve\` or open the Ollama app) or fix phi4.ollamaHost.`, ['retry', 'openSettings'], message);
  }
  // ollama-js throws a plain Error for an {"error": …} line in a 200 stream.
  if (ctx.streaming || name === 'Error') {
    if (isNotFound(message)) return new OllamaError('modelNotFound', `The model "${model}" is not installed in Ollama at ${ctx.host}.`, ['pullModel', 'selectModel'], message);
    return new OllamaError('streamError', `Ollama reported an error while answering: ${message}`, ['retry', 'showLog'], message);
  }
  return new OllamaError('unknown', `Unexpected error talking to Ollama: ${message}`, ['retry', 'showLog'], message);
}
