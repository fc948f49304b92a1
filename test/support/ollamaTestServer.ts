// A faithful Ollama API on loopback for tests: real NDJSON streaming, status codes, error bodies and
// scripted faults (see ../../../shared/reference/phi4-ollama.md §4–5). It records every request.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { KvCache, keepAliveMs, type CountReporting, type PromptEvaluation } from './KvCache';
import { phi4Tokenize } from './phi4Tokenize';

export type Fault =
  | { kind: 'busy' }
  | { kind: 'loadFailed'; message?: string }
  | { kind: 'notFound'; legacy?: boolean }
  | { kind: 'badRequest'; message?: string }
  | { kind: 'forbidden' }
  // afterChunks: how many chunks are sent first (default: all of them).
  | { kind: 'errorMidStream'; afterChunks?: number; message?: string }
  | { kind: 'resetMidStream'; afterChunks?: number }
  | { kind: 'noDone' }
  | { kind: 'malformedLine'; afterChunks?: number }
  // The connection stays open and nothing more comes, as when Ollama's runner hangs mid-answer
  // (ollama/ollama#10119, #3552).
  | { kind: 'stall'; afterChunks?: number }
  // Bytes without a line break until the client hangs up: never Ollama, but what another server at
  // phi4.ollamaHost or a broken proxy could send.
  | { kind: 'endlessLine'; afterChunks?: number }
  | { kind: 'hang' };

export interface Behaviour {
  /** Text the model "generates"; split into word-sized chunks. */
  readonly answer?: string;
  /** Explicit chunks, overriding `answer`'s split. */
  readonly chunks?: readonly string[];
  readonly fault?: Fault;
  /** Delay before the response headers, like a cold model load. */
  readonly headersDelayMs?: number;
  readonly chunkDelayMs?: number;
  /** Write every NDJSON line in two TCP writes split inside a multi-byte character. */
  readonly splitUtf8?: boolean;
  /** Write every NDJSON line in six pieces, this many ms apart, as a slow link delivers it. */
  readonly dribbleMs?: number;
  readonly doneReason?: string;
  /**
   * Generate at a real machine's speed instead of at once: the server takes the time it reports (a model load,
   * reading the prompt, each answer token), so the client's own measurements (time to first token) agree with
   * the final chunk's durations. Counts are then real Phi-4 tokens. See PHI4_LAPTOP_PACE.
   */
  readonly pace?: Pace;
}

export interface Pace {
  readonly promptTokensPerSecond: number;
  readonly answerTokensPerSecond: number;
}

/**
 * Phi-4 14B (Q4_K_M, 9.1 GB) on a laptop that holds it in GPU or unified memory: about 25 answer tokens and a
 * few hundred prompt tokens a second. Ollama reports every duration in nanoseconds (docs.ollama.com/api
 * [D1]; eval_count / eval_duration × 1e9 is its tokens per second), so these become e.g. eval_duration.
 */
export const PHI4_LAPTOP_PACE: Pace = { promptTokensPerSecond: 300, answerTokensPerSecond: 25 };

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  body: Record<string, unknown> | undefined;
  /** Set when the client closed the connection before the response finished. */
  closedByClient: boolean;
  finished: boolean;
  /** performance.now() when the whole request body had arrived (benchmarks time the request path with it). */
  readonly receivedAt: number;
  /** The Host header: which name the client used to reach this server. */
  readonly host?: string;
  /** For generate/chat: how much of the prompt came from the KV cache and how much had to be evaluated. */
  evaluation?: PromptEvaluation;
}

export interface InstalledModel {
  readonly name: string;
  readonly size: number;
  readonly template: string;
  readonly contextLength: number;
}

export const PHI4_TEMPLATE = '{{- range $i, $_ := .Messages }}{{- $last := eq (len (slice $.Messages $i)) 1 -}}<|im_start|>{{ .Role }}<|im_sep|>\n{{ .Content }}{{ if not $last }}<|im_end|>\n{{ end }}{{- if and (ne .Role "assistant") $last }}<|im_end|>\n<|im_start|>assistant<|im_sep|>\n{{ end }}{{- end }}';

export const PHI4_MODEL: InstalledModel = { name: 'phi4:latest', size: 9053116391, template: PHI4_TEMPLATE, contextLength: 16384 };

/**
 * The community upload the product was first specified with (`ollama run vanilj/Phi-4`), in the shape #18
 * describes: a bare template that passes the prompt through, so /api/chat would send the last message alone.
 */
export const VANILJ_PHI4_MODEL: InstalledModel = { name: 'vanilj/Phi-4:latest', size: 9053116391, template: '{{ .Prompt }}', contextLength: 16384 };

/**
 * An older upload of the same model: a one-prompt template that appends the assistant header inside the user
 * branch, written with standard ChatML's newline instead of <|im_sep|>.
 */
export const OLDER_VANILJ_PHI4_MODEL: InstalledModel = {
  name: 'vanilj/Phi-4:q8',
  size: 15580000000,
  template: '{{ if .System }}<|im_start|>system\n{{ .System }}<|im_end|>\n{{ end }}{{ if .Prompt }}<|im_start|>user\n{{ .Prompt }}<|im_end|>\n<|im_start|>assistant\n{{ end }}{{ .Response }}<|im_end|>',
  contextLength: 16384,
};

/** phi4-mini: another model (o200k tokenizer, 128K context) whose template uses <|user|>…<|end|>, not ChatML. */
export const PHI4_MINI_MODEL: InstalledModel = {
  name: 'phi4-mini:latest',
  size: 2491876774,
  template: '{{- range $i, $_ := .Messages }}<|{{ .Role }}|>{{ .Content }}<|end|>{{ end }}<|assistant|>',
  contextLength: 131072,
};

const DEFAULT_NUM_CTX = 4096; // what an Ollama of 2025 uses when the client does not say
/** Simulated costs, reported in the durations (nothing sleeps): a model load, and one prompt token evaluated. */
const LOAD_NS = 2_000_000_000;
const PROMPT_TOKEN_NS = 400_000;

export function splitIntoChunks(text: string): string[] {
  return text.match(/\s*\S+|\s+/gu) ?? [];
}

function fullName(model: string): string {
  return model.includes(':') ? model : `${model}:latest`;
}

export class OllamaTestServer {
  readonly requests: RecordedRequest[] = [];
  models: InstalledModel[] = [PHI4_MODEL];
  defaultBehaviour: Behaviour = { answer: 'Hello from the test server.' };
  /** Models /api/pull knows how to "download". */
  pullable: Record<string, InstalledModel> = { 'phi4:latest': PHI4_MODEL };
  pullChunkDelayMs = 0;
  /** How prompt_eval_count is reported; current Ollama by default. */
  countReporting: CountReporting = 'cached';
  /** The loaded models' prompt caches, with the ≥ v0.30 host-RAM prompt cache on as Ollama leaves it. */
  kv = new KvCache({ ramCache: true, defaultNumCtx: DEFAULT_NUM_CTX });
  private queue: Behaviour[] = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private portNumber = 0;

  get port(): number {
    return this.portNumber;
  }

  get url(): string {
    return `http://127.0.0.1:${this.portNumber}`;
  }

  /** The next answer-producing request (generate/chat) behaves like this; then the default resumes. */
  enqueue(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  /** Keeps the loaded models but forgets every cached prompt, as when other conversations have pushed them out. */
  forgetPrompts(): void {
    const now = Date.now();
    const loaded = this.kv.loadedModels(now);
    this.kv = new KvCache({ ramCache: true, defaultNumCtx: DEFAULT_NUM_CTX });
    for (const m of loaded) this.kv.load(m.model, m.numCtx, m.expiresAt - now, now);
  }

  reset(): void {
    this.queue = [];
    this.requests.length = 0;
    this.models = [PHI4_MODEL];
    this.defaultBehaviour = { answer: 'Hello from the test server.' };
    this.pullChunkDelayMs = 0;
    this.countReporting = 'cached';
    this.kv = new KvCache({ ramCache: true, defaultNumCtx: DEFAULT_NUM_CTX });
  }

  /** Requests that ask for an answer (not preloads, which send an empty prompt). */
  answerRequests(): RecordedRequest[] {
    return this.requests.filter(isAnswerRequest);
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
    const record: RecordedRequest = { method: req.method ?? 'GET', path, body: undefined, closedByClient: false, finished: false, receivedAt: performance.now(), host: req.headers.host };
    if (!path.startsWith('/__test')) this.requests.push(record);
    // Closed by the client before the server had written the whole answer. A client that closes right after
    // the last line (ollama-js readers abort in `finally`) may do so before 'finish', which is not a stop.
    res.on('close', () => {
      if (!res.writableEnded) record.closedByClient = true;
    });
    res.on('finish', () => (record.finished = true));
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
        record.body = body;
      } catch {
        return json(res, 400, { error: `invalid character '${raw[0]}' looking for beginning of value` });
      }
    }
    if (path.startsWith('/__test')) return this.control(path, body, res);
    const route = `${req.method} ${path}`;
    switch (route) {
      case 'GET /':
      case 'HEAD /':
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        return void res.end('Ollama is running');
      case 'GET /api/version':
        return json(res, 200, { version: '0.12.6' });
      case 'GET /api/tags':
        return json(res, 200, { models: this.models.map(tagOf) });
      case 'GET /api/ps':
        return this.ps(res);
      case 'POST /api/show':
        return this.show(body, res);
      case 'POST /api/pull':
        return this.pull(body, res);
      case 'POST /api/generate':
      case 'POST /api/chat':
        return this.answer(path === '/api/chat', body, res, record);
      default:
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return void res.end('404 page not found');
    }
  }

  private find(model: unknown): InstalledModel | undefined {
    if (typeof model !== 'string') return undefined;
    return this.models.find((m) => m.name === fullName(model));
  }

  /** Only models a request has loaded and whose keep_alive has not run out, as Ollama lists them. */
  private ps(res: http.ServerResponse): void {
    const loaded = this.kv.loadedModels(Date.now()).flatMap((l) => {
      const m = this.models.find((x) => x.name === l.model);
      const expires = Number.isFinite(l.expiresAt) ? new Date(l.expiresAt) : new Date('2318-01-01T00:00:00Z');
      return m ? [{ ...tagOf(m), expires_at: expires.toISOString(), size_vram: m.size, context_length: l.numCtx }] : [];
    });
    json(res, 200, { models: loaded });
  }

  private show(body: Record<string, unknown> | undefined, res: http.ServerResponse): void {
    const name = (body?.model ?? body?.name) as string | undefined;
    const model = this.find(name);
    if (!model) return json(res, 404, { error: `model '${name}' not found` });
    json(res, 200, {
      modelfile: `FROM ${model.name}`,
      parameters: 'stop                           "<|im_start|>"\nstop                           "<|im_end|>"\nstop                           "<|im_sep|>"',
      template: model.template,
      details: { format: 'gguf', family: 'phi3', parameter_size: '14.7B', quantization_level: 'Q4_K_M' },
      model_info: { 'general.architecture': 'phi3', 'phi3.context_length': model.contextLength, 'phi3.embedding_length': 5120 },
      capabilities: ['completion'],
    });
  }

  private async pull(body: Record<string, unknown> | undefined, res: http.ServerResponse): Promise<void> {
    const name = fullName(String(body?.model ?? body?.name ?? ''));
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const write = async (obj: unknown): Promise<void> => {
      if (res.destroyed) throw new Error('client went away');
      res.write(JSON.stringify(obj) + '\n');
      if (this.pullChunkDelayMs) await sleep(this.pullChunkDelayMs);
    };
    try {
      await write({ status: 'pulling manifest' });
      const model = this.pullable[name];
      if (!model) return void res.end(JSON.stringify({ error: 'pull model manifest: file does not exist' }) + '\n');
      const total = model.size;
      await write({ status: 'pulling fd7b6731c33c', digest: 'sha256:fd7b6731c33c', total });
      for (let i = 1; i <= 10; i++) await write({ status: 'pulling fd7b6731c33c', digest: 'sha256:fd7b6731c33c', total, completed: Math.round((total * i) / 10) });
      await write({ status: 'verifying sha256 digest' });
      await write({ status: 'writing manifest' });
      if (!this.models.some((m) => m.name === model.name)) this.models.push(model);
      await write({ status: 'success' });
      res.end();
    } catch {
      res.destroy();
    }
  }

  private async answer(chat: boolean, body: Record<string, unknown> | undefined, res: http.ServerResponse, record: RecordedRequest): Promise<void> {
    if (!body) return json(res, 400, { error: 'missing request body' });
    const invalid = validate(body, chat);
    if (invalid) return json(res, 400, { error: invalid });
    // A preload (empty prompt) never generates, so it takes a queued fault or delay but never an answer a test
    // queued for the question it is about to ask: the view may start loading the model at any moment.
    const preload = !chat && String(body.prompt ?? '') === '';
    const behaviour = (preload && this.queue[0]?.answer !== undefined ? undefined : this.queue.shift()) ?? this.defaultBehaviour;
    const fault = behaviour.fault;
    if (fault?.kind === 'hang') return; // accepted, never answered
    if (behaviour.headersDelayMs) {
      await sleep(behaviour.headersDelayMs);
      if (res.destroyed) return;
    }
    const model = this.find(body.model);
    if (!model || fault?.kind === 'notFound') {
      const name = String(body.model);
      if (fault?.kind === 'notFound' && fault.legacy) return json(res, 404, { error: `model "${name}" not found, try pulling it first` });
      return json(res, 404, { error: `model '${name}' not found` });
    }
    if (fault?.kind === 'busy') return json(res, 503, { error: 'server busy, please try again.  maximum pending requests exceeded' });
    if (fault?.kind === 'loadFailed') return json(res, 500, { error: fault.message ?? 'model requires more system memory (11.2 GiB) than is available (6.5 GiB)' });
    if (fault?.kind === 'badRequest') return json(res, 400, { error: fault.message ?? 'option "num_ctx" must be of type integer' });
    if (fault?.kind === 'forbidden') {
      res.writeHead(403);
      return void res.end();
    }

    const options = (body.options ?? {}) as Record<string, unknown>;
    const loaded = this.kv.load(model.name, typeof options.num_ctx === 'number' ? options.num_ctx : undefined, keepAliveMs(body.keep_alive), Date.now());
    const loadNs = loaded ? LOAD_NS : 1_000_000;
    // Preload: an empty prompt loads the model and returns one final chunk.
    const prompt = chat ? '' : String(body.prompt ?? '');
    if (!chat && prompt === '') return json(res, 200, { model: model.name, created_at: new Date().toISOString(), response: '', done: true, done_reason: 'load', load_duration: loadNs, total_duration: loadNs });

    const promptText = chat ? templated((body.messages as { role: string; content: string }[] | undefined) ?? []) : prompt;
    const { evaluation } = this.kv.evaluate(model.name, phi4Tokenize(promptText), loaded);
    record.evaluation = evaluation;
    let written = '';
    const stream = body.stream !== false;
    const chunks = behaviour.chunks ?? splitIntoChunks(behaviour.answer ?? '');
    const pace = behaviour.pace;
    const promptNs = pace ? Math.round((Math.max(evaluation.evaluatedTokens, 1) / pace.promptTokensPerSecond) * 1e9) : Math.max(evaluation.evaluatedTokens, 1) * PROMPT_TOKEN_NS;
    // Paced, the load and the prompt take their time before the first token, as in Ollama (headers go out with it).
    if (pace) {
      await sleep((loadNs + promptNs) / 1e6);
      if (res.destroyed) return;
    }
    const started = process.hrtime.bigint();
    const base = { model: model.name };
    const line = (text: string, done: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      ...base,
      created_at: new Date().toISOString(),
      ...(chat ? { message: { role: 'assistant', content: text } } : { response: text }),
      done,
      ...extra,
    });
    const finalLine = (): Record<string, unknown> => {
      const total = Number(process.hrtime.bigint() - started);
      return line('', true, {
        done_reason: behaviour.doneReason ?? 'stop',
        total_duration: total + loadNs + promptNs,
        load_duration: loadNs,
        ...promptCounts(evaluation, this.countReporting),
        prompt_eval_duration: promptNs,
        eval_count: pace ? answerTokens(written).length : chunks.length,
        eval_duration: Math.max(total, 1_000_000),
      });
    };

    const paceToken = async (chunk: string): Promise<void> => {
      if (pace) await sleep((answerTokens(chunk).length / pace.answerTokensPerSecond) * 1000);
    };

    // The answer joins the cache as it is generated; a stopped answer leaves what was generated so far.
    // Kept before the done line goes out: the client may send its next request the moment it reads it.
    let kept = false;
    const keep = (): void => {
      if (!kept) this.kv.generated(model.name, answerTokens(written));
      kept = true;
    };
    res.on('close', keep);
    if (!stream) {
      for (const chunk of chunks) await paceToken(chunk);
      written = chunks.join('');
      keep();
      return json(res, 200, { ...line(written, true), ...finalLine() });
    }

    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const write = async (obj: unknown): Promise<boolean> => {
      if (res.destroyed) return false;
      const bytes = Buffer.from(JSON.stringify(obj) + '\n', 'utf8');
      const split = behaviour.splitUtf8 ? multiByteSplitPoint(bytes) : -1;
      if (behaviour.dribbleMs) {
        const size = Math.ceil(bytes.length / DRIBBLE_PIECES);
        for (let at = 0; at < bytes.length; at += size) {
          if (at > 0) await sleep(behaviour.dribbleMs);
          if (res.destroyed) return false;
          res.write(bytes.subarray(at, at + size));
        }
      } else if (split > 0) {
        res.write(bytes.subarray(0, split));
        await sleep(5);
        if (res.destroyed) return false;
        res.write(bytes.subarray(split));
      } else res.write(bytes);
      if (behaviour.chunkDelayMs) await sleep(behaviour.chunkDelayMs);
      return !res.destroyed;
    };
    // Mid-stream faults strike after `afterChunks` chunks, or at the end of the text when not given.
    const faultAt =
      fault?.kind === 'errorMidStream' || fault?.kind === 'resetMidStream' || fault?.kind === 'malformedLine' || fault?.kind === 'stall' || fault?.kind === 'endlessLine'
        ? Math.min(fault.afterChunks ?? chunks.length, chunks.length)
        : -1;
    for (let i = 0; i <= chunks.length; i++) {
      if (i === faultAt) {
        if (fault?.kind === 'errorMidStream') return void res.end(JSON.stringify({ error: fault.message ?? 'an error was encountered while running the model' }) + '\n');
        if (fault?.kind === 'resetMidStream') return resetSoon(res);
        if (fault?.kind === 'malformedLine') res.write('{"model":"phi4:latest","respo\n');
        if (fault?.kind === 'stall') return; // the client's close ends it
        if (fault?.kind === 'endlessLine') return endlessLine(res);
      }
      if (i < chunks.length) {
        await paceToken(chunks[i]);
        written += chunks[i];
        if (!(await write(line(chunks[i], false)))) return;
      }
    }
    if (fault?.kind === 'noDone') return void res.end();
    // Ollama's handler returns right after the done line, which ends the response; no pause after it.
    keep();
    if (!res.destroyed) res.end(JSON.stringify(finalLine()) + '\n');
  }

  /** HTTP control API so tests in other processes (code-server UI tests) can script this server. */
  private control(path: string, body: Record<string, unknown> | undefined, res: http.ServerResponse): void {
    switch (path) {
      case '/__test/enqueue':
        this.enqueue(...((body?.behaviours ?? []) as Behaviour[]));
        return json(res, 200, { queued: this.queue.length });
      case '/__test/default':
        this.defaultBehaviour = (body ?? {}) as Behaviour;
        return json(res, 200, {});
      case '/__test/requests':
        return json(res, 200, { requests: this.requests });
      case '/__test/models':
        if (body && Array.isArray(body.names)) this.models = (body.names as string[]).map((n) => ({ ...PHI4_MODEL, name: fullName(n) }));
        if (body && typeof body.pullChunkDelayMs === 'number') this.pullChunkDelayMs = body.pullChunkDelayMs;
        return json(res, 200, { models: this.models.map((m) => m.name) });
      case '/__test/reporting':
        if (body?.mode === 'cached' || body?.mode === 'total' || body?.mode === 'newOnly') this.countReporting = body.mode;
        return json(res, 200, { mode: this.countReporting });
      case '/__test/reset':
        this.reset();
        return json(res, 200, {});
      default:
        return json(res, 404, { error: 'unknown control path' });
    }
  }
}

/**
 * The counts of the final chunk in each reporting mode; prompt_eval_duration, set beside them, covers only the
 * evaluated part (docs.ollama.com/api/usage [D1]). Before v0.30 and since PR #16428 the count is the whole prompt; 0.30.0
 * (#16414) counted new tokens only; PR #17943 added prompt_eval_cached_count.
 */
function promptCounts(e: PromptEvaluation, mode: CountReporting): Record<string, number> {
  if (mode === 'newOnly') return { prompt_eval_count: e.evaluatedTokens };
  if (mode === 'total') return { prompt_eval_count: e.promptTokens };
  return { prompt_eval_count: e.promptTokens, prompt_eval_cached_count: e.cachedTokens };
}

/**
 * The answer's tokens for the cache. BPE takes quadratic time on one huge word (tests stream a 1 MB line):
 * beyond any real answer's size, stand-in ids that match nothing keep the server responsive.
 */
function answerTokens(text: string): number[] {
  return text.length > 200_000 ? new Array<number>(Math.ceil(text.length / 4)).fill(-1) : phi4Tokenize(text);
}

/** What /api/chat sends the model under Phi-4's template (PHI4_TEMPLATE above). */
function templated(messages: readonly { role: string; content: string }[]): string {
  return messages.map((m) => `<|im_start|>${m.role}<|im_sep|>\n${m.content}<|im_end|>\n`).join('') + '<|im_start|>assistant<|im_sep|>\n';
}

export function isAnswerRequest(r: RecordedRequest): boolean {
  if (r.path === '/api/chat') return Array.isArray(r.body?.messages) && (r.body.messages as unknown[]).length > 0;
  return r.path === '/api/generate' && typeof r.body?.prompt === 'string' && r.body.prompt !== '';
}

/** The real server's validation, for the mistakes a client can make. */
function validate(body: Record<string, unknown>, chat: boolean): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return 'model is required';
  if (!chat && body.raw === true && (body.template !== undefined || body.system !== undefined || body.context !== undefined)) {
    return 'raw mode does not support template, system, or context';
  }
  const keepAlive = body.keep_alive;
  if (typeof keepAlive === 'string' && !/^-?\d+(\.\d+)?(ns|us|µs|ms|s|m|h)+/.test(keepAlive)) return `time: missing unit in duration "${keepAlive}"`;
  const options = body.options as Record<string, unknown> | undefined;
  if (options) {
    for (const key of ['num_ctx', 'num_predict']) {
      if (options[key] !== undefined && !Number.isInteger(options[key])) return `option "${key}" must be of type integer`;
    }
    if (options.stop !== undefined && !Array.isArray(options.stop)) return 'option "stop" must be of type array';
  }
  if (body.think === true) return `"${String(body.model)}" does not support thinking`;
  return undefined;
}

function tagOf(m: InstalledModel): Record<string, unknown> {
  return {
    name: m.name,
    model: m.name,
    modified_at: '2025-01-10T10:00:00Z',
    size: m.size,
    digest: 'ac896e5b8b34a1f4efa7b14d7520725140d5512484457fab45d2a4ea14c69dba',
    details: { parent_model: '', format: 'gguf', family: 'phi3', families: ['phi3'], parameter_size: '14.7B', quantization_level: 'Q4_K_M' },
  };
}

function multiByteSplitPoint(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0xc0) return i + 1; // inside the first multi-byte character
  return -1;
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

const DRIBBLE_PIECES = 6;

/** Starts an answer line and never ends it, respecting back-pressure, until the client closes (or 256 MB). */
async function endlessLine(res: http.ServerResponse): Promise<void> {
  const piece = Buffer.alloc(64 * 1024, 'x');
  res.write('{"model":"phi4:latest","created_at":"2025-01-10T10:00:00Z","response":"');
  for (let sent = 0; sent < 256 * 1024 * 1024 && !res.destroyed; sent += piece.length) {
    if (!res.write(piece)) await drainOrClose(res);
  }
  res.end();
}

function drainOrClose(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/** A real TCP reset once the bytes already written have gone out. */
function resetSoon(res: http.ServerResponse): void {
  setTimeout(() => res.socket?.resetAndDestroy(), 20);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
