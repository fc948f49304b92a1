// The one request pipeline against the Ollama-API test server: what reaches the server, and the outcome
// every request kind gets back (text, stats, notes, typed error).
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { OllamaError } from '../../../src/ollama/OllamaError';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import type { RequestServices, RequestSpec } from '../../../src/request/RequestSpec';
import { MAX_CHARS_PER_TOKEN, runRequest } from '../../../src/request/runRequest';
import { OLDER_VANILJ_PHI4_MODEL, OllamaTestServer, PHI4_MINI_MODEL, VANILJ_PHI4_MODEL } from '../../support/ollamaTestServer';

describe('runRequest (the one request pipeline)', () => {
  const server = new OllamaTestServer();
  let settings: RequestSettings;
  const services = (): RequestServices => ({ client: () => new OllamaClient({ host: settings.host }), settings: () => settings, resolver: new ModelResolver(), log: silentLogger });
  const spec = (over: Partial<RequestSpec> = {}): RequestSpec => ({ kind: 'chat', system: 'Be brief.', history: [], question: 'What is 2+2?', ...over });
  const options = (i = 0): { num_ctx: number; num_predict: number } => server.answerRequests()[i].body?.options as { num_ctx: number; num_predict: number };

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    settings = { provider: 'ollama' as const, host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' };
  });

  it('streams the answer to the caller and returns it whole, with the server stats and no notes', async () => {
    server.enqueue({ answer: 'It is four.' });
    const seen: string[] = [];
    const outcome = await runRequest(services(), spec(), new AbortController().signal, (t) => seen.push(t));
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.text, 'It is four.');
    assert.equal(seen.join(''), 'It is four.');
    assert.ok(seen.length > 1, 'text arrives in pieces as it streams');
    assert.equal(outcome.stats?.evalCount, 3);
    assert.deepEqual(outcome.notes, []);
    assert.equal(String(server.answerRequests()[0].body?.prompt), '<|im_start|>system<|im_sep|>\nBe brief.<|im_end|>\n<|im_start|>user<|im_sep|>\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant<|im_sep|>\n');
    assert.deepEqual([options().num_ctx, options().num_predict], [16384, 1024]);
  });

  it('gives a request that needs a long answer (Fix) room for it, and reserves it in the budget', async () => {
    const outcome = await runRequest(services(), spec({ kind: 'fix', minAnswerTokens: 3000 }), new AbortController().signal);
    assert.equal(options().num_predict, 3000);
    assert.equal(outcome.fitted?.available, 16384 - 3000 - 32);
    await runRequest(services(), spec({ kind: 'fix', minAnswerTokens: 100 }), new AbortController().signal);
    assert.equal(options(1).num_predict, 1024, 'never less than phi4.maxAnswerTokens');
  });

  it('notes a prompt the server cut and an answer that hit the length limit, for every request kind', async () => {
    // A server whose own context is smaller than ours: it reads only the end of the prompt.
    const client = new OllamaClient({ host: server.url });
    const origin = client.streamAnswer.bind(client);
    client.streamAnswer = (req, signal, onText) => origin({ ...req, numCtx: 64 }, signal, onText);
    server.enqueue({ answer: 'fixed code', doneReason: 'length' });
    const outcome = await runRequest({ ...services(), client: () => client }, spec({ kind: 'fix', question: 'long '.repeat(200) }), new AbortController().signal);
    assert.ok(outcome.notes.some((n) => /Ollama read only 64 of the \d+ prompt tokens/.test(n)), JSON.stringify(outcome.notes));
    assert.ok(outcome.notes.some((n) => /hit the phi4.maxAnswerTokens limit/.test(n)), JSON.stringify(outcome.notes));
  });

  it('stops an answer that runs far past what was asked for, keeps it, says why, and closes the request', async () => {
    settings = { ...settings, maxAnswerTokens: 64 };
    const cap = 64 * MAX_CHARS_PER_TOKEN;
    server.enqueue({ answer: 'again '.repeat(cap), chunkDelayMs: 1 });
    const outcome = await runRequest(services(), spec(), new AbortController().signal);
    assert.equal(outcome.error, undefined);
    assert.ok(outcome.text.length > cap && outcome.text.length < cap + 100, `${outcome.text.length} characters kept`);
    assert.ok(outcome.notes.some((n) => /stopped after [\d,]+ characters, far more than the 64 tokens asked for/.test(n)), JSON.stringify(outcome.notes));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.answerRequests()[0].closedByClient, true);
  });

  it('Stop: the partial text comes back with a cancelled error, and the request is closed', async () => {
    server.enqueue({ answer: 'slow '.repeat(300), chunkDelayMs: 3 });
    const stop = new AbortController();
    const outcome = await runRequest(services(), spec(), stop.signal, () => stop.abort());
    assert.equal(outcome.error?.kind, 'cancelled');
    assert.ok(outcome.text.startsWith('slow') && outcome.text.length < 'slow '.repeat(300).length);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.answerRequests()[0].closedByClient, true);
  });

  it('a prompt too large for the window fails with how much too large, and sends nothing', async () => {
    settings = { ...settings, contextWindow: 2048 };
    const outcome = await runRequest(services(), spec({ question: 'const x = 1; // filler\n'.repeat(400) }), new AbortController().signal);
    assert.equal(outcome.error?.kind, 'badRequest');
    assert.match(outcome.error?.message ?? '', /\d+ too many/);
    assert.deepEqual(outcome.error?.actions, ['openSettings']);
    assert.equal(server.answerRequests().length, 0);
  });

  it('an error mid-stream keeps the text written so far with the server message', async () => {
    server.enqueue({ answer: 'one two three four', fault: { kind: 'errorMidStream', afterChunks: 2 } });
    const outcome = await runRequest(services(), spec({ kind: 'explain' }), new AbortController().signal);
    assert.equal(outcome.text, 'one two');
    assert.equal(outcome.error?.kind, 'streamError');
    assert.match(outcome.error?.message ?? '', /error was encountered while running the model/);
  });

  it('the seed model vanilj/Phi-4, whose template is bare, gets raw Phi-4 ChatML; phi4-mini gets its own template through /api/chat', async () => {
    server.models = [VANILJ_PHI4_MODEL, PHI4_MINI_MODEL];
    settings = { ...settings, model: 'vanilj/Phi-4' };
    await runRequest(services(), spec(), new AbortController().signal);
    const sent = server.answerRequests()[0];
    assert.equal(sent.path, '/api/generate');
    assert.equal(sent.body?.raw, true);
    assert.match(String(sent.body?.prompt), /^<\|im_start\|>system<\|im_sep\|>\nBe brief\.<\|im_end\|>\n<\|im_start\|>user<\|im_sep\|>/);
    settings = { ...settings, model: 'phi4-mini' };
    await runRequest(services(), spec(), new AbortController().signal);
    assert.equal(server.answerRequests()[1].path, '/api/chat');
  });

  it("an older vanilj/Phi-4 upload, whose one-prompt template uses ChatML's newline, still gets raw Phi-4 ChatML", async () => {
    server.models = [OLDER_VANILJ_PHI4_MODEL];
    settings = { ...settings, model: 'vanilj/Phi-4:q8' };
    await runRequest(services(), spec(), new AbortController().signal);
    const sent = server.answerRequests()[0];
    assert.deepEqual([sent.path, sent.body?.raw], ['/api/generate', true]);
    assert.match(String(sent.body?.prompt), /^<\|im_start\|>system<\|im_sep\|>\nBe brief\./);
  });

  it('every request of a session carries the same load options, whatever its kind, so Ollama never reloads the model between them', async () => {
    const svc = services();
    for (const kind of ['chat', 'explain', 'fix', 'edit', 'chat'] as const) await runRequest(svc, spec({ kind, minAnswerTokens: kind === 'fix' ? 3000 : undefined }), new AbortController().signal);
    const load = server.answerRequests().map((r) => JSON.stringify([(r.body?.options as { num_ctx: number }).num_ctx, r.body?.keep_alive, r.body?.model]));
    assert.equal(load.length, 5);
    assert.deepEqual(new Set(load), new Set([JSON.stringify([16384, '30m', 'phi4'])]));
  });

  it('asks right before sending whether the host may be contacted: a refusal sends nothing and says why', async () => {
    const asked: string[] = [];
    const gated = { ...services(), mayContact: async (s: RequestSettings) => (asked.push(s.host), new OllamaError('invalidHost', 'not a usable address', ['openSettings'])) };
    const outcome = await runRequest(gated, spec(), new AbortController().signal);
    assert.deepEqual(asked, [server.url]);
    assert.equal(outcome.error?.kind, 'invalidHost');
    assert.deepEqual(server.requests.map((r) => r.path), [], 'not even /api/show');
  });

  it('says when an answer ran into its length limit, so code in it is not taken as complete', async () => {
    server.enqueue({ answer: '```js\nconst a = 1;', doneReason: 'length' });
    assert.equal((await runRequest(services(), spec({ kind: 'fix' }), new AbortController().signal)).cutOff, true);
    server.enqueue({ answer: 'done' });
    assert.equal((await runRequest(services(), spec(), new AbortController().signal)).cutOff, false);
  });
});
