// Turns an HTTP status, a mid-stream error or a network failure from an OpenAI-compatible server into an
// OllamaError (the one error type the views know) whose message names the server and says what to do.
import { MAX_LINE_BYTES } from '../ollama/guardBody';
import type { AbortReason } from '../ollama/linkedAbortFetch';
import { UNREACHABLE_CODES, causeCode } from '../ollama/mapOllamaError';
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

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain has a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the issuer of its TLS certificate is unknown',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

export function mapHttpError(status: number, body: ServerErrorBody, ctx: ServerErrorContext): OllamaError {
  const at = `the server at ${ctx.host}`;
  const detail = `${status}: ${body.message}`;
  if (status === 401 || status === 403) {
    const what = ctx.sentKey ? `The server at ${ctx.host} rejected the API key (${status}).` : `The server at ${ctx.host} wants an API key (${status}).`;
    return new OllamaError('unauthorized', `${what} Set it with "Phi-4: Set API Key…".`, ['setApiKey', 'openSettings'], detail);
  }
  if (status === 404 && body.param === 'model') {
    return new OllamaError('modelNotFound', `The model "${ctx.model ?? ''}" is not served by ${at}: choose one of the models it serves.`, ['selectModel', 'openSettings'], detail);
  }
  if (status === 404) {
    return new OllamaError('unreachable', `${ctx.host} answered 404 for the completions API. Check that phi4.openaiCompatible.baseUrl ends with the API's path, usually /v1.`, ['openSettings', 'retry'], detail);
  }
  if (isContextError(status, body)) {
    const theirs = body.promptTokens !== undefined ? `${body.promptTokens} tokens for a context of ${body.contextSize ?? '?'}` : body.message;
    return new OllamaError('contextExceeded', `${cap(at)} refused the prompt as too long: Phi-4 counted ${ctx.promptTokens ?? '?'} prompt tokens plus ${ctx.maxTokens ?? '?'} for the answer, the server counted ${theirs}. This is a bug in Phi-4's budget; please report it with the log. Lowering phi4.contextWindow works around it.`, ['openSettings', 'showLog'], detail);
  }
  if (status === 429 || status === 503) {
    return new OllamaError('busy', `${cap(at)} is busy (${status}). Wait a moment and retry.`, ['retry'], detail);
  }
  if (status === 400) return new OllamaError('badRequest', `${cap(at)} rejected the request: ${body.message}`, ['openSettings', 'showLog'], detail);
  return new OllamaError('unknown', `${cap(at)} answered ${status}: ${body.message}`, ['retry', 'showLog'], detail);
}

/** A mid-stream `data: {"error": …}` event or an abort/error finish. */
export function streamError(host: string, message: string): OllamaError {
  return new OllamaError('streamError', `The server at ${host} reported an error while answering: ${message}`, ['retry', 'showLog'], message);
}

export function mapServerError(error: unknown, ctx: ServerErrorContext): OllamaError {
  if (error instanceof OllamaError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (ctx.abortReason === 'stalled') {
    return new OllamaError('stalled', `The server at ${ctx.host} stopped sending the answer: nothing arrived for ${(ctx.stallTimeoutMs ?? 0) / 1000} seconds (phi4.stallTimeoutSeconds). Retry; if it happens again, the server's log may say why.`, ['retry', 'showLog'], message);
  }
  if (ctx.abortReason === 'oversizedLine') {
    return new OllamaError('oversizedLine', `The server at ${ctx.host} sent over ${MAX_LINE_BYTES / (1024 * 1024)} MB without a line break, so the answer was stopped. Check phi4.openaiCompatible.baseUrl.`, ['openSettings', 'retry'], message);
  }
  if (ctx.abortReason === 'cancelled' || (name === 'AbortError' && ctx.abortReason !== 'timeout')) return new OllamaError('cancelled', 'Stopped.', []);
  if (ctx.abortReason === 'timeout' || name === 'TimeoutError') {
    return new OllamaError('timeout', `The server at ${ctx.host} accepted the connection but did not answer in time (phi4.loadTimeoutSeconds).`, ['retry', 'openSettings', 'showLog']);
  }
  if (name === 'MalformedStreamError') return new OllamaError('incompleteStream', `The answer from the server at ${ctx.host} broke off: ${message}.`, ['retry', 'showLog'], message);
  const code = causeCode(error);
  const why = code ? (TLS_CODES[code] ?? UNREACHABLE_CODES[code]) : undefined;
  if (ctx.streaming && (why || name === 'TypeError')) {
    return new OllamaError('connectionLost', `The connection to the server at ${ctx.host} was lost while answering${why ? ` (${why})` : ''}.`, ['retry', 'showLog'], `${code ?? name}: ${message}`);
  }
  if (why || name === 'TypeError') {
    return new OllamaError('unreachable', `Cannot reach the server at ${ctx.host}${why ? `: ${why}` : ''}. Check that it runs and phi4.openaiCompatible.baseUrl.`, ['retry', 'openSettings'], `${code ?? name}: ${message}`);
  }
  return new OllamaError('unknown', `Unexpected error talking to the server at ${ctx.host}: ${message}`, ['retry', 'showLog'], message);
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
