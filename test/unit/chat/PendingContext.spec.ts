// The chips waiting in the chat input: several allowed, removable, read when the message is sent.
import * as assert from 'node:assert/strict';
import { PendingContext } from '../../../src/chat/PendingContext';
import type { GatheredContext } from '../../../src/context/EditorContext';

const selection = (path: string, line: number): GatheredContext => ({ relativePath: path, languageId: 'typescript', focusKind: 'selection', selection: `code at ${line}`, startLine: line, endLine: line, before: [], after: [], diagnostics: [] });
const chip = (label: string) => ({ label, languageId: 'typescript', lineCount: 1 });

describe('PendingContext', () => {
  it('keeps several chips; the first selection is the focus, later ones and files become mentions, read at send time', async () => {
    const pending = new PendingContext();
    let asked = '';
    pending.add({ chip: chip('a.ts:1'), focus: { context: selection('a.ts', 0), notes: ['slow server'] } });
    pending.add({ chip: { ...chip('lib.ts'), kind: 'file' }, read: async (q) => ((asked = q), { mention: { kind: 'file', relativePath: 'lib.ts', languageId: 'typescript', startLine: 0, endLine: 0, text: 'x' } }) });
    pending.add({ chip: chip('b.ts:5'), focus: { context: selection('b.ts', 4), notes: [] } });
    pending.add({ chip: { ...chip('gone.ts'), kind: 'file' }, read: async () => ({ note: 'gone.ts was not sent: it no longer exists or cannot be read.' }) });
    assert.deepEqual(pending.chips.map((c) => c.label), ['a.ts:1', 'lib.ts', 'b.ts:5', 'gone.ts']);
    const taken = await pending.take('What does it do?');
    assert.equal(asked, 'What does it do?');
    assert.equal(taken.context?.relativePath, 'a.ts');
    assert.deepEqual(taken.mentions.map((m) => `${m.kind}:${m.relativePath}`), ['file:lib.ts', 'selection:b.ts']);
    assert.deepEqual(taken.notes, ['slow server', 'gone.ts was not sent: it no longer exists or cannot be read.']);
    assert.deepEqual(pending.chips, [], 'sending empties the input');
  });

  it("tells each file mention where the question's selection is, even when the file chip came first", async () => {
    const pending = new PendingContext();
    const seen: unknown[] = [];
    pending.add({ chip: { ...chip('lib.ts'), kind: 'file' }, read: async (_q, at) => (seen.push(at), { note: 'read' }) });
    pending.add({ chip: chip('lib.ts:431'), focus: { context: selection('lib.ts', 430), notes: [] } });
    await pending.take('Why?');
    assert.deepEqual(seen, [{ relativePath: 'lib.ts', line: 430 }]);
  });

  it('removes one chip by id, or all; the same thing added twice is one chip', () => {
    const pending = new PendingContext();
    const a = pending.add({ chip: chip('a.ts:1'), focus: { context: selection('a.ts', 0), notes: [] } });
    pending.add({ chip: chip('b.ts:1'), focus: { context: selection('b.ts', 0), notes: [] } });
    pending.add({ chip: chip('b.ts:1'), focus: { context: selection('b.ts', 0), notes: [] } });
    assert.equal(pending.chips.length, 2);
    pending.remove(a.chip.id);
    assert.deepEqual(pending.chips.map((c) => c.label), ['b.ts:1']);
    pending.remove();
    assert.deepEqual(pending.chips, []);
  });
});
