// The door to a shared OpenAI-compatible server (vLLM, llama-server, LM Studio): the same byte-exact Phi-4
// ChatML as for Ollama, sent raw to POST {baseUrl}/completions and streamed back as server-sent events.
// No vscode here.
import * as l10n from '@vscode/l10n';
import { renderChatML } from '../chatml/renderChatML';
import { PHI4_STOP_TOKENS } from '../chatml/specialTokens';
import type { AnswerStats } from '../ollama/AnswerStats';
import { MAX_LINE_BYTES } from '../ollama/guardBody';
import { linkedAbortFetch, type FetchFn } from '../ollama/linkedAbortFetch';
import type { AnswerEvent, AnswerRequest, ClientOptions, ModelSummary } from '../ollama/OllamaClient';
import { OllamaError } from '../ollama/OllamaError';
import { withBearer } from '../ollama/withBearer';
import type { AnswerClient, ModelFacts } from '../request/AnswerClient';
import { mapHttpError, mapServerError, streamError, type ServerErrorContext } from './mapServerError';
import { readCompletionEvents, type CompletionChunk } from './readCompletionEvents';
import { parseErrorText } from './serverErrorBody';
import { serverRoot } from './normalizeBaseUrl';
import { clientLimits, type ClientLimits } from '../ollama/clientLimits';

/** Phi-4's `<|im_end|>`: vLLM hides special tokens from the text by default, so a stop string alone never matches there. */
export const PHI4_IM_END_ID = 100265;

interface ServedModel {
  readonly id: string;
  /** vLLM's runtime context; llama-server lists only the trained one (meta.n_ctx_train), which we ignore. */
  readonly max_model_len?: number;
}

export class OpenAiClient implements AnswerClient {
  private readonly limits: ClientLimits;

  constructor(private readonly options: ClientOptions) {
    this.limits = clientLimits(options);
  }

  get host(): string {
    return this.options.host;
  }

  async *streamAnswer(request: AnswerRequest, signal?: AbortSignal, onText?: (text: string) => void): AsyncGenerator<AnswerEvent, void, undefined> {
    const linked = linkedAbortFetch(signal, { firstByteTimeoutMs: this.limits.loadTimeoutMs, stallTimeoutMs: this.limits.stallTimeoutMs, maxLineBytes: MAX_LINE_BYTES }, this.authorized());
    const phi4 = request.format !== 'chatml';
    const body = {
      model: request.model,
      prompt: renderChatML(request.messages, phi4 ? 'phi4' : 'chatml'),
      max_tokens: request.numPredict,
      temperature: request.temperature,
      stream: true,
      stream_options: { include_usage: true },
      stop: [...PHI4_STOP_TOKENS],
      // Token ids are Phi-4's; another ChatML model numbers its tokens differently and relies on the strings.
      ...(phi4 ? { stop_token_ids: [PHI4_IM_END_ID] } : {}),
    };
    const ctx: ServerErrorContext = { host: this.host, model: request.model, stallTimeoutMs: this.limits.stallTimeoutMs, promptTokens: request.promptTokens, maxTokens: request.numPredict, sentKey: await this.hasKey() };
    let streaming = false;
    try {
      const started = this.limits.now();
      const response = await linked.fetch(`${this.host}/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' }, body: JSON.stringify(body) });
      if (!response.ok) throw mapHttpError(response.status, parseErrorText(await response.text()), ctx);
      if (!response.body) throw streamError(this.host, l10n.t('the answer had no body'));
      streaming = true;
      let firstTokenAt: number | undefined;
      let finish: string | undefined;
      let last: CompletionChunk | undefined;
      for await (const chunk of readCompletionEvents(response.body)) {
        if (chunk.error !== undefined) throw streamError(this.host, errorText(chunk.error));
        const choice = chunk.choices?.[0];
        const text = choice?.text;
        if (text) {
          firstTokenAt ??= this.limits.now();
          if (onText) onText(text);
          else yield { kind: 'text', text };
        }
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage || chunk.timings) last = { ...last, ...chunk };
      }
      if (finish === 'abort' || finish === 'error') throw streamError(this.host, l10n.t('the generation ended with "{0}"', finish));
      yield { kind: 'done', stats: statsFrom(last, finish, request.model, started, firstTokenAt, this.limits.now()) };
    } catch (error) {
      throw mapServerError(error, { ...ctx, streaming, abortReason: linked.abortReason() ?? (signal?.aborted ? 'cancelled' : undefined) });
    }
  }

  async listModels(signal?: AbortSignal): Promise<ModelSummary[]> {
    return (await this.servedModels(signal)).map((m) => ({ name: m.id, size: 0 }));
  }

  /**
   * The context the server runs with: vLLM's max_model_len, else llama-server's per-slot n_ctx from /props.
   * Raw Phi-4 ChatML is the only dialect: there is no template to read.
   */
  async showModel(model: string, signal?: AbortSignal): Promise<ModelFacts> {
    const served = await this.servedModels(signal);
    const entry = served.find((m) => m.id === model) ?? (served.length === 1 && model === '' ? served[0] : undefined);
    let contextLength = entry?.max_model_len;
    if (contextLength === undefined) contextLength = await this.slotContext(signal);
    return { contextLength, detectedFormat: 'phi4' };
  }

  private async servedModels(signal?: AbortSignal): Promise<ServedModel[]> {
    const json = await this.getJson(`${this.host}/models`, signal);
    const data = json && typeof json === 'object' ? (json as { data?: unknown }).data : undefined;
    if (!Array.isArray(data)) throw new OllamaError('unreachable', l10n.t('The server at {0} did not answer /models with a model list. Check phi4.openaiCompatible.baseUrl (it usually ends with /v1).', this.host), ['openSettings', 'retry']);
    return data.filter((m): m is ServedModel => !!m && typeof (m as ServedModel).id === 'string');
  }

  /** llama-server's /props; any other server has none, which is fine. */
  private async slotContext(signal?: AbortSignal): Promise<number | undefined> {
    try {
      const props = (await this.getJson(`${serverRoot(this.host)}/props`, signal)) as { default_generation_settings?: { n_ctx?: unknown } } | undefined;
      const n = props?.default_generation_settings?.n_ctx;
      return typeof n === 'number' && n > 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  private async getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const linked = linkedAbortFetch(signal, { firstByteTimeoutMs: this.limits.quickTimeoutMs, maxLineBytes: MAX_LINE_BYTES }, this.authorized());
    const ctx: ServerErrorContext = { host: this.host, sentKey: await this.hasKey() };
    try {
      const response = await linked.fetch(url, { headers: { Accept: 'application/json' } });
      const text = await response.text();
      if (!response.ok) throw mapHttpError(response.status, parseErrorText(text), ctx);
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError) throw new OllamaError('unreachable', l10n.t('The server at {0} did not answer with JSON. Check phi4.openaiCompatible.baseUrl.', this.host), ['openSettings', 'retry'], error.message);
      throw mapServerError(error, { ...ctx, abortReason: linked.abortReason() ?? (signal?.aborted ? 'cancelled' : undefined) });
    }
  }

  private authorized(): FetchFn {
    return withBearer(this.options.fetch ?? fetch, this.options.apiKey);
  }

  private async hasKey(): Promise<boolean> {
    return !!(await this.options.apiKey?.());
  }
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  const message = error && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : JSON.stringify(error).slice(0, 300);
}

function statsFrom(last: CompletionChunk | undefined, finish: string | undefined, model: string, started: number, firstTokenAt: number | undefined, now: number): AnswerStats {
  const usage = last?.usage ?? undefined;
  const completion = usage?.completion_tokens;
  const genMs = firstTokenAt === undefined ? 0 : now - firstTokenAt;
  return {
    model: last?.model || model,
    promptEvalCount: usage?.prompt_tokens,
    evalCount: completion,
    promptEvalCachedCount: usage?.prompt_tokens_details?.cached_tokens ?? last?.timings?.cache_n,
    promptEvalMs: last?.timings?.prompt_ms === undefined ? undefined : Math.round(last.timings.prompt_ms),
    doneReason: finish,
    timeToFirstTokenMs: firstTokenAt === undefined ? undefined : Math.round(firstTokenAt - started),
    tokensPerSecond: last?.timings?.predicted_per_second ?? (completion && genMs > 0 ? (completion / genMs) * 1000 : undefined),
    totalMs: Math.round(now - started),
  };
}
