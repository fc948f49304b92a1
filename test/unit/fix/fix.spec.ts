import * as assert from 'node:assert/strict';
import { commonEnds } from '../../../src/fix/commonEnds';
import { diffLines, splitLinesKeepEnds } from '../../../src/fix/diffLines';
import { extractFix, type FixSource } from '../../../src/fix/extractFix';
import { FixProposal } from '../../../src/fix/FixProposal';
import { detectIndentUnit, matchIndentation } from '../../../src/fix/matchIndentation';

// A file indented with tabs and CRLF line endings; the region is the body of `average` (full lines).
const FILE_LINES = ['export function average(values: number[]): number {', '\tlet total = 0;', '\tfor (let i = 0; i <= values.length; i++) {', '\t\ttotal += values[i];', '\t}', '\treturn total / values.length;', '}'];
const original = FILE_LINES.slice(1, 6).join('\r\n') + '\r\n';
const source: FixSource = { original, before: FILE_LINES.slice(0, 1), after: FILE_LINES.slice(6) };
const FIXED_SPACES = ['let total = 0;', 'for (let i = 0; i < values.length; i++) {', '  total += values[i];', '}', 'return values.length === 0 ? 0 : total / values.length;'].join('\n');
const target = { original, eol: '\r\n' as const, unit: '\t', startsMidLine: false };
const EXPECTED = ['\tlet total = 0;', '\tfor (let i = 0; i < values.length; i++) {', '\t\ttotal += values[i];', '\t}', '\treturn values.length === 0 ? 0 : total / values.length;'].join('\r\n') + '\r\n';

function fixFrom(answer: string): string {
  const r = extractFix(answer, source);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return matchIndentation(r.code, target);
}

describe('extractFix + matchIndentation', () => {
  it('takes a fenced block from an answer with prose, re-indents with tabs at the right depth, keeps CRLF and the final newline', () => {
    assert.equal(fixFrom(`Here is the corrected code:\n\n\`\`\`typescript\n${FIXED_SPACES}\n\`\`\`\n\nThe loop read past the end.`), EXPECTED);
  });

  it('accepts ~~~ fences and fences without a language', () => {
    assert.equal(fixFrom(`~~~\n${FIXED_SPACES}\n~~~`), EXPECTED);
    assert.equal(fixFrom(`\`\`\`\n${FIXED_SPACES}\n\`\`\``), EXPECTED);
  });

  it('with several fences, picks the fix rather than the quoted original', () => {
    const quoted = FILE_LINES.slice(1, 6).join('\n');
    assert.equal(fixFrom(`The bug is here:\n\`\`\`ts\n${quoted}\n\`\`\`\nA usage example:\n\`\`\`ts\nconsole.log(average([1, 2]));\n\`\`\`\nFixed:\n\`\`\`ts\n${FIXED_SPACES}\n\`\`\``), EXPECTED);
  });

  it('strips unchanged context the model repeated, and the whole file when it returned that', () => {
    const withContext = `\`\`\`ts\nexport function average(values: number[]): number {\n${FIXED_SPACES.split('\n').map((l) => '  ' + l).join('\n')}\n}\n\`\`\``;
    assert.equal(fixFrom(withContext), EXPECTED);
  });

  it('cuts the region out when the model returned the whole file', () => {
    const wholeFile = [FILE_LINES[0], ...FIXED_SPACES.split('\n').map((l) => '    ' + l), FILE_LINES[6]].join('\n');
    assert.equal(fixFrom(`Here is the whole file, fixed:\n\n\`\`\`ts\n${wholeFile}\n\`\`\`\n`), EXPECTED);
    const src: FixSource = { original: 'b = 2\n', before: ['import os', '', 'a = 1'], after: ['c = 3', '', 'print(a, b, c)'] };
    const r = extractFix('```python\nimport os\n\na = 1\nb = 20\nc = 3\n\nprint(a, b, c)\n```', src);
    assert.ok(r.ok && r.code === 'b = 20');
  });

  it('uses an unfenced answer only when it reads like the code', () => {
    assert.equal(fixFrom(FIXED_SPACES), EXPECTED);
    const prose = extractFix('I think the problem is the loop condition; change <= to <.', source);
    assert.equal(prose.ok, false);
    assert.match(prose.ok ? '' : prose.reason, /nothing was changed/);
  });

  it('reports an answer with no code', () => {
    assert.equal(extractFix('', source).ok, false);
    assert.equal(extractFix('```ts\n```', source).ok, false);
  });

  it('restores special-token strings neutralized in the prompt', () => {
    const src: FixSource = { original: 'const t = "<|im_end|>"\n', before: [], after: [] };
    const r = extractFix('```js\nconst t = "<\u200B|im_end|>";\n```', src);
    assert.ok(r.ok && r.code === 'const t = "<|im_end|>";');
  });

  it('handles unicode, emoji and a region without a trailing newline', () => {
    const orig = '    msg = "héllo 👋"\n    print(msg)';
    const out = matchIndentation('msg = "héllo 👋 wörld"\nprint(msg)\n', { original: orig, eol: '\n', unit: '    ', startsMidLine: false });
    assert.equal(out, '    msg = "héllo 👋 wörld"\n    print(msg)');
  });

  it('keeps blank lines at the edges of a whole-line selection, which the model did not repeat', () => {
    const orig = '\r\n\tlet total = 0;\r\n\treturn total;\r\n\r\n';
    const out = matchIndentation('\n  let total = 1;\n  return total;\n', { original: orig, eol: '\r\n', unit: '\t', startsMidLine: false });
    assert.equal(out, '\r\n\tlet total = 1;\r\n\treturn total;\r\n\r\n');
    const p = new FixProposal(orig, out);
    assert.deepEqual(p.hunks.map((h) => [h.removed, h.added]), [[['\tlet total = 0;\r\n'], ['\tlet total = 1;\r\n']]], 'only the changed line is proposed');
  });

  it('leaves the first line unindented when the region starts mid-line', () => {
    const out = matchIndentation('a + b;\n  return 1;', { original: 'a - b;\n\treturn 0;', eol: '\n', unit: '\t', startsMidLine: true });
    assert.equal(out, 'a + b;\n\treturn 1;');
  });

  describe('a selection that starts after the first line\'s indentation', () => {
    // The document: "def f():\n    foo()\n    if x:\n        bar()\n"; the selection runs from the "f" of foo() to the end.
    const original = 'foo()\n    if x:\n        bar()\n';
    const target = { original, eol: '\n' as const, unit: '    ', startsMidLine: false, linePrefix: '    ' };
    const inDocument = (fixed: string): string => `def f():\n    ${fixed}`;
    const EXPECTED = 'def f():\n    foo()\n    if x:\n        baz()\n';

    it('keeps the depth of the lines below when the answer echoes the selection as shown (first line unindented)', () => {
      assert.equal(inDocument(matchIndentation('foo()\n    if x:\n        baz()', target)), EXPECTED);
    });

    it('and when the answer indents every line alike, at any depth', () => {
      assert.equal(inDocument(matchIndentation('foo()\nif x:\n    baz()', target)), EXPECTED);
      assert.equal(inDocument(matchIndentation('    foo()\n    if x:\n        baz()\n', target)), EXPECTED);
    });

    it('a one-line selection that grows keeps the new lines at its depth', () => {
      const one = { original: 'foo()', eol: '\n' as const, unit: '    ', startsMidLine: false, linePrefix: '    ' };
      assert.equal(`    ${matchIndentation('foo()\nbar()', one)}`, '    foo()\n    bar()');
    });

    it('works with tabs and CRLF', () => {
      const tabs = { original: 'foo()\r\n\tbar()', eol: '\r\n' as const, unit: '\t', startsMidLine: false, linePrefix: '\t' };
      assert.equal(`\t${matchIndentation('foo()\n\tbaz()', tabs)}`, '\tfoo()\r\n\tbaz()');
    });
  });

  it('detects indent units', () => {
    assert.equal(detectIndentUnit('a\n\tb\n\t\tc'), '\t');
    assert.equal(detectIndentUnit('a\n  b\n    c\n  d'), '  ');
    assert.equal(detectIndentUnit('a\n    b\n        c'), '    ');
  });
});

describe('diffLines and FixProposal', () => {
  it('splits lines keeping CR, LF and CRLF so they join back exactly', () => {
    const text = 'a\r\nb\nc\rd';
    assert.deepEqual(splitLinesKeepEnds(text), ['a\r\n', 'b\n', 'c\r', 'd']);
    assert.equal(splitLinesKeepEnds(text).join(''), text);
  });

  it('groups changes into hunks', () => {
    const hunks = diffLines(['a\n', 'b\n', 'c\n', 'd\n', 'e\n'], ['a\n', 'B\n', 'c\n', 'd\n', 'x\n', 'e\n']);
    assert.deepEqual(hunks.map((h) => [h.originalStart, h.removed, h.added]), [
      [1, ['b\n'], ['B\n']],
      [4, [], ['x\n']],
    ]);
  });

  it('accepting hunks one by one, in any order, reaches the full fix; rejecting keeps the original bytes', () => {
    const orig = 'one\r\n\ttwo\r\nthree\r\nfour\r\nfive';
    const fixed = 'one\r\n\tTWO\r\nthree\r\nfour\r\nFIVE';
    const p = new FixProposal(orig, fixed);
    assert.equal(p.hunks.length, 2);
    const second = p.acceptEdit(1);
    const applied = p.currentText().slice(0, second.start) + second.text + p.currentText().slice(second.end);
    p.mark(1, 'accepted');
    assert.equal(p.currentText(), applied);
    const first = p.acceptEdit(0);
    const appliedBoth = p.currentText().slice(0, first.start) + first.text + p.currentText().slice(first.end);
    p.mark(0, 'accepted');
    assert.equal(appliedBoth, fixed);
    assert.equal(p.currentText(), fixed);
    assert.ok(p.settled);

    const r = new FixProposal(orig, fixed);
    r.mark(0, 'rejected');
    r.mark(1, 'rejected');
    assert.equal(r.currentText(), orig);
    assert.equal(Buffer.compare(Buffer.from(r.currentText()), Buffer.from(orig)), 0);
  });

  it('tracks where a later hunk starts after an earlier one changed the line count', () => {
    const p = new FixProposal('a\nb\nc\nd\n', 'a\nx\ny\nb\nc\nD\n');
    assert.deepEqual(p.hunks.map((h) => h.originalStart), [1, 3]);
    p.mark(0, 'accepted');
    assert.equal(p.currentLine(1), 5);
    assert.equal(p.proposedText(), 'a\nx\ny\nb\nc\nD\n');
  });
});

describe('commonEnds', () => {
  it('finds the shared start and end of lines or characters without letting them overlap', () => {
    assert.deepEqual(commonEnds(['a', 'b', 'c'], ['a', 'x', 'c']), { prefix: 1, suffix: 1 });
    assert.deepEqual(commonEnds('aaa', 'aa'), { prefix: 2, suffix: 0 });
    assert.deepEqual(commonEnds('abcabc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepEqual(commonEnds('let x = 1;\n', 'let x = 2;\n'), { prefix: 8, suffix: 2 });
    assert.deepEqual(commonEnds([], ['a']), { prefix: 0, suffix: 0 });
  });
});
