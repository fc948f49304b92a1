// The test file is the answer's longest code block; no block means no file, with a message saying why.
import * as assert from 'node:assert/strict';
import { extractTestFile } from '../../../src/unitTests/extractTestFile';

describe('extractTestFile', () => {
  it('takes the test file, not the install command shown next to it', () => {
    const answer = 'Install it first:\n\n```sh\nnpm i -D vitest\n```\n\n```ts\nimport { it, expect } from \'vitest\';\nimport { add } from \'./add\';\n\nit(\'adds\', () => expect(add(1, 2)).toBe(3));\n```\nCovers addition.';
    assert.deepEqual(extractTestFile(answer), { ok: true, code: "import { it, expect } from 'vitest';\nimport { add } from './add';\n\nit('adds', () => expect(add(1, 2)).toBe(3));\n", complete: true });
  });

  it('an answer cut off inside the block still gives the code, marked incomplete', () => {
    const file = extractTestFile('```python\ndef test_add():\n    assert add(1, 2) == 3\n');
    assert.ok(file.ok && !file.complete && file.code.startsWith('def test_add'));
  });

  it('prose only: no file, and a reason the user can act on', () => {
    const file = extractTestFile('You should test the add function with positive and negative numbers.');
    assert.ok(!file.ok && /without a code block/.test(file.reason));
  });
});
