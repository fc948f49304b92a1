// The model is loaded ahead of the first answer only when /api/ps says it is not loaded with our num_ctx,
// and the user can stop the load.
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { ModelPreloader } from '../../../src/request/ModelPreloader';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import { OllamaTestServer } from '../../support/ollamaTestServer';

describe('ModelPreloader', () => {
  const server = new OllamaTestServer();
  let settings: RequestSettings;
  let loading: boolean[];
  const preloader = (allowed = true): ModelPreloader => {
    const p = new ModelPreloader({ ollama: () => new OllamaClient({ host: settings.host }), settings: () => settings, resolver: new ModelResolver(), log: silentLogger }, () => allowed);
    p.onLoading((l) => loading.push(l));
    return p;
  };
  const loads = (): Record<string, unknown>[] => server.requests.filter((r) => r.path === '/api/generate' && r.body?.prompt === '').map((r) => r.body!);
  const generate = (numCtx: number): Promise<Response> =>
    fetch(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'phi4', prompt: 'hi', raw: true, stream: false, options: { num_ctx: numCtx } }) });

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    loading = [];
    settings = { host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto', provider: 'ollama' };
  });

  it('loads a model that is not loaded, with the num_ctx and keep_alive of the requests, once', async () => {
    const p = preloader();
    await Promise.all([p.ensure(), p.ensure()]);
    await p.ensure();
    assert.equal(loads().length, 1);
    assert.deepEqual([(loads()[0].options as { num_ctx: number }).num_ctx, loads()[0].keep_alive], [16384, '30m']);
    assert.deepEqual(loading, [true, false]);
  });

  it('sends nothing when the model is already loaded with that num_ctx', async () => {
    await generate(16384);
    await preloader().ensure();
    assert.equal(loads().length, 0);
    assert.deepEqual(loading, []);
  });

  it('reloads once a model another client loaded with another num_ctx', async () => {
    await generate(2048);
    const p = preloader();
    await p.ensure();
    await p.ensure();
    assert.equal(loads().length, 1);
  });

  it('contacts nothing with a shared OpenAI-compatible server, which keeps its model loaded', async () => {
    settings = { ...settings, provider: 'openai-compatible' };
    await preloader().ensure();
    assert.equal(server.requests.length, 0);
    assert.deepEqual(loading, []);
  });

  it('contacts nothing while the host may not be contacted', async () => {
    await preloader(false).ensure();
    assert.equal(server.requests.length, 0);
  });

  it('Stop ends a slow load: the request is closed and the loading state ends', async () => {
    server.enqueue({ headersDelayMs: 5000 });
    const p = preloader();
    const done = p.ensure();
    while (loads().length === 0) await new Promise((r) => setTimeout(r, 10));
    p.stop();
    await done;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.requests.find((r) => r.body?.prompt === '')?.closedByClient, true);
    assert.deepEqual(loading, [true, false]);
  });
});
