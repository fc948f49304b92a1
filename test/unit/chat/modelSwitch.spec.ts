// Switching the model or prompt format mid-conversation cannot reuse the server's cache: the answer says so,
// and the conversation keeps the system text it started with.
import * as assert from 'node:assert/strict';
import { ChatSession } from '../../../src/chat/ChatSession';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { OllamaTestServer, PHI4_MODEL, VANILJ_PHI4_MODEL } from '../../support/ollamaTestServer';
import { useTempDir } from '../../support/useTempDir';

describe('model or prompt format switched mid-conversation', () => {
  const server = new OllamaTestServer();
  const dir = useTempDir();
  let settings: RequestSettings;
  const session = (): ChatSession =>
    new ChatSession({ client: () => new OllamaClient({ host: settings.host }), settings: () => settings, resolver: new ModelResolver(), store: new ConversationStore({ dir: dir() }), log: silentLogger, systemFor: async (base) => ({ system: `${base}\nAlways answer in French.`, notes: [] }) });
  const systemOf = (i: number): string => String(server.answerRequests()[i].body?.prompt).split('<|im_end|>')[0];

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    server.models = [PHI4_MODEL, VANILJ_PHI4_MODEL];
    settings = { host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 1024, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto', provider: 'ollama' };
  });

  it('says so when the model changed, and keeps the conversation system text', async () => {
    const chat = session();
    const first = await chat.send({ text: 'hello' });
    const same = await chat.send({ text: 'again' });
    assert.equal(first.turn.notes, undefined);
    assert.equal(same.turn.notes, undefined, 'no note while nothing changed');
    settings = { ...settings, model: 'vanilj/Phi-4' };
    const switched = await chat.send({ text: 'and now?' });
    assert.ok(switched.turn.notes?.some((n) => /the model changed from phi4:latest to vanilj\/Phi-4: the whole conversation is read again/.test(n)), JSON.stringify(switched.turn.notes));
    assert.equal(systemOf(2), systemOf(0));
    assert.match(systemOf(2), /Always answer in French\./);
  });

  it('says so when the prompt format changed', async () => {
    const chat = session();
    await chat.send({ text: 'hello' });
    settings = { ...settings, promptFormat: 'chatml' };
    const switched = await chat.send({ text: 'and now?' });
    assert.ok(switched.turn.notes?.some((n) => /the prompt format changed from phi4 to chatml/.test(n)), JSON.stringify(switched.turn.notes));
  });
});
