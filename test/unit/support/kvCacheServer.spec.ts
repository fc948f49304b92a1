// The test server keeps a prompt cache the way Ollama does, so measurements of prefix reuse (B8) and the
// truncation check are made against a faithful model of it.
import * as assert from 'node:assert/strict';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { phi4Tokenize } from '../../support/phi4Tokenize';

const server = new OllamaTestServer();

async function generate(prompt: string, options: Record<string, unknown> = { num_ctx: 16384 }, keepAlive: unknown = '30m'): Promise<Record<string, number>> {
  const res = await fetch(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'phi4', prompt, raw: true, stream: false, keep_alive: keepAlive, options }) });
  assert.equal(res.status, 200);
  return (await res.json()) as Record<string, number>;
}

const first = '<|im_start|>system<|im_sep|>\nBe brief.<|im_end|>\n<|im_start|>user<|im_sep|>\nWhat does this loop do? for (const x of xs) total += x;<|im_end|>\n<|im_start|>assistant<|im_sep|>\n';
const answer = 'It adds up every element of xs into total.';
const second = `${first}${answer}<|im_end|>\n<|im_start|>user<|im_sep|>\nAnd if xs is empty?<|im_end|>\n<|im_start|>assistant<|im_sep|>\n`;

describe('test server: prompt cache', () => {
  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    server.defaultBehaviour = { answer };
  });

  it('a follow-up that starts with the last prompt and its answer evaluates only the new part, and reports the whole prompt and the cached part', async () => {
    const one = await generate(first);
    assert.equal(one.prompt_eval_count, phi4Tokenize(first).length);
    assert.equal(one.prompt_eval_cached_count, 0);
    const two = await generate(second);
    const whole = phi4Tokenize(second).length;
    const reused = phi4Tokenize(first + answer).length;
    assert.equal(two.prompt_eval_count, whole);
    assert.ok(Math.abs(two.prompt_eval_cached_count - reused) <= 1, `${two.prompt_eval_cached_count} cached, expected about ${reused}`);
    assert.equal(server.answerRequests()[1].evaluation?.evaluatedTokens, whole - two.prompt_eval_cached_count);
    assert.ok(two.prompt_eval_duration < one.prompt_eval_duration, 'evaluation time follows the uncached part');
  });

  it('a changed start costs the whole prompt again', async () => {
    await generate(first);
    const two = await generate(second.replace('Be brief.', 'Be kind.'));
    assert.ok(two.prompt_eval_cached_count <= 5, `${two.prompt_eval_cached_count} cached`);
  });

  it('the same prompt again still evaluates one token', async () => {
    await generate(first);
    server.defaultBehaviour = { answer: '' };
    await generate(first);
    assert.equal(server.answerRequests()[1].evaluation?.evaluatedTokens, 1);
  });

  it('a different num_ctx or an expired keep_alive reloads the model and empties its cache', async () => {
    await generate(first);
    await generate(second, { num_ctx: 8192 });
    assert.equal(server.answerRequests()[1].evaluation?.loaded, true);
    assert.equal(server.answerRequests()[1].evaluation?.cachedTokens, 0);
    await generate(first, { num_ctx: 8192 }, 0);
    await generate(second, { num_ctx: 8192 });
    assert.equal(server.answerRequests()[3].evaluation?.cachedTokens, 0, 'keep_alive 0 unloaded it');
    const noCtx = await generate(second, {});
    assert.ok(noCtx.prompt_eval_cached_count > 0, 'a request without num_ctx keeps the loaded model');
  });

  it('/api/ps lists a model only once a request has loaded it, with its num_ctx', async () => {
    const ps = async (): Promise<{ name: string; context_length: number }[]> => ((await (await fetch(`${server.url}/api/ps`)).json()) as { models: { name: string; context_length: number }[] }).models;
    assert.deepEqual(await ps(), []);
    await generate('', { num_ctx: 12000 });
    assert.deepEqual((await ps()).map((m) => [m.name, m.context_length]), [['phi4:latest', 12000]]);
  });

  it("reports only new tokens like Ollama 0.30.0 (#16414), or the whole prompt without a cached count", async () => {
    server.countReporting = 'newOnly';
    await generate(first);
    const two = await generate(second);
    assert.equal(two.prompt_eval_count, server.answerRequests()[1].evaluation?.evaluatedTokens);
    assert.equal(two.prompt_eval_cached_count, undefined);
    server.countReporting = 'total';
    const three = await generate(second);
    assert.equal(three.prompt_eval_count, phi4Tokenize(second).length);
    assert.equal(three.prompt_eval_cached_count, undefined);
  });

  it('a stopped answer leaves in the cache what was generated before the stop', async () => {
    server.defaultBehaviour = { answer: 'one two three four five six', chunkDelayMs: 20 };
    const stop = new AbortController();
    const res = await fetch(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'phi4', prompt: first, raw: true, options: { num_ctx: 16384 } }), signal: stop.signal });
    const reader = res.body!.getReader();
    await reader.read();
    stop.abort();
    await new Promise((r) => setTimeout(r, 50));
    server.defaultBehaviour = { answer };
    const two = await generate(`${first}one two three four five six`);
    const cached = two.prompt_eval_cached_count;
    assert.ok(cached >= phi4Tokenize(first).length && cached < phi4Tokenize(`${first}one two three four five six`).length - 1, `${cached} cached`);
  });
});
