// Code generated at the cursor: where it goes, how it is indented, and what the prompt says about the place.
import * as assert from 'node:assert/strict';
import { gatherInsertionContext } from '../../../src/context/gatherInsertionContext';
import { extractFix } from '../../../src/fix/extractFix';
import { FixProposal } from '../../../src/fix/FixProposal';
import { shapeInsertion } from '../../../src/fix/matchIndentation';
import { planInsertion } from '../../../src/fix/planInsertion';
import { composeUserMessage } from '../../../src/prompt/composeUserMessage';

const FILE = ['function total(items) {', '\tlet sum = 0;', '', '\treturn sum;', '}', '', 'module.exports = { total };'];

describe('planInsertion', () => {
  it('on an empty line inside a block, inserts there at the depth of the block', () => {
    assert.deepEqual(planInsertion(FILE, 2, 0), { line: 2, indent: '\t' });
  });

  it('on an empty line between top-level code, inserts at column 1', () => {
    assert.deepEqual(planInsertion(FILE, 5, 0), { line: 5, indent: '' });
  });

  it('on a blank line that holds indentation, keeps that indentation', () => {
    assert.deepEqual(planInsertion(['if (a) {', '        ', '}'], 1, 8), { line: 1, indent: '        ' });
  });

  it('with the cursor in a line\'s indentation, inserts above that line', () => {
    assert.deepEqual(planInsertion(FILE, 3, 1), { line: 3, indent: '\t' });
  });

  it('with the cursor after code, inserts below the line, inside a block the line opens', () => {
    assert.deepEqual(planInsertion(FILE, 0, 10), { line: 1, indent: '\t' });
    assert.deepEqual(planInsertion(FILE, 4, 1), { line: 5, indent: '' });
  });

  it('at the end of a last line without a line break, inserts after the last line', () => {
    assert.deepEqual(planInsertion(FILE, 6, FILE[6].length), { line: 7, indent: '' });
  });
});

describe('shapeInsertion', () => {
  it('re-indents to the place with the document\'s indent unit and ends each line with its line ending', () => {
    const code = 'for (const item of items) {\n    sum += item;\n}';
    assert.equal(shapeInsertion(code, { indent: '\t', eol: '\r\n', unit: '\t', afterLastLine: false }), '\tfor (const item of items) {\r\n\t\tsum += item;\r\n\t}\r\n');
  });

  it('after a last line without a line break, starts with one and leaves the file\'s end as it was', () => {
    assert.equal(shapeInsertion('x = 1', { indent: '', eol: '\n', unit: '    ', afterLastLine: true }), '\nx = 1');
  });

  it('as a proposal over an empty region, is one hunk that inserts exactly those lines', () => {
    const answer = 'Here you go:\n```js\nfor (const item of items) {\n  sum += item;\n}\n```';
    const extracted = extractFix(answer, { original: '', before: FILE.slice(0, 2), after: FILE.slice(2) });
    assert.ok(extracted.ok);
    const proposal = new FixProposal('', shapeInsertion(extracted.code, { indent: '\t', eol: '\n', unit: '\t', afterLastLine: false }));
    assert.equal(proposal.hunks.length, 1);
    assert.deepEqual(proposal.hunks[0].removed, []);
    assert.deepEqual(proposal.acceptEdit(0), { start: 0, end: 0, text: '\tfor (const item of items) {\n\t\tsum += item;\n\t}\n' });
  });

  it('an answer without a code block yields no insertion', () => {
    const extracted = extractFix('I would loop over the items and add them up.', { original: '', before: FILE.slice(0, 2), after: FILE.slice(2) });
    assert.equal(extracted.ok, false);
  });
});

describe('gatherInsertionContext', () => {
  const text = FILE.join('\n') + '\n';
  const snapshot = { text, languageId: 'javascript', relativePath: 'src/total.js', diagnostics: [{ severity: 'error' as const, message: 'sum is never read', line: 1 }] };

  it('splits the file at the insertion line, leaving out the phantom line after the final newline', () => {
    const ctx = gatherInsertionContext(snapshot, 2);
    assert.equal(ctx.focusKind, 'insertion');
    assert.deepEqual(ctx.before, FILE.slice(0, 2));
    assert.deepEqual(ctx.after, FILE.slice(2));
    assert.deepEqual(ctx.diagnostics.map((d) => d.message), ['sum is never read']);
  });

  it('tells the model where the cursor is, with the code around it but no code in focus', () => {
    const message = composeUserMessage('Write a loop.', gatherInsertionContext(snapshot, 2), { before: 2, after: 1 });
    assert.ok(message.includes('The cursor is in `src/total.js` (javascript) between lines 2 and 3; new code goes there.'), message);
    assert.ok(message.includes('Code before it in `src/total.js` (lines 1–2)'), message);
    assert.ok(message.includes('Code after it (lines 3–3)'), message);
    assert.ok(!message.includes('Selected code'));
  });
});
