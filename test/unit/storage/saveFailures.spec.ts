// When the disk refuses a save, the user is told once what was not saved, nothing already saved is damaged,
// and what was missed is written as soon as saving works again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { nodeFileSystem, type FileSystem } from '../../../src/storage/FileSystem';
import { answer, ask, conversation, filesIn } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

describe('saving fails', () => {
  const dir = useTempDir('phi4-failing-');
  let problems: string[];
  beforeEach(() => {
    problems = [];
  });

  it('a file where the folder should be: the save fails, the user is told once which conversation was not saved', async () => {
    const root = path.join(dir(), 'conversations');
    fs.writeFileSync(root, 'not a folder');
    const store = new ConversationStore({ dir: root, events: { problem: (m) => problems.push(m) } });
    const conv = conversation('a', [ask('q', 'hello'), answer('r', 'part', 'streaming')], 1, 'Greeting');
    await assert.rejects(store.save(conv));
    conv.turns[1] = { ...conv.turns[1], text: 'part two' };
    await assert.rejects(store.save(conv));
    assert.equal(problems.length, 1, `told once: ${problems.join(' | ')}`);
    assert.match(problems[0], /could not save the conversation "Greeting" \(a file or folder is in the way\)/);
    assert.equal(fs.readFileSync(root, 'utf8'), 'not a folder', 'the blocking file is left alone');
    assert.deepEqual(await store.list(), []);
  });

  it('a full disk: told once; nothing saved before is damaged; everything missed is saved once there is room again', async () => {
    let full = false;
    const disk: FileSystem = {
      ...nodeFileSystem,
      writeAtomic: (file, text) => (full ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) : nodeFileSystem.writeAtomic(file, text)),
    };
    const store = new ConversationStore({ dir: dir(), fs: disk, events: { problem: (m) => problems.push(m) } });
    const conv = conversation('a', [ask('q1', 'first'), answer('r1', 'saved before the disk filled')], 1, 'Long chat');
    await store.save(conv);
    full = true;
    conv.turns.push(ask('q2', 'second'), answer('r2', 'while full', 'streaming'));
    await assert.rejects(store.save(conv));
    conv.turns[3] = { ...conv.turns[3], text: 'while full, finished', state: 'done' };
    await assert.rejects(store.save(conv));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /"Long chat" \(the disk is full\)\. Its latest messages are only in this window/);
    assert.deepEqual((await new ConversationStore({ dir: dir() }).load('a'))?.turns.map((t) => t.text), ['first', 'saved before the disk filled']);
    full = false;
    conv.turns.push(ask('q3', 'third'));
    await store.save(conv);
    assert.deepEqual((await new ConversationStore({ dir: dir() }).load('a'))?.turns.map((t) => t.text), ['first', 'saved before the disk filled', 'second', 'while full, finished', 'third']);
    full = true;
    conv.turns.push(answer('r3', 'full again'));
    await assert.rejects(store.save(conv));
    assert.equal(problems.length, 2, 'told again after saving had worked in between');
  });

  it('a write that fails at the rename leaves no temporary file behind, and the folder keeps working', async () => {
    const file = path.join(dir(), 'kept.json');
    await nodeFileSystem.writeAtomic(file, 'old content');
    const blocked = path.join(dir(), 'blocked.json');
    fs.mkdirSync(path.join(blocked, 'inside'), { recursive: true });
    await assert.rejects(nodeFileSystem.writeAtomic(blocked, 'new content'));
    await nodeFileSystem.writeAtomic(file, 'new content');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new content');
    assert.deepEqual(filesIn(dir()).filter((f) => f.endsWith('.tmp')), []);
  });
});
