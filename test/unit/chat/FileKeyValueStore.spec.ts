// Conversations survive restarts as files in the extension's storage folder, and a bad file never breaks the chat.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConversationStore } from '../../../src/chat/ConversationStore';
import { FileKeyValueStore } from '../../../src/chat/FileKeyValueStore';
import { moveConversations } from '../../../src/chat/moveConversations';

describe('FileKeyValueStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-store-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps conversations across a restart, each in its own file', async () => {
    const store = new ConversationStore(new FileKeyValueStore(dir));
    await store.save({ id: 'a', title: 'First', updatedAt: 1, turns: [{ id: 'q', role: 'user', text: 'héllo 👋\r\n\ttabs' }] });
    await store.save({ id: 'b', title: 'Second', updatedAt: 2, turns: [{ id: 'q2', role: 'user', text: 'again' }] });
    const restarted = new ConversationStore(new FileKeyValueStore(dir));
    assert.deepEqual(restarted.list().map((c) => c.title), ['Second', 'First']);
    assert.equal(restarted.load('a')?.turns[0].text, 'héllo 👋\r\n\ttabs');
    assert.equal(fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length, 3, 'the index and one file per conversation');
  });

  it('sees a save at once and forgets a deleted conversation, file and all', async () => {
    const kv = new FileKeyValueStore(dir);
    await kv.update('phi4.conversation.x', { n: 1 });
    assert.deepEqual(kv.get('phi4.conversation.x'), { n: 1 });
    await kv.update('phi4.conversation.x', { n: 2 });
    assert.deepEqual(kv.get('phi4.conversation.x'), { n: 2 });
    await kv.update('phi4.conversation.x', undefined);
    assert.equal(kv.get('phi4.conversation.x'), undefined);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('treats a damaged file as missing instead of failing', async () => {
    const kv = new FileKeyValueStore(dir);
    await kv.update('phi4.conversations', [{ id: 'a' }]);
    const [file] = fs.readdirSync(dir);
    fs.writeFileSync(path.join(dir, file), '{"truncated": [');
    assert.equal(kv.get('phi4.conversations'), undefined);
    assert.deepEqual(new ConversationStore(kv).list(), []);
  });

  it('never writes outside its folder, whatever the key', async () => {
    const kv = new FileKeyValueStore(path.join(dir, 'inner'));
    await kv.update('../../escape', 1);
    assert.deepEqual(fs.readdirSync(dir), ['inner']);
    assert.equal(kv.get('../../escape'), 1);
  });
});

describe('moveConversations', () => {
  it('moves conversations kept in globalState by an earlier version into files, once, leaving other state alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi4-move-'));
    try {
      const state = new Map<string, unknown>([
        ['phi4.conversations', [{ id: 'a', title: 'Old chat', updatedAt: 1 }]],
        ['phi4.conversation.a', { id: 'a', title: 'Old chat', updatedAt: 1, turns: [{ id: 'q', role: 'user', text: 'kept?' }] }],
        ['phi4.remoteHostAccepted:http://gpu-box:11434', true],
      ]);
      const memento = {
        keys: () => [...state.keys()],
        get: <T>(key: string) => state.get(key) as T | undefined,
        update: async (key: string, value: unknown) => void (value === undefined ? state.delete(key) : state.set(key, value)),
      };
      const files = new FileKeyValueStore(dir);
      const moving = moveConversations(memento, files);
      // Already there before the move finishes: the chat reads its history right after starting it.
      assert.equal(new ConversationStore(files).load('a')?.turns[0].text, 'kept?');
      assert.deepEqual(new ConversationStore(files).list().map((c) => c.title), ['Old chat']);
      assert.equal(await moving, 2);
      assert.deepEqual([...state.keys()], ['phi4.remoteHostAccepted:http://gpu-box:11434']);
      assert.equal(await moveConversations(memento, files), 0, 'nothing left to move the second time');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
