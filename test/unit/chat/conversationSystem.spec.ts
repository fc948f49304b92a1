// Each conversation keeps the system text it started with (custom instructions included): later turns and
// reloads send the very same system message, and changed instructions apply from the next new chat.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChatSession } from '../../../src/chat/ChatSession';
import { silentLogger } from '../../../src/log/Logger';
import { OllamaClient } from '../../../src/ollama/OllamaClient';
import { customInstructions, withInstructions } from '../../../src/prompt/customInstructions';
import { CHAT_SYSTEM_PROMPT } from '../../../src/prompt/systemPrompts';
import { ModelResolver } from '../../../src/request/ModelResolver';
import type { RequestSettings } from '../../../src/request/RequestSettings';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { OllamaTestServer } from '../../support/ollamaTestServer';
import { useTempDir } from '../../support/useTempDir';

describe('a conversation keeps its system text', () => {
  const server = new OllamaTestServer();
  const dir = useTempDir();
  let instructions: string;

  const makeSession = (): ChatSession => {
    const settings: RequestSettings = { provider: 'ollama' as const, host: server.url, model: 'phi4', contextWindow: 0, maxAnswerTokens: 512, temperature: 0.2, keepAlive: '30m', promptFormat: 'auto' };
    return new ChatSession({
      client: () => new OllamaClient({ host: settings.host }),
      settings: () => settings,
      resolver: new ModelResolver(),
      store: new ConversationStore({ dir: dir() }),
      log: silentLogger,
      systemFor: async (base) => withInstructions(base, customInstructions({ user: instructions, repository: '' })),
    });
  };
  const systemOf = (n: number): string => /^<\|im_start\|>system<\|im_sep\|>\n([\s\S]*?)<\|im_end\|>/.exec(String(server.answerRequests()[n].body?.prompt))?.[1] ?? '';

  before(() => server.start());
  after(() => server.stop());
  beforeEach(() => {
    server.reset();
    instructions = 'Always answer in French.';
  });

  it('the instructions of the moment join the rules of a new chat; a change applies from the next new chat, not mid-conversation nor after a reload', async () => {
    const session = makeSession();
    await session.send({ text: 'first' });
    assert.equal(systemOf(0), `${CHAT_SYSTEM_PROMPT}\n\nInstructions from the user:\nAlways answer in French.`);

    instructions = 'Always answer in German.';
    await session.send({ text: 'second' });
    assert.equal(systemOf(1), systemOf(0), 'same conversation, same system message');

    const reloaded = makeSession();
    await reloaded.open();
    await reloaded.send({ text: 'third' });
    assert.equal(systemOf(2), systemOf(0), 'a reload sends what the conversation started with');

    await reloaded.newChat();
    await reloaded.send({ text: 'fresh' });
    assert.ok(systemOf(3).endsWith('Always answer in German.'), 'the next new chat takes the new instructions');
  });

  it('instructions cut to fit say so under the first answer', async () => {
    instructions = Array.from({ length: 1500 }, (_, i) => `rule ${i}: be terse`).join('\n');
    const { turn } = await makeSession().send({ text: 'hi' });
    assert.ok(turn.notes?.some((n) => /only the first 1,500 were used/.test(n)), JSON.stringify(turn.notes));
  });

  it('a conversation saved before system texts were stored continues with the plain chat rules', async () => {
    const folder = path.join(dir(), 'old');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'conversation.json'), JSON.stringify({ v: 2, id: 'old', title: 'Old', updatedAt: 5 }));
    fs.writeFileSync(path.join(folder, 't000000000000005-0000-q.json'), JSON.stringify({ v: 2, turn: { id: 'q', role: 'user', text: 'hello' } }));
    fs.writeFileSync(path.join(folder, 't000000000000005-0001-a.json'), JSON.stringify({ v: 2, turn: { id: 'a', role: 'assistant', text: 'hi', state: 'done' } }));
    const session = makeSession();
    await session.open();
    await session.send({ text: 'again' });
    assert.equal(systemOf(0), CHAT_SYSTEM_PROMPT);
  });
});
