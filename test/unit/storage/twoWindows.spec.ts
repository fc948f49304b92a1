// Two VS Code windows share one storage folder: each window's store must keep what the other saved.
import * as assert from 'node:assert/strict';
import { ConversationStore } from '../../../src/storage/ConversationStore';
import { answer, ask, conversation } from '../../support/conversations';
import { useTempDir } from '../../support/useTempDir';

describe('two windows on one storage folder', () => {
  const dir = useTempDir('phi4-windows-');
  let clock = 1_700_000_000_000;
  const window = (): ConversationStore => new ConversationStore({ dir: dir(), now: () => (clock += 10) });

  it('both chatting in the same conversation: neither loses its turns', async () => {
    const a = window();
    const b = window();
    const inA = conversation('shared', [ask('a1', 'A asks first'), answer('a2', 'first answer')]);
    await a.save(inA);
    // Window B opens the conversation A started (the chat restores the latest one).
    const inB = await b.load('shared');
    assert.ok(inB);
    inA.turns.push(ask('a3', 'A asks again'), answer('a4', 'streaming in A', 'streaming'));
    await a.save(inA);
    inB.turns.push(ask('b1', 'B asks'), answer('b2', 'answer in B'));
    inB.updatedAt = 5000;
    await b.save(inB);
    inA.turns[3] = { ...inA.turns[3], text: 'streaming in A, finished', state: 'done' };
    inA.updatedAt = 4000; // A's own last use, earlier than B's
    await a.save(inA);
    const reloaded = await window().load('shared');
    assert.deepEqual(reloaded?.turns.map((t) => t.text), ['A asks first', 'first answer', 'A asks again', 'streaming in A, finished', 'B asks', 'answer in B']);
    assert.equal(reloaded?.updatedAt, 5000, 'the later of the two windows');
  });

  it("a title changed in one window is not undone by the other window's next save", async () => {
    const a = window();
    const b = window();
    const inA = conversation('x', [ask('q1', 'first')], 1, 'First title');
    await a.save(inA);
    const inB = await b.load('x');
    assert.ok(inB);
    inB.title = 'Renamed in B';
    await b.save(inB);
    inA.turns.push(answer('r1', 'answer in A'));
    inA.updatedAt = 2;
    await a.save(inA);
    assert.deepEqual((await window().list()).map((c) => c.title), ['Renamed in B']);
  });

  it('both starting conversations at the same time: every one of them is listed', async () => {
    const a = window();
    const b = window();
    await Promise.all([
      a.save(conversation('from-a', [ask('q', 'in A')], 1)),
      b.save(conversation('from-b', [ask('q', 'in B')], 2)),
      a.save(conversation('from-a2', [ask('q', 'in A again')], 3)),
    ]);
    await b.save(conversation('from-b2', [ask('q', 'in B again')], 4));
    for (const store of [a, b, window()]) assert.deepEqual((await store.list()).map((c) => c.id), ['from-b2', 'from-a2', 'from-b', 'from-a']);
  });

  it('one window deleting a conversation the other is still answering in keeps the new answer', async () => {
    const a = window();
    const b = window();
    const inB = conversation('x', [ask('q1', 'old question')]);
    await b.save(inB);
    await a.delete('x');
    inB.turns.push(answer('r1', 'answered after the deletion'));
    await b.save(inB);
    const kept = await window().load('x');
    assert.deepEqual(kept?.turns.map((t) => t.text), ['answered after the deletion']);
  });
});
