// Reads the error bodies the OpenAI-compatible engines send. vLLM's auth middleware sends {"error":"Unauthorized"};
// everything else uses an envelope {"error":{message,type,param,code}}, to which llama-server adds
// n_prompt_tokens and n_ctx for a prompt over its context (../shared/reference/openai-compatible.md).

export interface ServerErrorBody {
  readonly message: string;
  readonly type?: string;
  readonly param?: string;
  readonly promptTokens?: number;
  readonly contextSize?: number;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Parsed JSON (or the raw text) of an error; never throws. */
export function serverErrorBody(parsed: unknown, rawText = ''): ServerErrorBody {
  const error = parsed && typeof parsed === 'object' ? (parsed as { error?: unknown }).error : undefined;
  if (typeof error === 'string') return { message: error };
  if (error && typeof error === 'object') {
    const e = error as Record<string, unknown>;
    return { message: str(e.message) ?? JSON.stringify(e).slice(0, 300), type: str(e.type), param: str(e.param), promptTokens: num(e.n_prompt_tokens), contextSize: num(e.n_ctx) };
  }
  const message = parsed && typeof parsed === 'object' ? str((parsed as { message?: unknown }).message) : undefined;
  return { message: message ?? rawText.trim().slice(0, 300) };
}

export function parseErrorText(text: string): ServerErrorBody {
  try {
    return serverErrorBody(JSON.parse(text), text);
  } catch {
    return serverErrorBody(undefined, text);
  }
}

/** A prompt over the server's context: vLLM marks it with param "input_tokens", llama-server with its type. Never matched on the text. */
export function isContextError(status: number, body: ServerErrorBody): boolean {
  return status === 400 && (body.param === 'input_tokens' || body.type === 'exceed_context_size_error');
}
