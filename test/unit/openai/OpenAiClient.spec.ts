// Drives the real OpenAI-compatible client (fetch + eventsource-parser) against test servers in vLLM's and
// llama-server's shapes, including the same network faults as the Ollama client's tests.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { AnswerEvent, AnswerRequest } from '../../../src/ollama/OllamaClient';
import { OllamaError } from '../../../src/ollama/OllamaError';
import { OpenAiClient } from '../../../src/openai/OpenAiClient';
import { OpenAiTestServer, type Flavor } from '../../support/openAiTestServer';
import { phi4Tokenize } from '../../support/phi4Tokenize';

const request: AnswerRequest = {
  model: '',
  format: 'phi4',
  messages: [{ role: 'system', content: 'rules' }, { role: 'user', content: 'hi' }],
  numCtx: 16384,
  numPredict: 1024,
  temperature: 0.2,
  keepAlive: '30m',
  promptTokens: 17,
};
const PROMPT = '<|im_start|>system<|im_sep|>\nrules<|im_end|>\n<|im_start|>user<|im_sep|>\nhi<|im_end|>\n<|im_start|>assistant<|im_sep|>\n';

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

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

for (const flavor of ['vllm', 'llama-server'] as Flavor[]) {
  describe(`OpenAiClient against a ${flavor}-shaped server`, () => {
    let server: OpenAiTestServer;
    let key: string | undefined;
    let client: OpenAiClient;
    const model = (): string => server.models[0];
    beforeEach(async () => {
      server = new OpenAiTestServer({ flavor, apiKey: 'sk-team-123' });
      await server.start();
      key = 'sk-team-123';
      client = new OpenAiClient({ host: server.baseUrl, apiKey: async () => key, stallTimeoutMs: 300 });
    });
    afterEach(() => server.stop());

    it('sends the byte-exact Phi-4 ChatML raw to /completions with the bearer key, a length limit, temperature, stops and usage', async () => {
      server.enqueue({ answer: 'The answer is 42.' });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.error, undefined);
      assert.equal(result.text, 'The answer is 42.');
      const [sent] = server.completions();
      assert.equal(sent.authorization, 'Bearer sk-team-123');
      assert.equal(sent.body?.prompt, PROMPT);
      assert.equal(sent.body?.model, model());
      assert.equal(sent.body?.max_tokens, 1024);
      assert.equal(sent.body?.temperature, 0.2);
      assert.equal(sent.body?.stream, true);
      assert.deepEqual(sent.body?.stream_options, { include_usage: true });
      assert.deepEqual(sent.body?.stop, ['<|im_end|>', '<|im_start|>', '<|im_sep|>', '<|endoftext|>']);
      // vLLM hides special tokens from the text, so only the id stops it at <|im_end|>.
      assert.deepEqual(sent.body?.stop_token_ids, [100265]);
    });

    it('streams several chunks and ends with the server usage, its cached tokens and the finish reason', async () => {
      server.enqueue({ answer: 'one two three four', cachedTokens: 12 });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.ok(result.events.filter((e) => e.kind === 'text').length >= 4);
      const done = result.events.at(-1);
      assert.ok(done?.kind === 'done');
      assert.equal(done.stats.promptEvalCount, phi4Tokenize(PROMPT).length);
      assert.equal(done.stats.evalCount, 5);
      assert.equal(done.stats.promptEvalCachedCount, 12);
      assert.equal(done.stats.doneReason, 'stop');
    });

    it('hands text to a relay callback, yielding only the end', async () => {
      server.enqueue({ answer: 'a b c' });
      const seen: string[] = [];
      const result = await collect(client.streamAnswer({ ...request, model: model() }, undefined, (t) => seen.push(t)));
      assert.equal(seen.join(''), 'a b c');
      assert.deepEqual(result.events.map((e) => e.kind), ['done']);
    });

    it('without a key: says the server wants one and offers Set API Key', async () => {
      key = undefined;
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.error?.kind, 'unauthorized');
      assert.match(result.error?.message ?? '', /server at http:\/\/127\.0\.0\.1:\d+\/v1 wants an API key \(401\)/);
      assert.deepEqual(result.error?.actions.slice(0, 1), ['setApiKey']);
      assert.equal(server.completions()[0].authorization, undefined);
    });

    it('with a wrong key: says the key was rejected, and never shows the key', async () => {
      key = 'sk-wrong-999';
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.error?.kind, 'unauthorized');
      assert.match(result.error?.message ?? '', /rejected the API key/);
      assert.doesNotMatch(`${result.error?.message} ${result.error?.detail}`, /sk-wrong/);
      // The server's own 401 body is kept for the log.
      assert.match(result.error?.detail ?? '', flavor === 'vllm' ? /401: Unauthorized/ : /401: Invalid API Key/);
    });

    it('reports a prompt over the server context as a budget bug with both counts', async () => {
      server.contextSize = 64;
      const long = { ...request, model: model(), numPredict: 16, messages: [{ role: 'user' as const, content: 'word '.repeat(200) }], promptTokens: 205 };
      const result = await collect(client.streamAnswer(long));
      assert.equal(result.error?.kind, 'contextExceeded');
      assert.match(result.error?.message ?? '', /Phi-4 counted 205 prompt tokens plus 16 for the answer/);
      if (flavor === 'llama-server') assert.match(result.error?.message ?? '', new RegExp(`server counted ${phi4Tokenize(long.messages[0].content).length + 10} tokens for a context of 64`));
      else assert.match(result.error?.message ?? '', /maximum input length of 48 tokens/);
      assert.ok(result.error?.actions.includes('showLog'));
    });

    it('a busy server (503) gets Retry', async () => {
      server.enqueue({ fault: { kind: 'busy' } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.error?.kind, 'busy');
      assert.deepEqual(result.error?.actions, ['retry']);
      assert.match(result.error?.message ?? '', /The server at .* is busy \(503\)/);
    });

    it('keeps the text before an error event mid-stream and reports the error', async () => {
      server.enqueue({ answer: 'partial answer here', fault: { kind: 'errorMidStream', afterChunks: 2, message: 'CUDA error: out of memory' } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.text, 'partial answer');
      assert.equal(result.error?.kind, 'streamError');
      assert.match(result.error?.message ?? '', /CUDA error: out of memory/);
    });

    it('reports a connection reset mid-stream as lost, with the partial text', async () => {
      server.enqueue({ answer: 'one two three', fault: { kind: 'resetMidStream', afterChunks: 2 } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.text, 'one two');
      assert.equal(result.error?.kind, 'connectionLost');
      assert.match(result.error?.message ?? '', /server at http:\/\/127\.0\.0\.1/);
    });

    it('stops an answer that goes silent, keeping the text so far', async () => {
      server.enqueue({ answer: 'one two three', fault: { kind: 'stall', afterChunks: 1 } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.text, 'one');
      assert.equal(result.error?.kind, 'stalled');
      await until(() => server.completions()[0].closedByClient);
    });

    it('reports an event that is not JSON, keeping the text before it', async () => {
      server.enqueue({ answer: 'one two three', fault: { kind: 'malformedEvent', afterChunks: 1 } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.text, 'one');
      assert.equal(result.error?.kind, 'incompleteStream');
      assert.match(result.error?.message ?? '', /not JSON/);
    });

    it('keeps multi-byte characters split across TCP writes intact', async () => {
      server.enqueue({ chunks: ['héllo ', '世界 ', '🙂'], splitUtf8: true });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.error, undefined);
      assert.equal(result.text, 'héllo 世界 🙂');
    });

    it('reports a stream that ends without [DONE]', async () => {
      server.enqueue({ answer: 'one two', fault: { kind: 'noDone' } });
      const result = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(result.text, 'one two');
      assert.equal(result.error?.kind, 'incompleteStream');
    });

    it('treats finish_reason abort as an error and length as a cut-off answer', async () => {
      server.enqueue({ answer: 'x y', fault: { kind: 'finish', reason: 'abort' } }, { answer: 'x y', fault: { kind: 'finish', reason: 'length' } });
      const aborted = await collect(client.streamAnswer({ ...request, model: model() }));
      assert.equal(aborted.error?.kind, 'streamError');
      const cut = await collect(client.streamAnswer({ ...request, model: model() }));
      const done = cut.events.at(-1);
      assert.ok(done?.kind === 'done');
      assert.equal(done.stats.doneReason, 'length');
    });

    it('Stop mid-stream closes the connection so the server stops generating', async () => {
      server.enqueue({ answer: 'a b c d e f g h i j k l', chunkDelayMs: 40 });
      const stop = new AbortController();
      const stream = client.streamAnswer({ ...request, model: model() }, stop.signal);
      const first = await stream.next();
      assert.equal(first.done, false);
      stop.abort();
      const result = await collect(stream);
      assert.equal(result.error?.kind, 'cancelled');
      await until(() => server.completions()[0].closedByClient);
    });

    it('lists the served models and reads the runtime context (vLLM max_model_len, llama-server /props n_ctx)', async () => {
      server.contextSize = 8192;
      assert.deepEqual((await client.listModels()).map((m) => m.name), [model()]);
      const facts = await client.showModel(model());
      assert.equal(facts.contextLength, 8192);
      assert.equal(facts.detectedFormat, 'phi4');
    });
  });
}

describe('OpenAiClient: errors that name the server', () => {
  it('an unknown model on vLLM (404, param model) asks to choose a model, never to pull one', async () => {
    const server = new OpenAiTestServer({ flavor: 'vllm' });
    await server.start();
    try {
      const result = await collect(new OpenAiClient({ host: server.baseUrl }).streamAnswer({ ...request, model: 'phi-5' }));
      assert.equal(result.error?.kind, 'modelNotFound');
      assert.ok(result.error?.actions.includes('selectModel'));
      assert.ok(!result.error?.actions.includes('pullModel'));
    } finally {
      await server.stop();
    }
  });

  it('a wrong base URL path (404) says to check it', async () => {
    const server = new OpenAiTestServer({ flavor: 'llama-server' });
    await server.start();
    try {
      const result = await collect(new OpenAiClient({ host: `http://127.0.0.1:${server.port}/api` }).streamAnswer({ ...request, model: 'x' }));
      assert.match(result.error?.message ?? '', /usually \/v1/);
    } finally {
      await server.stop();
    }
  });

  it('connection refused names the host and says why', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const result = await collect(new OpenAiClient({ host: `http://127.0.0.1:${port}/v1` }).streamAnswer({ ...request, model: 'x' }));
    assert.equal(result.error?.kind, 'unreachable');
    assert.match(result.error?.message ?? '', new RegExp(`Cannot reach the server at http://127.0.0.1:${port}/v1: nothing is listening there`));
  });

  it('a host name that does not resolve says so', async () => {
    const result = await collect(new OpenAiClient({ host: 'http://gpu-box.invalid:8000/v1', quickTimeoutMs: 5000 }).streamAnswer({ ...request, model: 'x' }));
    assert.equal(result.error?.kind, 'unreachable');
    assert.match(result.error?.message ?? '', /gpu-box\.invalid:8000\/v1: the host name (does not resolve|could not be resolved)/);
  });
});
