// Conversations survive restarts, saving costs what changed, and the limits never delete more than the user agreed to.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConversationStore, type OverLimit, type StoreOptions } from '../../../src/storage/ConversationStore';
import { nodeFileSystem, type FileSystem } from '../../../src/storage/FileSystem';
import { answer, ask, conversation, filesIn } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

describe('ConversationStore', () => {
  const dir = useTempDir('phi4-store-');
  const open = (options: Partial<StoreOptions> = {}): ConversationStore => new ConversationStore({ dir: dir(), ...options });

  it('keeps conversations across a restart, newest first, text byte for byte', async () => {
    const store = open();
    await store.save(conversation('a', [ask('q', 'héllo 👋\r\n\ttabs'), answer('r', 'hi')], 1));
    await store.save(conversation('b', [ask('q2', 'again')], 2));
    const restarted = open();
    assert.deepEqual((await restarted.list()).map((c) => c.title), ['Title b', 'Title a']);
    const a = await restarted.load('a');
    assert.deepEqual(a?.turns.map((t) => t.text), ['héllo 👋\r\n\ttabs', 'hi']);
    assert.equal(await restarted.load('missing'), undefined);
  });

  it('an answer saved mid-stream is restored with its text so far, marked stopped', async () => {
    const store = open();
    const conv = conversation('a', [ask('q', 'tell me'), answer('r', 'Once', 'streaming')]);
    await store.save(conv);
    conv.turns[1] = { ...conv.turns[1], text: 'Once upon a time' };
    await store.save(conv);
    const [, restored] = (await open().load('a'))?.turns ?? [];
    assert.equal(restored.text, 'Once upon a time');
    assert.equal(restored.state, 'stopped');
  });

  it('a save while an answer streams writes only the turn that changed, not the whole conversation', async () => {
    const written: string[] = [];
    const counting: FileSystem = { ...nodeFileSystem, writeAtomic: (file, text) => (written.push(path.basename(file)), nodeFileSystem.writeAtomic(file, text)) };
    const store = open({ fs: counting });
    const turns = Array.from({ length: 40 }, (_, i) => (i % 2 ? answer(`r${i}`, 'an answer '.repeat(50)) : ask(`q${i}`, `question ${i}`)));
    const conv = conversation('long', [...turns, ask('q-last', 'and this?'), answer('r-last', '', 'streaming')]);
    await store.save(conv);
    written.length = 0;
    for (const text of ['It', 'It depends', 'It depends on the input.']) {
      conv.turns[conv.turns.length - 1] = { ...conv.turns[conv.turns.length - 1], text };
      await store.save(conv);
    }
    assert.equal(written.length, 3, `one write per save, got ${written.join(', ')}`);
    assert.ok(written.every((f) => f.includes('r-last')));
    assert.equal((await open().load('long'))?.turns.at(-1)?.text, 'It depends on the input.');
  });

  it('removeTurns deletes the replaced turns from disk, also those of a conversation loaded after a restart', async () => {
    const store = open();
    const conv = conversation('a', [ask('q1', 'one'), answer('r1', 'first'), ask('q2', 'two'), answer('r2', 'second')]);
    await store.save(conv);
    conv.turns.splice(2);
    await store.removeTurns('a', ['q2', 'r2']);
    assert.deepEqual((await open().load('a'))?.turns.map((t) => t.text), ['one', 'first']);
    const restarted = open();
    const loaded = (await restarted.load('a'))!;
    loaded.turns.splice(1);
    await restarted.removeTurns('a', ['r1']);
    loaded.turns.push(answer('r1b', 'again'));
    await restarted.save(loaded);
    assert.deepEqual((await open().load('a'))?.turns.map((t) => t.text), ['one', 'again']);
  });

  it('keeps the latest maxTurns turns of a conversation, in memory and on disk', async () => {
    const store = open({ limits: () => ({ maxConversations: 50, maxTurns: 3 }) });
    const conv = conversation('a', [ask('1', 'one'), answer('2', 'two'), ask('3', 'three')]);
    await store.save(conv);
    conv.turns.push(answer('4', 'four'), ask('5', 'five'));
    await store.save(conv);
    assert.deepEqual(conv.turns.map((t) => t.text), ['three', 'four', 'five']);
    assert.deepEqual((await open().load('a'))?.turns.map((t) => t.text), ['three', 'four', 'five']);
    assert.equal(filesIn(dir()).filter((f) => /[/\\]t\d+/.test(f)).length, 3);
  });

  it('a new conversation that goes one over phi4.maxConversations replaces the oldest', async () => {
    const asked: OverLimit[] = [];
    const store = open({ limits: () => ({ maxConversations: 2, maxTurns: 200 }), events: { overLimit: (o) => asked.push(o) } });
    for (let i = 0; i < 4; i++) await store.save(conversation(`c${i}`, [ask('q', `question ${i}`)], 1000 + i));
    assert.deepEqual((await store.list()).map((c) => c.id), ['c3', 'c2']);
    assert.equal(await store.load('c0'), undefined);
    assert.equal(asked.length, 0);
  });

  it('lowering phi4.maxConversations deletes nothing until the user agrees; then only the oldest go', async () => {
    let maxConversations = 5;
    const asked: OverLimit[] = [];
    const store = open({ limits: () => ({ maxConversations, maxTurns: 200 }), events: { overLimit: (o) => asked.push(o) } });
    for (let i = 0; i < 5; i++) await store.save(conversation(`c${i}`, [ask('q', `question ${i}`)], 1000 + i));
    maxConversations = 2;
    assert.equal((await store.list()).length, 5, 'nothing deleted by lowering the limit');
    await store.save(conversation('c5', [ask('q', 'a new one')], 2000));
    assert.equal((await store.list()).length, 6, 'nor by starting a new conversation while over it');
    assert.equal(asked.length, 1, 'asked once, not at every list');
    assert.deepEqual([asked[0].count, asked[0].limit], [5, 2]);
    assert.equal(await asked[0].trim(), 4);
    assert.deepEqual((await open().list()).map((c) => c.id), ['c5', 'c4']);
  });

  it('a deleted conversation stays deleted even if an answer stopped by the deletion saves late', async () => {
    const store = open();
    const conv = conversation('a', [ask('q', 'hi'), answer('r', 'partial', 'streaming')]);
    await store.save(conv);
    await store.save(conversation('b', [ask('q', 'other')]));
    await store.delete('a');
    conv.turns[1] = { ...conv.turns[1], state: 'stopped' };
    await store.save(conv);
    assert.deepEqual((await open().list()).map((c) => c.id), ['b']);
    assert.ok(!fs.existsSync(path.join(dir(), 'a')));
  });

  it('Clear all removes the whole folder, whatever is in it', async () => {
    const store = open();
    await store.save(conversation('a', [ask('q', 'hi')]));
    fs.writeFileSync(path.join(dir(), 'something.json.corrupt-2024'), 'set aside earlier');
    fs.writeFileSync(path.join(dir(), 'a', 'unknown.tmp'), 'left by a crash');
    await store.clear();
    assert.ok(!fs.existsSync(dir()));
    assert.deepEqual(await store.list(), []);
    await store.save(conversation('c', [ask('q', 'after clearing')]));
    assert.deepEqual((await open().list()).map((c) => c.id), ['c']);
  });
});
