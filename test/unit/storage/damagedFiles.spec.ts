// A damaged or unexpected file hides only itself: it is set aside (never deleted), the user hears about it
// once, every other conversation stays visible, and Clear all still removes everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { answer, ask, conversation, filesIn, writeV1 } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

describe('damaged conversation files', () => {
  const dir = useTempDir('phi4-damaged-');
  let problems: string[];
  const open = (): ConversationStore => new ConversationStore({ dir: dir(), events: { problem: (m) => problems.push(m) } });
  beforeEach(() => {
    problems = [];
  });

  const v1 = (id: string, updatedAt: number): unknown => ({ id, title: `Chat ${id}`, updatedAt, turns: [ask(`${id}q`, `question ${id}`), answer(`${id}a`, `answer ${id}`)] });

  async function assertClearAllRemovesEverything(store: ConversationStore): Promise<void> {
    await store.clear();
    assert.deepEqual(filesIn(dir()), []);
    assert.deepEqual(await open().list(), []);
  }

  it('a truncated index (previous release) hides no conversation', async () => {
    writeV1(dir(), 'phi4.conversations', '[{"id":"a","title":"Chat a","upd');
    writeV1(dir(), 'phi4.conversation.a', v1('a', 1));
    writeV1(dir(), 'phi4.conversation.b', v1('b', 2));
    const store = open();
    assert.deepEqual((await store.list()).map((c) => c.title), ['Chat b', 'Chat a']);
    assert.deepEqual((await store.load('a'))?.turns.map((t) => t.text), ['question a', 'answer a']);
    await assertClearAllRemovesEverything(store);
  });

  it('an index of {} neither throws nor hides anything', async () => {
    writeV1(dir(), 'phi4.conversations', {});
    writeV1(dir(), 'phi4.conversation.a', v1('a', 1));
    fs.writeFileSync(path.join(dir(), 'README'), 'a stray file without a dot is not a conversation folder');
    const store = open();
    assert.deepEqual((await store.list()).map((c) => c.id), ['a']);
    assert.deepEqual(problems, []);
  });

  it('a conversation without turns is set aside with one notice; the others load', async () => {
    writeV1(dir(), 'phi4.conversation.broken', { id: 'broken', title: 'Broken', updatedAt: 9 });
    writeV1(dir(), 'phi4.conversation.a', v1('a', 1));
    const store = open();
    assert.deepEqual((await store.list()).map((c) => c.id), ['a']);
    assert.equal(await store.load('broken'), undefined);
    const aside = filesIn(dir()).filter((f) => f.includes('.corrupt-'));
    assert.equal(aside.length, 1);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir(), aside[0]), 'utf8')), { id: 'broken', title: 'Broken', updatedAt: 9 }, 'kept as it was');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /renamed to \*\.corrupt-/);
    await assertClearAllRemovesEverything(store);
  });

  it('garbage in one turn file loses only that turn; garbage in conversation.json is rebuilt from the turns', async () => {
    const store = open();
    await store.save(conversation('a', [ask('q1', 'Why is the sky blue?'), answer('r1', 'Rayleigh scattering.'), ask('q2', 'And sunsets?')], 1, 'Sky'));
    await store.save(conversation('b', [ask('q', 'other chat')], 2));
    const folder = path.join(dir(), 'a');
    const turnFiles = fs.readdirSync(folder).filter((f) => f.startsWith('t')).sort();
    fs.writeFileSync(path.join(folder, turnFiles[1]), '\u0000\u0000garbage');
    fs.writeFileSync(path.join(folder, 'conversation.json'), '{"v":2,"id":"a","tit');
    const restarted = open();
    assert.deepEqual((await restarted.list()).map((c) => `${c.id}: ${c.title}`).sort(), ['a: Why is the sky blue?', 'b: Title b']);
    assert.deepEqual((await restarted.load('a'))?.turns.map((t) => t.text), ['Why is the sky blue?', 'And sunsets?']);
    assert.equal(filesIn(folder).filter((f) => f.includes('.corrupt-')).length, 2);
    assert.equal(problems.length, 1, 'one notice for both files');
    await assertClearAllRemovesEverything(restarted);
  });

  it('shapes that parse but are wrong (an index-like {} as a conversation, a turn without text) are set aside too', async () => {
    const store = open();
    await store.save(conversation('a', [ask('q1', 'kept'), answer('r1', 'also kept')]));
    const folder = path.join(dir(), 'a');
    fs.writeFileSync(path.join(folder, 'conversation.json'), '{}');
    const [first] = fs.readdirSync(folder).filter((f) => f.startsWith('t')).sort();
    fs.writeFileSync(path.join(folder, first), JSON.stringify({ v: 2, turn: { id: 'q1', role: 'user' } }));
    assert.deepEqual((await open().load('a'))?.turns.map((t) => t.text), ['also kept']);
  });

  it('a damaged optional field drops the field, not the turn', async () => {
    writeV1(dir(), 'phi4.conversation.a', { id: 'a', title: 'A', updatedAt: 1, turns: [{ id: 'r', role: 'assistant', text: 'kept', state: 'exploded', stats: 'fast', notes: [1], error: { message: 'Ollama stopped', actions: ['retry', 'rm -rf'] } }] });
    const [turn] = (await open().load('a'))?.turns ?? [];
    assert.deepEqual(turn, { id: 'r', role: 'assistant', text: 'kept', error: { message: 'Ollama stopped', actions: ['retry'] } });
  });

  it('a conversation written by a newer version is left untouched and reported once', async () => {
    const store = open();
    await store.save(conversation('mine', [ask('q', 'mine')]));
    const future = path.join(dir(), 'future');
    fs.mkdirSync(future);
    const meta = JSON.stringify({ v: 99, id: 'future', title: 'From the future', updatedAt: 5, shape: 'unknown' });
    fs.writeFileSync(path.join(future, 'conversation.json'), meta);
    fs.writeFileSync(path.join(future, 't000000000000005-0000-q.json'), JSON.stringify({ v: 99, turn: 'whatever' }));
    const restarted = open();
    assert.deepEqual((await restarted.list()).map((c) => c.id), ['mine']);
    assert.equal(await restarted.load('future'), undefined);
    await restarted.save(conversation('another', [ask('q', 'still saving')], 2));
    assert.equal(fs.readFileSync(path.join(future, 'conversation.json'), 'utf8'), meta);
    assert.deepEqual(filesIn(future), ['conversation.json', 't000000000000005-0000-q.json']);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /newer version/);
    await assertClearAllRemovesEverything(restarted);
  });
});
