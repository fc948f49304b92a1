// What a chat view that has not said "ready" yet gets once it does (after the controller's snapshot).
import * as assert from 'node:assert/strict';
import { MAX_PENDING_NOTICES, PendingPosts } from '../../../src/viewLoad/PendingPosts';
import type { HostToWebview } from '../../../src/protocol/messages';

describe('PendingPosts (posts to a chat view that has not loaded yet)', () => {
  it('a view that never loads does not grow the queue while a long answer streams', () => {
    const pending = new PendingPosts();
    const turn = { id: 'a', role: 'assistant', text: '', state: 'streaming' } as const;
    pending.add({ type: 'busy', busy: true, queued: 0 });
    pending.add({ type: 'turnAdded', turn });
    for (let i = 0; i < 100_000; i++) pending.add({ type: 'answerChunk', id: 'a', text: `word${i} ` });
    pending.add({ type: 'answerEnded', turn: { ...turn, state: 'done' } });
    pending.add({ type: 'history', history: [], currentId: 'c' });
    pending.add({ type: 'busy', busy: false, queued: 0 });
    // The snapshot sent on ready carries all of this in its latest form; nothing of it is replayed.
    assert.deepEqual(pending.take(), []);
  });

  it('keeps what the snapshot does not carry: the latest notices, then one request to focus the input', () => {
    const pending = new PendingPosts();
    for (let i = 0; i < 3 * MAX_PENDING_NOTICES; i++) pending.add({ type: 'notice', message: `notice ${i}` });
    pending.add({ type: 'focusInput' });
    pending.add({ type: 'contextChips', chips: [{ label: 'a.ts:1-2', languageId: 'typescript', lineCount: 2 }] });
    pending.add({ type: 'focusInput' });
    const expected: HostToWebview[] = [];
    for (let i = 2 * MAX_PENDING_NOTICES; i < 3 * MAX_PENDING_NOTICES; i++) expected.push({ type: 'notice', message: `notice ${i}` });
    expected.push({ type: 'focusInput' });
    assert.deepEqual(pending.take(), expected);
    assert.deepEqual(pending.take(), [], 'taken once');
  });
});
