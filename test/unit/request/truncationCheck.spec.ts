// The warning that Ollama cut the prompt must come when it did, and never because part of the prompt came
// from its cache, whichever way the server reports its counts (current, 0.30.1+, or 0.30.0's new-only).
import * as assert from 'node:assert/strict';
import { silentLogger } from '../../../src/log/Logger';
import { promptWasTruncated } from '../../../src/ollama/AnswerStats';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { LastPrompts } from '../../../src/request/LastPrompts';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import type { RequestServices } from '../../../src/request/RequestSpec';
import { runRequest } from '../../../src/request/runRequest';
import type { CountReporting } from '../../support/KvCache';
import { OllamaTestServer } from '../../support/ollamaTestServer';

describe('truncation check', () => {
  it('reads the counts of each reporting mode', () => {
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 1000, promptEvalCachedCount: 900 }), false, 'whole prompt, most of it cached');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 100, promptEvalCachedCount: 900 }), false, 'a count of the new part plus the cached part');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 500, promptEvalCachedCount: 4 }), true, 'a cut, cached count present');
    assert.equal(promptWasTruncated(3000, { promptEvalCount: 2048, promptEvalCachedCount: 2047 }), true, 'the same cut prompt again: the count is already the whole');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 100 }, 900), false, 'new tokens only, matching the shared prefix');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 100 }, 0), true, 'nothing shared: a cut');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 400 }, 900), true, 'neither the whole nor the unshared part');
    assert.equal(promptWasTruncated(1000, { promptEvalCount: 1 }), false, 'a full cache hit on an old server tells nothing');
  });

  describe('against the cache-keeping test server', () => {
    const server = new OllamaTestServer();
    let settings: RequestSettings;
    let services: RequestServices;
    before(() => server.start());
    after(() => server.stop());
    beforeEach(() => {
      server.reset();
      settings = { host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto', provider: 'ollama' };
      services = { client: () => new OllamaClient({ host: settings.host }), settings: () => settings, resolver: new ModelResolver(), log: silentLogger, lastPrompts: new LastPrompts() };
    });

    const conversation = async (): Promise<string[]> => {
      const notes: string[] = [];
      const question = 'Explain this code please. '.repeat(60);
      server.defaultBehaviour = { answer: 'It repeats the same request many times over. '.repeat(20) };
      const first = await runRequest(services, { kind: 'chat', system: 'Be brief.', history: [], question }, new AbortController().signal);
      notes.push(...first.notes);
      const history = [{ role: 'user' as const, content: question }, { role: 'assistant' as const, content: first.text }];
      const second = await runRequest(services, { kind: 'chat', system: 'Be brief.', history, question: 'Why?' }, new AbortController().signal);
      notes.push(...second.notes);
      return notes;
    };

    it('a follow-up after a one-shot Fix, its prefix restored from the RAM cache, raises no alarm (newOnly)', async () => {
      server.countReporting = 'newOnly';
      const question = 'Explain this code please. '.repeat(60);
      server.defaultBehaviour = { answer: 'It repeats the same request many times over. '.repeat(20) };
      const first = await runRequest(services, { kind: 'chat', system: 'Be brief.', history: [], question }, new AbortController().signal);
      await runRequest(services, { kind: 'fix', system: 'Fix the code.', history: [], question: 'Fix: let x = 1' }, new AbortController().signal);
      const history = [{ role: 'user' as const, content: question }, { role: 'assistant' as const, content: first.text }];
      const second = await runRequest(services, { kind: 'chat', system: 'Be brief.', history, question: 'Why?' }, new AbortController().signal);
      assert.ok((server.answerRequests()[2].evaluation?.cachedTokens ?? 0) > 500, 'the chat prefix came back from the RAM cache');
      assert.deepEqual(second.notes, []);
    });

    for (const mode of ['cached', 'total', 'newOnly'] as CountReporting[]) {
      it(`a follow-up served from the cache raises no alarm (${mode})`, async () => {
        server.countReporting = mode;
        assert.deepEqual(await conversation(), []);
        assert.ok((server.answerRequests()[1].evaluation?.cachedTokens ?? 0) > 500, 'the second prompt came mostly from the cache');
      });

      it(`a prompt the server cut is still reported (${mode})`, async () => {
        server.countReporting = mode;
        // A server whose context is smaller than ours: it keeps only the start and the end of the prompt.
        const client = new OllamaClient({ host: server.url });
        const origin = client.streamAnswer.bind(client);
        client.streamAnswer = (req, signal, onText) => origin({ ...req, numCtx: 256 }, signal, onText);
        services = { ...services, client: () => client };
        const notes = await conversation();
        assert.equal(notes.filter((n) => /Ollama read only/.test(n)).length, 2, JSON.stringify(notes));
      });
    }
  });
});
