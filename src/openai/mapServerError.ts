// Turns an HTTP status, a mid-stream error or a network failure from an OpenAI-compatible server into an
// OllamaError (the one error type the views know) whose message names the server and says what to do.
import * as l10n from '@vscode/l10n';
import { MAX_LINE_BYTES } from '../ollama/guardBody';
import type { AbortReason } from '../ollama/linkedAbortFetch';
import { UNREACHABLE_REASONS, causeCode } from '../ollama/mapOllamaError';
import { OllamaError } from '../ollama/OllamaError';
import { isContextError, type ServerErrorBody } from './serverErrorBody';

export interface ServerErrorContext {
  readonly host: string;
  readonly model?: string;
  readonly streaming?: boolean;
  readonly abortReason?: AbortReason;
  readonly stallTimeoutMs?: number;
  /** Whether an API key was sent: decides between "wants a key" and "rejected the key". */
  readonly sentKey?: boolean;
  /** Our own count of the prompt and the answer reserve, for the report when the server finds it too long. */
  readonly promptTokens?: number;
  readonly maxTokens?: number;
}

/** Why a TLS connection failed, by error code (getters, as UNREACHABLE_REASONS). */
const TLS_REASONS: Readonly<Record<string, string>> = {
  get DEPTH_ZERO_SELF_SIGNED_CERT() { return l10n.t('its TLS certificate is self-signed'); },
  get SELF_SIGNED_CERT_IN_CHAIN() { return l10n.t('its TLS certificate chain has a self-signed certificate'); },
  get UNABLE_TO_VERIFY_LEAF_SIGNATURE() { return l10n.t('its TLS certificate cannot be verified'); },
  get UNABLE_TO_GET_ISSUER_CERT_LOCALLY() { return l10n.t('the issuer of its TLS certificate is unknown'); },
  get CERT_HAS_EXPIRED() { return l10n.t('its TLS certificate has expired'); },
  get ERR_TLS_CERT_ALTNAME_INVALID() { return l10n.t('its TLS certificate is for another host name'); },
};

export function mapHttpError(status: number, body: ServerErrorBody, ctx: ServerErrorContext): OllamaError {
  const detail = `${status}: ${body.message}`;
  if (status === 401 || status === 403) {
    const message = ctx.sentKey
      ? l10n.t('The server at {0} rejected the API key ({1}). Set it with "Phi-4: Set API Key…".', ctx.host, status)
      : l10n.t('The server at {0} wants an API key ({1}). Set it with "Phi-4: Set API Key…".', ctx.host, status);
    return new OllamaError('unauthorized', message, ['setApiKey', 'openSettings'], detail);
  }
  if (status === 404 && body.param === 'model') {
    return new OllamaError('modelNotFound', l10n.t('The model "{0}" is not served by the server at {1}: choose one of the models it serves.', ctx.model ?? '', ctx.host), ['selectModel', 'openSettings'], detail);
  }
  if (status === 404) {
    return new OllamaError('unreachable', l10n.t("{0} answered 404 for the completions API. Check that phi4.openaiCompatible.baseUrl ends with the API's path, usually /v1.", ctx.host), ['openSettings', 'retry'], detail);
  }
  if (isContextError(status, body)) {
    const theirs = body.promptTokens !== undefined ? l10n.t('{0} tokens for a context of {1}', body.promptTokens, body.contextSize ?? '?') : body.message;
    const message = l10n.t(
      "The server at {0} refused the prompt as too long: Phi-4 counted {1} prompt tokens plus {2} for the answer, the server counted {3}. This is a bug in Phi-4's budget; please report it with the log. Lowering phi4.contextWindow works around it.",
      ctx.host,
      ctx.promptTokens ?? '?',
      ctx.maxTokens ?? '?',
      theirs,
    );
    return new OllamaError('contextExceeded', message, ['openSettings', 'showLog'], detail);
  }
  if (status === 429 || status === 503) {
    return new OllamaError('busy', l10n.t('The server at {0} is busy ({1}). Wait a moment and retry.', ctx.host, status), ['retry'], detail);
  }
  if (status === 400) return new OllamaError('badRequest', l10n.t('The server at {0} rejected the request: {1}', ctx.host, body.message), ['openSettings', 'showLog'], detail);
  return new OllamaError('unknown', l10n.t('The server at {0} answered {1}: {2}', ctx.host, status, body.message), ['retry', 'showLog'], detail);
}

/** A mid-stream `data: {"error": …}` event or an abort/error finish. */
export function streamError(host: string, message: string): OllamaError {
  return new OllamaError('streamError', l10n.t('The server at {0} reported an error while answering: {1}', host, message), ['retry', 'showLog'], message);
}

export function mapServerError(error: unknown, ctx: ServerErrorContext): OllamaError {
  if (error instanceof OllamaError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (ctx.abortReason === 'stalled') {
    return new OllamaError('stalled', l10n.t("The server at {0} stopped sending the answer: nothing arrived for {1} seconds (phi4.stallTimeoutSeconds). Retry; if it happens again, the server's log may say why.", ctx.host, (ctx.stallTimeoutMs ?? 0) / 1000), ['retry', 'showLog'], message);
  }
  if (ctx.abortReason === 'oversizedLine') {
    return new OllamaError('oversizedLine', l10n.t('The server at {0} sent over {1} MB without a line break, so the answer was stopped. Check phi4.openaiCompatible.baseUrl.', ctx.host, MAX_LINE_BYTES / (1024 * 1024)), ['openSettings', 'retry'], message);
  }
  if (ctx.abortReason === 'cancelled' || (name === 'AbortError' && ctx.abortReason !== 'timeout')) return new OllamaError('cancelled', l10n.t('Stopped.'), []);
  if (ctx.abortReason === 'timeout' || name === 'TimeoutError') {
    return new OllamaError('timeout', l10n.t('The server at {0} accepted the connection but did not answer in time (phi4.loadTimeoutSeconds).', ctx.host), ['retry', 'openSettings', 'showLog']);
  }
  if (name === 'MalformedStreamError') return new OllamaError('incompleteStream', l10n.t('The answer from the server at {0} broke off: {1}.', ctx.host, message), ['retry', 'showLog'], message);
  const code = causeCode(error);
  const why = code ? reasonFor(TLS_REASONS, code) ?? reasonFor(UNREACHABLE_REASONS, code) : undefined;
  if (ctx.streaming && (why || name === 'TypeError')) {
    const lost = why ? l10n.t('The connection to the server at {0} was lost while answering ({1}).', ctx.host, why) : l10n.t('The connection to the server at {0} was lost while answering.', ctx.host);
    return new OllamaError('connectionLost', lost, ['retry', 'showLog'], `${code ?? name}: ${message}`);
  }
  if (why || name === 'TypeError') {
    const unreachable = why
      ? l10n.t('Cannot reach the server at {0}: {1}. Check that it runs and phi4.openaiCompatible.baseUrl.', ctx.host, why)
      : l10n.t('Cannot reach the server at {0}. Check that it runs and phi4.openaiCompatible.baseUrl.', ctx.host);
    return new OllamaError('unreachable', unreachable, ['retry', 'openSettings'], `${code ?? name}: ${message}`);
  }
  return new OllamaError('unknown', l10n.t('Unexpected error talking to the server at {0}: {1}', ctx.host, message), ['retry', 'showLog'], message);
}

/** A table's own entry only: an error code such as `constructor` must not find an inherited property. */
function reasonFor(table: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
