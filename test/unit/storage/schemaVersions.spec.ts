// Every stored file carries a schema version; files of each older version are read and moved to the current
// layout, and files of a newer version are never changed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { SCHEMA_VERSION } from '../../../src/storage/conversationSchema';
import type { ListableStore } from '../../../src/storage/migrateLegacy';
import { answer, ask, conversation, filesIn, writeV1 } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

function memento(entries: [string, unknown][]): ListableStore & { data: Map<string, unknown> } {
  const data = new Map(entries);
  return {
    data,
    keys: () => [...data.keys()],
    get: <T>(key: string) => data.get(key) as T | undefined,
    update: async (key: string, value: unknown) => void (value === undefined ? data.delete(key) : data.set(key, value)),
  };
}

describe('schema versions', () => {
  const dir = useTempDir('phi4-schema-');

  it('version 1 files (the previous release: a file per conversation and an index) move to the current layout', async () => {
    writeV1(dir(), 'phi4.conversations', [{ id: 'a', title: 'Old chat', updatedAt: 5 }]);
    writeV1(dir(), 'phi4.conversation.a', { id: 'a', title: 'Old chat', updatedAt: 5, turns: [ask('q', 'kept?'), answer('r', 'kept.', 'stopped')] });
    const store = new ConversationStore({ dir: dir() });
    assert.deepEqual(await store.list(), [{ id: 'a', title: 'Old chat', updatedAt: 5 }]);
    assert.deepEqual((await store.load('a'))?.turns, [ask('q', 'kept?'), answer('r', 'kept.', 'stopped')]);
    const files = filesIn(dir());
    assert.ok(!files.some((f) => f.startsWith('phi4%2E')), `version 1 files gone: ${files.join(', ')}`);
    for (const f of files) assert.equal(JSON.parse(fs.readFileSync(path.join(dir(), f), 'utf8')).v, SCHEMA_VERSION, f);
    assert.equal(files.length, 3, 'the conversation and one file per turn');
  });

  it('version 1 conversations in globalState (before that) move into files once; other state is left alone', async () => {
    const state = memento([
      ['phi4.conversations', [{ id: 'a', title: 'Older chat', updatedAt: 1 }]],
      ['phi4.conversation.a', { id: 'a', title: 'Older chat', updatedAt: 1, turns: [ask('q', 'from globalState')] }],
      ['phi4.conversation.bad', { id: 'bad', title: 'no turns' }],
      ['phi4.remoteHostAccepted:http://gpu-box:11434', true],
    ]);
    const store = new ConversationStore({ dir: dir(), legacy: state });
    assert.deepEqual((await store.list()).map((c) => c.title), ['Older chat']);
    assert.equal((await store.load('a'))?.turns[0].text, 'from globalState');
    assert.deepEqual([...state.data.keys()], ['phi4.remoteHostAccepted:http://gpu-box:11434']);
    const aside = filesIn(dir()).filter((f) => f.includes('.corrupt-'));
    assert.equal(aside.length, 1, 'the damaged value is kept as a file, not dropped');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir(), aside[0]), 'utf8')), { id: 'bad', title: 'no turns' });
  });

  it('a version 1 file with some damaged turns moves the good ones and keeps the original aside', async () => {
    writeV1(dir(), 'phi4.conversation.a', { id: 'a', title: 'Mixed', updatedAt: 1, turns: [ask('q', 'good'), { id: 'x', role: 'robot' }] });
    const store = new ConversationStore({ dir: dir() });
    assert.deepEqual((await store.load('a'))?.turns.map((t) => t.text), ['good']);
    assert.equal(filesIn(dir()).filter((f) => f.includes('.corrupt-')).length, 1);
  });

  it('version 2 files (no system text) read back; a system field there was not written by version 2 and is dropped', async () => {
    const folder = path.join(dir(), 'c');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'conversation.json'), JSON.stringify({ v: 2, id: 'c', title: 'Current', updatedAt: 7, system: 'not from version 2' }));
    fs.writeFileSync(path.join(folder, 't000000000000007-0000-q.json'), JSON.stringify({ v: 2, turn: { ...ask('q', 'hello'), raw: '<|im_start|>…', contextItems: [] } }));
    const loaded = await new ConversationStore({ dir: dir() }).load('c');
    assert.deepEqual(loaded, conversation('c', [ask('q', 'hello')], 7, 'Current'));
  });

  it(`version ${SCHEMA_VERSION} keeps the system text a conversation started with, across a reload; a damaged one is dropped, not the conversation`, async () => {
    const store = new ConversationStore({ dir: dir() });
    await store.save({ ...conversation('s', [ask('q', 'hello')], 9, 'With rules'), system: 'RULES + instructions' });
    const meta = JSON.parse(fs.readFileSync(path.join(dir(), 's', 'conversation.json'), 'utf8'));
    assert.deepEqual(meta, { v: SCHEMA_VERSION, id: 's', title: 'With rules', updatedAt: 9, system: 'RULES + instructions' });
    assert.equal((await new ConversationStore({ dir: dir() }).load('s'))?.system, 'RULES + instructions');

    fs.writeFileSync(path.join(dir(), 's', 'conversation.json'), JSON.stringify({ ...meta, system: 42, later: 'a field a later version may add' }));
    assert.deepEqual(await new ConversationStore({ dir: dir() }).load('s'), conversation('s', [ask('q', 'hello')], 9, 'With rules'));
  });

  it('a version 1 file from the future (a newer layout under an old name) is left where it is', async () => {
    const file = writeV1(dir(), 'phi4.conversation.a', { v: 99, id: 'a', anything: true });
    const problems: string[] = [];
    const store = new ConversationStore({ dir: dir(), events: { problem: (m) => problems.push(m) } });
    assert.deepEqual(await store.list(), []);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { v: 99, id: 'a', anything: true });
    assert.equal(problems.length, 1);
  });
});
