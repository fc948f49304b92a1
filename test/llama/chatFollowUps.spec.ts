// The product property of follow-up turns, judged by the real engine: a chat driven through the real
// ChatSession and OpenAI-compatible client against llama-server, where each follow-up makes the engine
// evaluate only what the turn added (timings.prompt_n), not the whole conversation it re-sends.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChatSession } from '../../src/chat/ChatSession';
import { silentLogger } from '../../src/log/Logger';
import { OpenAiClient } from '../../src/openai/OpenAiClient';
import { LastPrompts } from '../../src/request/LastPrompts';
import { ModelResolver } from '../../src/request/ModelResolver';
import type { RequestSettings } from '../../src/request/RequestSettings';
import { ConversationStore } from '../../src/storage/ConversationStore';
import { exchangeAt, recordingFetch, type EngineExchange } from './recordingFetch';
import { startLlamaServer, type RunningLlamaServer } from './startLlamaServer';

const REPO = path.join(__dirname, '..', '..', '..');

describe('llama-server: follow-up chat turns cost only their new tokens (real engine)', function () {
  this.timeout(120_000);
  let server: RunningLlamaServer;
  let dir: string;

  before(async () => {
    // One slot and no host-RAM prompt cache: what the engine reuses is the slot's own prompt and answer.
    server = await startLlamaServer(['--cache-prompt', '--cache-ram', '0']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-llama-followups-'));
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('each follow-up evaluates about what it added, far less than the prompt it sends', async () => {
    const exchanges: EngineExchange[] = [];
    const settings: RequestSettings = { provider: 'openai-compatible', host: server.baseUrl, model: '', contextWindow: 0, maxAnswerTokens: 256, temperature: 0, keepAlive: '30m', promptFormat: 'auto' };
    const client = new OpenAiClient({ host: server.baseUrl, fetch: recordingFetch(exchanges, 24) });
    const chat = new ChatSession({ client: () => client, settings: () => settings, resolver: new ModelResolver(), lastPrompts: new LastPrompts(), log: silentLogger, store: new ConversationStore({ dir }) });
    // Questions about real code, each with a different part of a source file pasted in.
    const lines = fs.readFileSync(path.join(REPO, 'src', 'request', 'runRequest.ts'), 'utf8').split('\n');
    for (let turn = 0; turn < 4; turn++) {
      const code = lines.slice(turn * 25, turn * 25 + 25).join('\n');
      const outcome = await chat.send({ text: `What does this part do?\n\n\`\`\`ts\n${code}\n\`\`\`` });
      assert.equal(outcome.error, undefined, outcome.error?.message);
      await exchangeAt(exchanges, turn + 1);
    }
    for (let n = 1; n < exchanges.length; n++) {
      const [before, now] = [exchanges[n - 1], exchanges[n]];
      assert.ok(now.prompt.startsWith(before.prompt + before.answer), `prompt ${n + 1} does not start with prompt ${n} and its answer`);
      // What this turn added: the prompt minus the previous prompt and the answer generated for it. The engine
      // also re-evaluates the answer's last token, which it sampled but never fed back, and the rest of the
      // answer from where the model sampled tokens its text does not re-tokenize to (docs/PERFORMANCE.md, B8),
      // which greedy decoding on another CPU could do: neither is ours to save.
      const added = now.promptTokens - before.promptTokens - before.answerTokens;
      assert.ok(now.promptN <= added + before.answerTokens, `turn ${n + 1}: the engine evaluated ${now.promptN} tokens of ${now.promptTokens}, the turn added ${added} (cache_n ${now.cacheN})`);
      assert.ok((now.cacheN ?? 0) >= before.promptTokens, `turn ${n + 1}: the previous prompt (${before.promptTokens} tokens) came from the cache`);
    }
    const last = exchanges.at(-1)!;
    console.log(`      prompt_n per turn: ${exchanges.map((e) => `${e.promptN} of ${e.promptTokens}`).join(', ')}`);
    assert.ok(last.promptN * 3 < last.promptTokens, `the last turn evaluated ${last.promptN} of its ${last.promptTokens} prompt tokens`);
  });
});
