// Drives the real client (ollama-js over HTTP) against the Ollama-API test server on loopback.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { OllamaClient, type AnswerEvent, type AnswerRequest } from '../../../src/ollama/OllamaClient';
import { OllamaError } from '../../../src/ollama/OllamaError';
import { OllamaTestServer } from '../../support/ollamaTestServer';

const request: AnswerRequest = {
  model: 'phi4',
  format: 'phi4',
  messages: [{ role: 'system', content: 'rules' }, { role: 'user', content: 'hi' }],
  numCtx: 16384,
  numPredict: 1024,
  temperature: 0.2,
  keepAlive: '30m',
};

async function collect(stream: AsyncIterable<AnswerEvent>): Promise<{ text: string; events: AnswerEvent[]; error?: OllamaError }> {
  const events: AnswerEvent[] = [];
  let text = '';
  try {
    for await (const e of stream) {
      events.push(e);
      if (e.kind === 'text') text += e.text;
    }
  } catch (error) {
    assert.ok(error instanceof OllamaError, `expected OllamaError, got ${String(error)}`);
    return { text, events, error };
  }
  return { text, events };
}

const until = async (check: () => boolean, ms = 2000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('OllamaClient against the Ollama-API test server', () => {
  const server = new OllamaTestServer();
  let client: OllamaClient;
  before(async () => {
    await server.start();
  });
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    client = new OllamaClient({ host: server.url });
  });

  it('sends raw Phi-4 ChatML to /api/generate with num_ctx, stop, keep_alive, temperature and num_predict', async () => {
    server.enqueue({ answer: 'The answer is 42.' });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'The answer is 42.');
    const [sent] = server.answerRequests();
    assert.equal(sent.path, '/api/generate');
    assert.equal(sent.body?.prompt, '<|im_start|>system<|im_sep|>\nrules<|im_end|>\n<|im_start|>user<|im_sep|>\nhi<|im_end|>\n<|im_start|>assistant<|im_sep|>\n');
    assert.equal(sent.body?.raw, true);
    assert.equal(sent.body?.stream, true);
    assert.equal(sent.body?.keep_alive, '30m');
    assert.deepEqual(sent.body?.options, { num_ctx: 16384, num_predict: 1024, temperature: 0.2, stop: ['<|im_end|>', '<|im_start|>', '<|im_sep|>', '<|endoftext|>'] });
    const done = result.events.at(-1);
    assert.equal(done?.kind, 'done');
    if (done?.kind === 'done') {
      assert.equal(done.stats.evalCount, 4);
      assert.equal(done.stats.doneReason, 'stop');
      assert.ok((done.stats.promptEvalCount ?? 0) > 10);
      assert.ok((done.stats.tokensPerSecond ?? 0) > 0);
      assert.ok(done.stats.timeToFirstTokenMs !== undefined);
    }
  });

  it('hands text to a relay callback as it arrives, yielding only the end with its stats', async () => {
    server.enqueue({ answer: 'one two three four five', chunkDelayMs: 5 });
    const received: string[] = [];
    const result = await collect(client.streamAnswer(request, undefined, (text) => received.push(text)));
    assert.equal(received.join(''), 'one two three four five');
    assert.equal(received.length, 5);
    assert.deepEqual(result.events.map((e) => e.kind), ['done']);
  });

  it('streams several chunks, not one', async () => {
    server.enqueue({ answer: 'one two three four five', chunkDelayMs: 5 });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.events.filter((e) => e.kind === 'text').length, 5);
  });

  it('lets the server template the conversation with promptFormat ollama-template', async () => {
    await collect(client.streamAnswer({ ...request, format: 'ollama-template' }));
    const [sent] = server.answerRequests();
    assert.equal(sent.path, '/api/chat');
    assert.deepEqual((sent.body?.messages as unknown[]).length, 2);
    assert.equal((sent.body?.options as { num_ctx: number }).num_ctx, 16384);
  });

  it('keeps a multi-byte character split across TCP chunks intact', async () => {
    server.enqueue({ answer: 'naïve café — 日本語 🚀 done', splitUtf8: true });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'naïve café — 日本語 🚀 done');
  });

  const faults: [string, Parameters<OllamaTestServer['enqueue']>[0], string, RegExp][] = [
    ['404 model not found', { fault: { kind: 'notFound' } }, 'modelNotFound', /not installed/],
    ['404 legacy "try pulling it first"', { fault: { kind: 'notFound', legacy: true } }, 'modelNotFound', /not installed/],
    ['503 busy', { fault: { kind: 'busy' } }, 'busy', /busy/],
    ['500 load failure', { fault: { kind: 'loadFailed' } }, 'loadFailed', /more system memory/],
    ['400 bad option', { fault: { kind: 'badRequest' } }, 'badRequest', /num_ctx/],
    ['403 forbidden', { fault: { kind: 'forbidden' } }, 'forbidden', /403/],
  ];
  for (const [name, behaviour, kind, message] of faults) {
    it(`maps ${name} to a clear message with actions`, async () => {
      server.enqueue(behaviour);
      const result = await collect(client.streamAnswer(request));
      assert.equal(result.error?.kind, kind);
      assert.match(result.error?.message ?? '', message);
      assert.ok((result.error?.actions.length ?? 0) > 0);
    });
  }

  it('offers to pull when the model is not installed', async () => {
    server.models = [];
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.error?.kind, 'modelNotFound');
    assert.deepEqual(result.error?.actions, ['pullModel', 'selectModel']);
  });

  it('keeps text that arrived before an error line mid-stream', async () => {
    server.enqueue({ answer: 'partial answer here then more', fault: { kind: 'errorMidStream', afterChunks: 3 } });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'partial answer here');
    assert.equal(result.error?.kind, 'streamError');
    assert.match(result.error?.message ?? '', /error was encountered while running the model/);
  });

  it('reports a connection reset mid-stream as lost, with the partial text', async () => {
    server.enqueue({ answer: 'a b c d e f', fault: { kind: 'resetMidStream', afterChunks: 2 } });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'a b');
    assert.equal(result.error?.kind, 'connectionLost');
  });

  it('reports a stream that ends without done', async () => {
    server.enqueue({ answer: 'a b', fault: { kind: 'noDone' } });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'a b');
    assert.equal(result.error?.kind, 'incompleteStream');
  });

  it('takes a 1 MB single NDJSON line in stride', async () => {
    const big = 'x'.repeat(1_000_000);
    server.enqueue({ chunks: ['start ', big, ' end'] });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, `start ${big} end`);
  });

  it('stops an answer that goes silent mid-stream, keeping the text so far and naming the host and the wait', async () => {
    const watched = new OllamaClient({ host: server.url, stallTimeoutMs: 300 });
    server.enqueue({ answer: 'partial answer here then more', fault: { kind: 'stall', afterChunks: 3 } });
    const result = await collect(watched.streamAnswer(request));
    assert.equal(result.text, 'partial answer here');
    assert.equal(result.error?.kind, 'stalled');
    assert.ok(result.error?.message.includes(server.url), result.error?.message);
    assert.match(result.error?.message ?? '', /nothing arrived for 0\.3 seconds/);
    assert.deepEqual(result.error?.actions, ['retry', 'showLog']);
    // The connection is closed, so Ollama stops working on it and the next request is not queued behind it.
    await until(() => server.answerRequests()[0].closedByClient);
  });

  it('does not count the model loading before the first byte as a stall', async () => {
    const watched = new OllamaClient({ host: server.url, stallTimeoutMs: 200, loadTimeoutMs: 10_000 });
    server.enqueue({ answer: 'loaded at last', headersDelayMs: 700 });
    const result = await collect(watched.streamAnswer(request));
    assert.equal(result.error, undefined);
    assert.equal(result.text, 'loaded at last');
  });

  it('counts any bytes, even part of a line, as Ollama still answering', async () => {
    // Each line arrives in six pieces 120 ms apart: complete lines are 720 ms apart, beyond the 400 ms limit.
    const watched = new OllamaClient({ host: server.url, stallTimeoutMs: 400 });
    server.enqueue({ chunks: ['slow but steady'], dribbleMs: 120 });
    const result = await collect(watched.streamAnswer(request));
    assert.equal(result.error, undefined);
    assert.equal(result.text, 'slow but steady');
  });

  it('stops a server that sends a line that never ends, keeping the text before it', async () => {
    server.enqueue({ answer: 'a b c d', fault: { kind: 'endlessLine', afterChunks: 2 } });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'a b');
    assert.equal(result.error?.kind, 'oversizedLine');
    assert.match(result.error?.message ?? '', /over 8 MB without a line break/);
    assert.ok(result.error?.message.includes(server.url));
    await until(() => server.answerRequests()[0].closedByClient);
  });

  it('skips a malformed NDJSON line and finishes the answer', async () => {
    server.enqueue({ answer: 'a b c d', fault: { kind: 'malformedLine', afterChunks: 1 } });
    const result = await collect(client.streamAnswer(request));
    assert.equal(result.text, 'a b c d');
    assert.equal(result.error, undefined);
  });

  it('Stop during a slow model load closes the connection before any header arrived', async () => {
    server.enqueue({ answer: 'never', headersDelayMs: 30_000 });
    const controller = new AbortController();
    const pending = collect(client.streamAnswer(request, controller.signal));
    await until(() => server.answerRequests().length === 1);
    controller.abort();
    const result = await pending;
    assert.equal(result.error?.kind, 'cancelled');
    await until(() => server.answerRequests()[0].closedByClient);
  });

  it('Stop mid-stream closes the connection so the server stops generating', async () => {
    server.enqueue({ answer: 'word '.repeat(200), chunkDelayMs: 5 });
    const controller = new AbortController();
    let seen = 0;
    const stream = client.streamAnswer(request, controller.signal);
    const result = collect(
      (async function* () {
        for await (const e of stream) {
          yield e;
          if (++seen === 3) controller.abort();
        }
      })(),
    );
    const outcome = await result;
    assert.equal(outcome.error?.kind, 'cancelled');
    assert.ok(outcome.text.length > 0);
    await until(() => server.answerRequests()[0].closedByClient);
  });

  it('times out a host that accepts but never answers, naming the host', async () => {
    const slow = new OllamaClient({ host: server.url, loadTimeoutMs: 200 });
    server.enqueue({ fault: { kind: 'hang' } });
    const result = await collect(slow.streamAnswer(request));
    assert.equal(result.error?.kind, 'timeout');
    assert.ok(result.error?.message.includes(server.url));
  });

  it('a load time limit too long for a Node timer waits instead of failing at once', async () => {
    const patient = new OllamaClient({ host: server.url, loadTimeoutMs: 99_999_999_000 });
    server.enqueue({ answer: 'Loaded.', headersDelayMs: 100 });
    const result = await collect(patient.streamAnswer(request));
    assert.equal(result.error, undefined, result.error?.message);
    assert.equal(result.text, 'Loaded.');
  });

  it('reports Ollama not running with the host and how to start it', async () => {
    const port = await freePort();
    const down = new OllamaClient({ host: `http://127.0.0.1:${port}` });
    const result = await collect(down.streamAnswer(request));
    assert.equal(result.error?.kind, 'unreachable');
    assert.match(result.error?.message ?? '', new RegExp(`127\\.0\\.0\\.1:${port}.*nothing is listening.*ollama serve`));
    assert.deepEqual(result.error?.actions, ['retry', 'openSettings']);
  });

  it('reports a host name that does not resolve', async () => {
    const bad = new OllamaClient({ host: 'http://no-such-host.invalid:11434' });
    await assert.rejects(bad.listModels(), (e: unknown) => e instanceof OllamaError && e.kind === 'unreachable' && /does not resolve|could not be resolved/.test(e.message));
  });

  it('lists models, reads context length and detects the Phi-4 template', async () => {
    const models = await client.listModels();
    assert.deepEqual(models.map((m) => m.name), ['phi4:latest']);
    assert.equal(models[0].size, 9053116391);
    const info = await client.showModel('phi4');
    assert.equal(info.contextLength, 16384);
    assert.equal(info.detectedFormat, 'phi4');
    assert.deepEqual(info.stop, ['<|im_start|>', '<|im_end|>', '<|im_sep|>']);
    assert.equal(await client.version(), '0.12.6');
  });

  it('preloads with keep_alive and the same num_ctx', async () => {
    await client.preload('phi4', 16384, '30m');
    const [sent] = server.requests.filter((r) => r.path === '/api/generate');
    assert.equal(server.answerRequests().length, 0, 'a preload is not an answer');
    assert.equal(sent.body?.keep_alive, '30m');
    assert.deepEqual(sent.body?.options, { num_ctx: 16384 });
  });

  it('pulls with progress and then the model is installed', async () => {
    server.models = [];
    const seen: { status: string; completed?: number; total?: number }[] = [];
    await client.pull('phi4', (p) => seen.push(p));
    assert.equal(seen[0].status, 'pulling manifest');
    assert.equal(seen.at(-1)?.status, 'success');
    assert.ok(seen.some((p) => p.total === 9053116391 && p.completed === 9053116391));
    assert.deepEqual((await client.listModels()).map((m) => m.name), ['phi4:latest']);
  });

  it('fails a pull of an unknown model that errors mid-stream with status 200', async () => {
    await assert.rejects(client.pull('nope', () => undefined), (e: unknown) => e instanceof OllamaError && /file does not exist/.test(e.message));
  });

  it('cancels a pull', async () => {
    server.models = [];
    server.pullChunkDelayMs = 20;
    const controller = new AbortController();
    const pending = client.pull('phi4', (p) => (p.completed ? controller.abort() : undefined), controller.signal);
    await assert.rejects(pending, (e: unknown) => e instanceof OllamaError && e.kind === 'cancelled');
    await until(() => server.requests.some((r) => r.path === '/api/pull' && r.closedByClient));
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
