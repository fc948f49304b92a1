// The extension's only door to Ollama: streamed answers, model management, all errors mapped. No vscode here.
import { Ollama, type ChatResponse, type GenerateResponse } from 'ollama/browser';
import type { ChatMessage } from '../chatml/renderChatML';
import { renderChatML, sentContent } from '../chatml/renderChatML';
import { PHI4_STOP_TOKENS } from '../chatml/specialTokens';
import { answerStatsFrom, type AnswerStats } from './AnswerStats';
import { MAX_LINE_BYTES } from './guardBody';
import { linkedAbortFetch, type AbortReason, type FetchFn } from './linkedAbortFetch';
import { mapOllamaError } from './mapOllamaError';
import { withBearer, type ApiKeySource } from './withBearer';
import type { AnswerClient } from '../request/AnswerClient';
import { parseModelInfo, type ModelInfo } from './ModelInfo';
import { clientLimits, type ClientLimits } from './clientLimits';

export type WireFormat = 'phi4' | 'chatml' | 'ollama-template';

export interface AnswerRequest {
  readonly model: string;
  readonly format: WireFormat;
  readonly messages: readonly ChatMessage[];
  readonly numCtx: number;
  readonly numPredict: number;
  readonly temperature: number;
  readonly keepAlive: string | number;
  /** Our count of the rendered prompt, for the report when a server finds it too long. */
  readonly promptTokens?: number;
}

export type AnswerEvent = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'done'; readonly stats: AnswerStats };

export interface ModelSummary {
  readonly name: string;
  readonly size: number;
  readonly parameterSize?: string;
  readonly quantization?: string;
}

export interface PullProgress {
  readonly status: string;
  readonly completed?: number;
  readonly total?: number;
}

export interface ClientOptions {
  readonly host: string;
  /** How long to wait for the first byte of an answer, i.e. for the model to load and read the prompt. */
  readonly loadTimeoutMs?: number;
  /** Longest silence once an answer has started streaming; then it is stopped as stalled. */
  readonly stallTimeoutMs?: number;
  /** Time limit for quick calls (list, show, version). */
  readonly quickTimeoutMs?: number;
  readonly fetch?: FetchFn;
  readonly now?: () => number;
  /** Sent as a bearer token when set: Ollama often sits behind a reverse proxy that wants one. */
  readonly apiKey?: ApiKeySource;
}

export class OllamaClient implements AnswerClient {
  private readonly limits: ClientLimits;

  constructor(private readonly options: ClientOptions) {
    this.limits = clientLimits(options);
  }

  get host(): string {
    return this.options.host;
  }

  // A client per call: ollama-js's abort() is per instance, and our fetch carries one request's signal.
  private open(signal: AbortSignal | undefined, timeoutMs: number, stallTimeoutMs?: number): { ollama: Ollama; reason: () => AbortReason | undefined } {
    const linked = linkedAbortFetch(signal, { firstByteTimeoutMs: timeoutMs, stallTimeoutMs, maxLineBytes: MAX_LINE_BYTES }, withBearer(this.options.fetch ?? fetch, this.options.apiKey));
    return { ollama: new Ollama({ host: this.options.host, fetch: linked.fetch }), reason: linked.abortReason };
  }

  /**
   * Streams one answer as events; always sends num_ctx, keep_alive, temperature and num_predict. With
   * `onText`, text goes to the callback as it arrives instead of being yielded: one less promise hop per
   * token for relays that only forward it.
   */
  async *streamAnswer(request: AnswerRequest, signal?: AbortSignal, onText?: (text: string) => void): AsyncGenerator<AnswerEvent, void, undefined> {
    // Only answers are watched for stalls: a pull goes quiet while Ollama verifies a 9 GB download.
    const { ollama, reason } = this.open(signal, this.limits.loadTimeoutMs, this.limits.stallTimeoutMs);
    const started = this.limits.now();
    let firstTokenAt: number | undefined;
    let streaming = false;
    let iterator: { abort(): void } | undefined;
    const options = { num_ctx: request.numCtx, num_predict: request.numPredict, temperature: request.temperature };
    try {
      // /api/chat lets the server template the messages; otherwise we send our own ChatML raw.
      const stream =
        request.format === 'ollama-template'
          ? await ollama.chat({
              model: request.model,
              messages: request.messages.map((m) => ({ role: m.role, content: sentContent(m) })),
              stream: true,
              keep_alive: request.keepAlive,
              options,
            })
          : await ollama.generate({
              model: request.model,
              prompt: renderChatML(request.messages, request.format),
              raw: true,
              stream: true,
              keep_alive: request.keepAlive,
              options: { ...options, stop: [...PHI4_STOP_TOKENS] },
            });
      iterator = stream;
      streaming = true;
      for await (const chunk of stream as AsyncIterable<ChatResponse | GenerateResponse>) {
        const text = 'message' in chunk ? chunk.message?.content : chunk.response;
        if (text) {
          firstTokenAt ??= this.limits.now();
          if (onText) onText(text);
          else yield { kind: 'text', text };
        }
        if (chunk.done) yield { kind: 'done', stats: answerStatsFrom(chunk, request.model, started, firstTokenAt, this.limits.now()) };
      }
    } catch (error) {
      throw mapOllamaError(error, { host: this.host, model: request.model, streaming, abortReason: reason() ?? (signal?.aborted ? 'cancelled' : undefined), stallTimeoutMs: this.limits.stallTimeoutMs });
    } finally {
      // `break` in for-await does not close the connection; abort does, and the server then stops generating.
      iterator?.abort();
    }
  }

  async version(signal?: AbortSignal): Promise<string> {
    return this.quick(signal, undefined, async (o) => (await o.version()).version);
  }

  async listModels(signal?: AbortSignal): Promise<ModelSummary[]> {
    return this.quick(signal, undefined, async (o) =>
      (await o.list()).models.map((m) => ({ name: m.name, size: m.size, parameterSize: m.details?.parameter_size, quantization: m.details?.quantization_level })),
    );
  }

  async showModel(model: string, signal?: AbortSignal): Promise<ModelInfo> {
    return this.quick(signal, model, async (o) => parseModelInfo(model, await o.show({ model })));
  }

  /** Models in memory now (/api/ps), with the num_ctx they were loaded with when the server says (≥ 0.10). */
  async loadedModels(signal?: AbortSignal): Promise<{ name: string; contextLength?: number }[]> {
    return this.quick(signal, undefined, async (o) =>
      (await o.ps()).models.map((m) => {
        const contextLength = (m as { context_length?: unknown }).context_length;
        return { name: m.name, contextLength: typeof contextLength === 'number' ? contextLength : undefined };
      }),
    );
  }

  /** Loads the model into memory ahead of the first question, with the same num_ctx so it is not reloaded. */
  async preload(model: string, numCtx: number, keepAlive: string | number, signal?: AbortSignal): Promise<void> {
    const { ollama, reason } = this.open(signal, this.limits.loadTimeoutMs);
    try {
      await ollama.generate({ model, prompt: '', keep_alive: keepAlive, options: { num_ctx: numCtx }, stream: false });
    } catch (error) {
      throw mapOllamaError(error, { host: this.host, model, abortReason: reason() });
    }
  }

  /** Downloads a model, reporting progress; an unknown model fails mid-stream with status 200. */
  async pull(model: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
    const { ollama, reason } = this.open(signal, this.limits.quickTimeoutMs * 6);
    let iterator: { abort(): void } | undefined;
    try {
      const stream = await ollama.pull({ model, stream: true });
      iterator = stream;
      for await (const part of stream) onProgress({ status: part.status, completed: part.completed || undefined, total: part.total || undefined });
    } catch (error) {
      throw mapOllamaError(error, { host: this.host, model, streaming: true, abortReason: reason() ?? (signal?.aborted ? 'cancelled' : undefined) });
    } finally {
      iterator?.abort();
    }
  }

  private async quick<T>(signal: AbortSignal | undefined, model: string | undefined, call: (o: Ollama) => Promise<T>): Promise<T> {
    const { ollama, reason } = this.open(signal, this.limits.quickTimeoutMs);
    try {
      return await call(ollama);
    } catch (error) {
      throw mapOllamaError(error, { host: this.host, model, abortReason: reason() });
    }
  }
}
