// The test server can answer at a real machine's pace, so screenshots and demos show the figures of a real run
// (tokens per second, time to first token) instead of a loopback server's instant answers.
import * as assert from 'node:assert/strict';
import { answerStatsFrom } from '../../../src/ollama/AnswerStats';
import { OllamaTestServer, PHI4_LAPTOP_PACE } from '../../support/ollamaTestServer';
import { phi4Tokenize } from '../../support/phi4Tokenize';

const server = new OllamaTestServer();
const prompt = '<|im_start|>user<|im_sep|>\nWhat does clamp do?<|im_end|>\n<|im_start|>assistant<|im_sep|>\n';
const answer = 'It keeps a value between a lower and an upper bound.';

/** Streams one answer; returns the final chunk and when the first answer text arrived. */
async function generate(): Promise<{ final: Record<string, number>; started: number; firstTokenAt: number }> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'phi4', prompt, raw: true, keep_alive: '30m', options: { num_ctx: 16384 } }) });
  let firstTokenAt = 0;
  let text = '';
  for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (firstTokenAt === 0) firstTokenAt = performance.now();
    text += Buffer.from(piece).toString('utf8');
  }
  const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
  return { final: lines.at(-1)!, started, firstTokenAt };
}

describe('test server: answers at a laptop pace', () => {
  before(() => server.start());
  after(() => server.stop());

  it('reports real Phi-4 token counts and the durations it took, in nanoseconds, as Ollama does', async function () {
    this.timeout(30_000);
    server.reset();
    server.enqueue({ answer, pace: PHI4_LAPTOP_PACE });
    const { final, started, firstTokenAt } = await generate();
    const answerTokens = phi4Tokenize(answer).length;
    assert.equal(final.eval_count, answerTokens, 'tokens, not word-sized chunks');
    const evaluated = server.answerRequests()[0].evaluation!.evaluatedTokens;
    assert.equal(final.prompt_eval_duration, Math.round((evaluated / PHI4_LAPTOP_PACE.promptTokensPerSecond) * 1e9));
    // Sleeping lasts at least as long as asked: the rate the client shows is never faster than the pace.
    const stats = answerStatsFrom(final, 'phi4', started, firstTokenAt, performance.now());
    assert.ok(stats.tokensPerSecond! <= PHI4_LAPTOP_PACE.answerTokensPerSecond * 1.05, `${stats.tokensPerSecond} tok/s`);
    assert.ok(stats.timeToFirstTokenMs! >= (final.load_duration + final.prompt_eval_duration) / 1e6 - 5, 'the first token comes after the load and the prompt');
  });

  it('unpaced answers keep counting chunks and report near-instant durations', async () => {
    server.reset();
    server.enqueue({ answer });
    const { final } = await generate();
    assert.equal(final.eval_count, answer.split(' ').length);
  });
});
