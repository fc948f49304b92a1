// A faithful OpenAI-compatible /v1 API on loopback in the shapes of vLLM and llama.cpp's llama-server:
// /v1/models, POST /v1/completions streamed as server-sent events (a usage chunk, then `data: [DONE]`),
// their 401 bodies, their 400 context errors and a mid-stream error, plus scripted network faults. It
// records every request with its Authorization header. Sources (../shared/reference/openai-compatible.md):
// vLLM entrypoints/openai/completion/serving.py [V2], engine/protocol.py [V3], models/serving.py [V4],
// renderers/params.py [V5], api_server.py AuthenticationMiddleware [V7]; llama.cpp tools/server/README.md [L1],
// server-context.cpp [L2], server-common.cpp format_error_response and the API-key middleware [L3].
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { phi4Tokenize } from './phi4Tokenize';

export type Flavor = 'vllm' | 'llama-server';

export type OaiFault =
  | { kind: 'busy' }
  | { kind: 'errorMidStream'; afterChunks?: number; message?: string }
  | { kind: 'resetMidStream'; afterChunks?: number }
  | { kind: 'malformedEvent'; afterChunks?: number }
  | { kind: 'stall'; afterChunks?: number }
  | { kind: 'noDone' }
  | { kind: 'finish'; reason: 'abort' | 'error' | 'length' }
  | { kind: 'hang' };

export interface OaiBehaviour {
  readonly answer?: string;
  readonly chunks?: readonly string[];
  readonly fault?: OaiFault;
  readonly chunkDelayMs?: number;
  /** Write every event in two TCP writes split inside a multi-byte character. */
  readonly splitUtf8?: boolean;
  /** Prompt tokens the server reports as taken from its prefix cache. */
  readonly cachedTokens?: number;
}

export interface OaiRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
  readonly authorization?: string;
  closedByClient: boolean;
  /** performance.now() when the whole request had arrived (the bench times the relay from it). */
  readonly receivedAt: number;
}

export interface OaiServerOptions {
  readonly flavor: Flavor;
  /** When set, requests need `Authorization: Bearer <apiKey>` (vLLM --api-key, llama-server --api-key). */
  readonly apiKey?: string;
  readonly models?: readonly string[];
  /** vLLM's --max-model-len; llama-server's per-slot n_ctx. */
  readonly contextSize?: number;
}

export class OpenAiTestServer {
  readonly requests: OaiRecordedRequest[] = [];
  defaultBehaviour: OaiBehaviour = { answer: 'Hello from the shared server.' };
  apiKey: string | undefined;
  models: readonly string[];
  contextSize: number;
  private queue: OaiBehaviour[] = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private portNumber = 0;

  constructor(readonly options: OaiServerOptions) {
    this.apiKey = options.apiKey;
    this.models = options.models ?? [options.flavor === 'vllm' ? 'microsoft/phi-4' : 'phi-4-Q4_K_M.gguf'];
    this.contextSize = options.contextSize ?? 16384;
  }

  get port(): number {
    return this.portNumber;
  }

  /** The base URL a user would configure. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.portNumber}/v1`;
  }

  enqueue(...behaviours: OaiBehaviour[]): void {
    this.queue.push(...behaviours);
  }

  completions(): OaiRecordedRequest[] {
    return this.requests.filter((r) => r.path === '/v1/completions');
  }

  async start(port = 0): Promise<number> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.portNumber = (server.address() as AddressInfo).port;
    return this.portNumber;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const raw = await readBody(req);
    let body: Record<string, unknown> | undefined;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    } catch {
      body = undefined;
    }
    const record: OaiRecordedRequest = { method: req.method ?? 'GET', path, body, authorization: req.headers.authorization, closedByClient: false, receivedAt: performance.now() };
    if (path.startsWith('/__test')) return this.control(path, body, res);
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableEnded) record.closedByClient = true;
    });
    if (!this.authorized(path, req.headers.authorization)) return this.unauthorized(res);
    const route = `${req.method} ${path}`;
    if (route === 'GET /v1/models') return json(res, 200, this.modelList());
    if (route === 'GET /props' && this.options.flavor === 'llama-server') return json(res, 200, { default_generation_settings: { n_ctx: this.contextSize }, total_slots: 4, model_path: this.models[0], build_info: 'b1-80fb11a' });
    if (route === 'POST /v1/completions') return this.complete(body, res);
    if (this.options.flavor === 'vllm') return json(res, 404, { detail: 'Not Found' });
    return json(res, 404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } });
  }

  /** vLLM checks every /v1 path [V7]; llama-server every path but /health, /models, /v1/models and / [L3]. */
  private authorized(path: string, header: string | undefined): boolean {
    if (!this.apiKey) return true;
    const open = this.options.flavor === 'vllm' ? !path.startsWith('/v1') : ['/health', '/models', '/v1/models', '/'].includes(path);
    return open || header === `Bearer ${this.apiKey}`;
  }

  private unauthorized(res: http.ServerResponse): void {
    if (this.options.flavor === 'vllm') return json(res, 401, { error: 'Unauthorized' });
    json(res, 401, { error: { code: 401, message: 'Invalid API Key', type: 'authentication_error' } });
  }

  private modelList(): unknown {
    const created = 1733000000;
    if (this.options.flavor === 'vllm') {
      return { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created, owned_by: 'vllm', root: id, parent: null, max_model_len: this.contextSize, permission: [{ id: 'modelperm-1', object: 'model_permission', created, allow_create_engine: false, allow_sampling: true, allow_logprobs: true, allow_search_indices: false, allow_view: true, allow_fine_tuning: false, organization: '*', group: null, is_blocking: false }] })) };
    }
    // llama-server lists the training context only; the runtime one is /props n_ctx [L1].
    return { object: 'list', data: this.models.map((id) => ({ id, object: 'model', created, owned_by: 'llamacpp', meta: { vocab_type: 2, n_vocab: 100352, n_ctx_train: 16384, n_embd: 5120, n_params: 14659507200, size: 9053116391 } })) };
  }

  private async complete(body: Record<string, unknown> | undefined, res: http.ServerResponse): Promise<void> {
    const vllm = this.options.flavor === 'vllm';
    const model = typeof body?.model === 'string' ? body.model : '';
    if (vllm && model !== '' && !this.models.includes(model)) return json(res, 404, { error: { message: `The model \`${model}\` does not exist.`, type: 'NotFoundError', param: 'model', code: 404 } });
    if (vllm && body?.stream_options !== undefined && body.stream !== true) return json(res, 400, { error: { message: 'Stream options can only be defined when `stream=True`.', type: 'BadRequestError', param: null, code: 400 } });
    const prompt = typeof body?.prompt === 'string' ? body.prompt : '';
    const promptTokens = phi4Tokenize(prompt).length;
    const maxTokens = typeof body?.max_tokens === 'number' ? body.max_tokens : 16;
    const tooLong = vllm ? promptTokens > this.contextSize - maxTokens : promptTokens > this.contextSize;
    if (tooLong && vllm) {
      const maxInput = this.contextSize - maxTokens;
      return json(res, 400, { error: { message: `You passed ${promptTokens} input tokens and requested ${maxTokens} output tokens. However, the model's context length is only ${this.contextSize} tokens, resulting in a maximum input length of ${maxInput} tokens. Please reduce the length of the input prompt.`, type: 'BadRequestError', param: 'input_tokens', code: 400 } });
    }
    if (tooLong) return json(res, 400, { error: { code: 400, message: `request (${promptTokens} tokens) exceeds the available context size (${this.contextSize} tokens), try increasing it`, type: 'exceed_context_size_error', n_prompt_tokens: promptTokens, n_ctx: this.contextSize } });
    const behaviour = this.queue.shift() ?? this.defaultBehaviour;
    const fault = behaviour.fault;
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'busy') {
      if (vllm) return json(res, 503, { error: { message: 'The server is overloaded.', type: 'ServiceUnavailableError', param: null, code: 503 } });
      return json(res, 503, { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } });
    }
    await this.stream(res, model || this.models[0], behaviour, promptTokens);
  }

  private async stream(res: http.ServerResponse, model: string, behaviour: OaiBehaviour, promptTokens: number): Promise<void> {
    const vllm = this.options.flavor === 'vllm';
    const chunks = behaviour.chunks ?? (behaviour.answer ?? '').match(/\s*\S+|\s+/gu) ?? [];
    const fault = behaviour.fault;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    const base = vllm ? { id: 'cmpl-8a1f', object: 'text_completion', created: 1733000000, model } : { created: 1733000000, model, system_fingerprint: 'b1-80fb11a', object: 'text_completion', id: 'chatcmpl-Xq2' };
    const choice = (text: string, finish: string | null): Record<string, unknown> => (vllm ? { index: 0, text, logprobs: null, finish_reason: finish, stop_reason: finish === 'stop' ? 100265 : null } : { text, index: 0, logprobs: null, finish_reason: finish });
    const send = async (data: string): Promise<boolean> => {
      if (res.destroyed) return false;
      const bytes = Buffer.from(`data: ${data}\n\n`, 'utf8');
      const split = behaviour.splitUtf8 ? bytes.findIndex((b) => b >= 0xc0) + 1 : 0;
      if (split > 0) {
        res.write(bytes.subarray(0, split));
        await sleep(5);
        if (res.destroyed) return false;
        res.write(bytes.subarray(split));
      } else res.write(bytes);
      if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
      return !res.destroyed;
    };
    const at = fault && 'afterChunks' in fault ? Math.min(fault.afterChunks ?? chunks.length, chunks.length) : -1;
    for (let i = 0; i <= chunks.length; i++) {
      if (i === at && fault) {
        // vLLM reports a failure after the 200 as an error event, then ends the stream as usual [V2].
        if (fault.kind === 'errorMidStream') return void res.end(`data: ${JSON.stringify({ error: { message: fault.message ?? 'CUDA error: out of memory', type: 'InternalServerError', param: null, code: 500 } })}\n\ndata: [DONE]\n\n`);
        if (fault.kind === 'resetMidStream') return void setTimeout(() => res.socket?.resetAndDestroy(), 20);
        if (fault.kind === 'malformedEvent') res.write('data: {"id":"cmpl-8a1f","choices":[{"te\n\n');
        if (fault.kind === 'stall') return;
      }
      if (i < chunks.length && !(await send(JSON.stringify({ ...base, choices: [choice(chunks[i], null)], ...(vllm ? { usage: null } : {}) })))) return;
    }
    const finish = fault?.kind === 'finish' ? fault.reason : 'stop';
    const completion = chunks.length + 1;
    const usage = { prompt_tokens: promptTokens, total_tokens: promptTokens + completion, completion_tokens: completion, ...(behaviour.cachedTokens !== undefined ? { prompt_tokens_details: { cached_tokens: behaviour.cachedTokens } } : vllm ? { prompt_tokens_details: null } : {}) };
    if (vllm) {
      // The finish chunk, then with include_usage a last chunk with no choices and the usage [V2].
      if (!(await send(JSON.stringify({ ...base, choices: [choice('', finish)], usage: null })))) return;
      if (!(await send(JSON.stringify({ ...base, choices: [], usage })))) return;
    } else {
      // llama-server puts usage and its own timings on the finish chunk (fixture README, "Stream").
      const timings = { cache_n: behaviour.cachedTokens ?? 0, prompt_n: promptTokens - (behaviour.cachedTokens ?? 0), predicted_n: completion, predicted_per_second: 42 };
      if (!(await send(JSON.stringify({ ...base, choices: [choice('', finish)], usage, timings })))) return;
    }
    if (fault?.kind === 'noDone') return void res.end();
    res.end('data: [DONE]\n\n');
  }

  /** Lets UI tests in another process script the server and read what it received. */
  private control(path: string, body: Record<string, unknown> | undefined, res: http.ServerResponse): void {
    if (path === '/__test/requests') return json(res, 200, { requests: this.requests });
    if (path === '/__test/enqueue') {
      this.enqueue(...((body?.behaviours ?? []) as OaiBehaviour[]));
      return json(res, 200, {});
    }
    if (path === '/__test/reset') {
      this.requests.length = 0;
      this.queue = [];
      return json(res, 200, {});
    }
    json(res, 404, { error: 'unknown control path' });
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
