import * as assert from 'node:assert/strict';
import { gatherContext } from '../../../src/context/gatherContext';
import type { EditorSnapshot } from '../../../src/context/EditorContext';

const source = ['import x from "y";', '', 'function add(a, b) {', '  const sum = a + b;', '  return sum;', '}', '', 'export { add };', ''].join('\r\n');

function snap(start: number, end: number, extra: Partial<EditorSnapshot> = {}): EditorSnapshot {
  return { text: source, languageId: 'javascript', relativePath: 'src/add.js', selectionStart: start, selectionEnd: end, diagnostics: [], ...extra };
}

describe('gatherContext', () => {
  it('takes the exact selection with CRLF lines, surroundings on both sides and near diagnostics', () => {
    const start = source.indexOf('  const sum');
    const end = source.indexOf('  return');
    const ctx = gatherContext(
      snap(start, end, { diagnostics: [{ severity: 'error', message: 'bad', line: 4 }, { severity: 'warning', message: 'far', line: 0 }] }),
      { diagnosticSlack: 1 },
    );
    assert.equal(ctx.selection, '  const sum = a + b;\r\n');
    assert.equal(ctx.focusKind, 'selection');
    assert.equal(ctx.startLine, 3);
    assert.equal(ctx.endLine, 3, 'a selection ending at column 0 does not include that line');
    assert.deepEqual(ctx.before, ['import x from "y";', '', 'function add(a, b) {']);
    assert.deepEqual(ctx.after, ['  return sum;', '}', '', 'export { add };']);
    assert.deepEqual(ctx.diagnostics.map((d) => d.message), ['bad']);
    assert.equal(ctx.relativePath, 'src/add.js');
  });

  it('with no selection, uses the enclosing block and says so', () => {
    const cursor = source.indexOf('a + b');
    const ctx = gatherContext(snap(cursor, cursor));
    assert.equal(ctx.focusKind, 'block');
    assert.equal(ctx.selection, 'function add(a, b) {\n  const sum = a + b;\n  return sum;\n}');
  });

  it('falls back to the current line outside any block, and handles an empty file', () => {
    const cursor = source.indexOf('import');
    const ctx = gatherContext(snap(cursor, cursor));
    assert.equal(ctx.focusKind, 'line');
    assert.equal(ctx.selection, 'import x from "y";');
    const empty = gatherContext({ ...snap(0, 0), text: '' });
    assert.equal(empty.selection, '');
    assert.deepEqual([empty.before.length, empty.after.length], [0, 0]);
  });
});
