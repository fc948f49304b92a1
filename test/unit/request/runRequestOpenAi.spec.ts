// The same one pipeline with phi4.provider "openai-compatible": model choice from the server's list, the
// server's context as the budget's limit, its usage in the outcome, and its errors as the views know them.
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { OpenAiClient } from '../../../src/openai/OpenAiClient';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import type { RequestServices, RequestSpec } from '../../../src/request/RequestSpec';
import { runRequest } from '../../../src/request/runRequest';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { OpenAiTestServer } from '../../support/openAiTestServer';
import { phi4Tokenize } from '../../support/phi4Tokenize';

describe('runRequest with an OpenAI-compatible server', () => {
  let server: OpenAiTestServer;
  let settings: RequestSettings;
  const services = (): RequestServices => ({ client: () => new OpenAiClient({ host: settings.host, apiKey: async () => 'k' }), settings: () => settings, resolver: new ModelResolver(), log: silentLogger });
  const spec = (over: Partial<RequestSpec> = {}): RequestSpec => ({ kind: 'chat', system: 'Be brief.', history: [], question: 'What is 2+2?', ...over });

  beforeEach(async () => {
    server = new OpenAiTestServer({ flavor: 'vllm', apiKey: 'k', models: ['microsoft/phi-4'], contextSize: 4096 });
    await server.start();
    settings = { provider: 'openai-compatible', host: server.baseUrl, model: '', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' };
  });
  afterEach(() => server.stop());

  it('with phi4.model unset uses the one model the server serves, and our prompt count equals the server usage', async () => {
    server.enqueue({ answer: 'It is four.' });
    const outcome = await runRequest(services(), spec(), new AbortController().signal);
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.text, 'It is four.');
    assert.equal(outcome.model, 'microsoft/phi-4');
    const sent = server.completions()[0].body;
    assert.equal(sent?.model, 'microsoft/phi-4');
    assert.equal(outcome.fitted?.promptTokens, phi4Tokenize(String(sent?.prompt)).length);
    assert.equal(outcome.stats?.promptEvalCount, outcome.fitted?.promptTokens);
    assert.deepEqual(outcome.notes, []);
  });

  it('budgets to the server context (max_model_len) when it is smaller than phi4.contextWindow', async () => {
    settings = { ...settings, contextWindow: 16384 };
    const outcome = await runRequest(services(), spec(), new AbortController().signal);
    assert.equal(outcome.fitted?.available, 4096 - 1024 - 32);
  });

  it('promptFormat ollama-template does not apply: the prompt is still raw Phi-4 ChatML', async () => {
    settings = { ...settings, promptFormat: 'ollama-template' };
    await runRequest(services(), spec(), new AbortController().signal);
    assert.match(String(server.completions()[0].body?.prompt), /^<\|im_start\|>system<\|im_sep\|>\n/);
  });

  it('with phi4.model unset and several served models, asks to choose one and sends nothing', async () => {
    server.models = ['microsoft/phi-4', 'phi-4-fp8'];
    const outcome = await runRequest(services(), spec(), new AbortController().signal);
    assert.equal(outcome.error?.kind, 'modelNotFound');
    assert.match(outcome.error?.message ?? '', /serves 2 models \(microsoft\/phi-4, phi-4-fp8\)/);
    assert.deepEqual(outcome.error?.actions, ['selectModel', 'openSettings']);
    assert.equal(server.completions().length, 0);
  });

  it('an answer cut at the length limit gets the same note as with Ollama', async () => {
    server.enqueue({ answer: 'long answer', fault: { kind: 'finish', reason: 'length' } });
    const outcome = await runRequest(services(), spec(), new AbortController().signal);
    assert.ok(outcome.cutOff);
    assert.ok(outcome.notes.some((n) => /hit the phi4.maxAnswerTokens limit/.test(n)));
  });
});

describe('the API key goes to Ollama too', () => {
  it('as a bearer token, for a reverse proxy in front of Ollama', async () => {
    const server = new OllamaTestServer();
    await server.start();
    const seen: (string | null)[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    };
    try {
      const client = new OllamaClient({ host: server.url, apiKey: async () => 'proxy-key', fetch: spy });
      await client.listModels();
      const events = [];
      for await (const e of client.streamAnswer({ model: 'phi4', format: 'phi4', messages: [{ role: 'user', content: 'hi' }], numCtx: 2048, numPredict: 64, temperature: 0, keepAlive: '5m' })) events.push(e);
      assert.equal(events.at(-1)?.kind, 'done');
      assert.deepEqual(seen, ['Bearer proxy-key', 'Bearer proxy-key']);
    } finally {
      await server.stop();
    }
  });
});
