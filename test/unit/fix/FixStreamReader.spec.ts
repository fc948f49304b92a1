// The streaming fix preview's reader: at every point of a streamed answer it shows the code written so far,
// whatever sizes the chunks come in.
import * as assert from 'node:assert/strict';
import { extractFix } from '../../../src/fix/extractFix';
import { FixStreamReader } from '../../../src/fix/FixStreamReader';

const CODE = ['function average(xs) {', '\tif (xs.length === 0) return 0;', '\treturn xs.reduce((a, b) => a + b, 0) / xs.length;', '}'];
const ANSWER = `The loop read past the end. Here is the fix:\n\n\`\`\`js\n${CODE.join('\n')}\n\`\`\`\n\nIt now handles an empty array.`;

/** Feeds the answer in pieces of `size` characters and records what the reader shows after each. */
function follow(answer: string, size: number, before: string[] = []): string[] {
  const reader = new FixStreamReader();
  const shown: string[] = [];
  for (let i = 0; i < answer.length; i += size) {
    reader.push(answer.slice(i, i + size));
    shown.push(reader.code(before));
  }
  return shown;
}

describe('FixStreamReader', () => {
  it('shows nothing during the prose before the code, then the code line by line, and the whole block at the end', () => {
    for (const size of [1, 3, 7, 64, ANSWER.length]) {
      const shown = follow(ANSWER, size);
      assert.equal(shown.at(-1), CODE.join('\n'), `chunks of ${size}`);
      // Every state shown is a prefix of the final code: nothing of the prose or the fence line leaks in.
      for (const s of shown) assert.ok(CODE.join('\n').startsWith(s), `chunks of ${size}: ${JSON.stringify(s)}`);
    }
    const byChar = follow(ANSWER, 1);
    assert.equal(byChar[ANSWER.indexOf('```js')], '');
    assert.ok(new Set(byChar).size > CODE.length, 'the code grows as it streams, not only at the end');
  });

  it('agrees with the final extraction on CRLF answers, ~~~ fences and repeated context above the region', () => {
    const before = ['// helpers', 'const DEBUG = false;'];
    const answer = `~~~\r\nconst DEBUG = false;\r\n${CODE.join('\r\n')}\r\n~~~\r\n`;
    const final = extractFix(answer, { original: CODE.join('\n'), before, after: [] });
    assert.ok(final.ok);
    assert.equal(follow(answer, 5, before).at(-1), final.code);
    assert.equal(final.code, CODE.join('\n'));
  });

  it('keeps showing the last complete block while prose follows it, and switches to a new block when one opens', () => {
    const reader = new FixStreamReader();
    reader.push('```js\nold();\n```\nBetter:\n');
    assert.equal(reader.code(), 'old();');
    reader.push('```js\nnew');
    assert.equal(reader.code(), 'new');
    reader.push('er();\n```\n');
    assert.equal(reader.code(), 'newer();');
  });

  it('a closing fence must be at least as long as the opening one', () => {
    const reader = new FixStreamReader();
    reader.push('````md\n```js\ninner\n```\n');
    assert.equal(reader.code(), '```js\ninner\n```');
  });

  it('reports the size of the code shown, so redraws can be spaced by it', () => {
    const reader = new FixStreamReader();
    reader.push('prose\n```\n');
    assert.equal(reader.codeLength, 0);
    reader.push('abc\nde');
    assert.equal(reader.codeLength, 6);
  });
});
