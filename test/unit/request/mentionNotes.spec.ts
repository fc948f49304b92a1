// A file the user added and that could not go whole is said in the answer's notes, not only in the collapsed
// "Context used" list: they asked for it, and the answer may lack it.
import * as assert from 'node:assert/strict';
import { fitToBudget } from '../../../src/budget/fitToBudget';
import type { Mention } from '../../../src/context/mentions/Mention';
import { requestNotes } from '../../../src/request/requestNotes';

const bigFile = (lines: number, reduced?: Mention['reduced']): Mention => ({
  kind: 'file', relativePath: 'src/big.ts', languageId: 'typescript', startLine: 0, endLine: lines - 1,
  text: Array.from({ length: lines }, (_, i) => `export const value${i} = compute(${i}, 'some longer text here');`).join('\n'), reduced,
});

describe('notes about what the user added', () => {
  it('says a mentioned file was left out when it did not fit at all', () => {
    const fitted = fitToBudget({ system: 'S', history: [], question: 'Q', mentions: [bigFile(3000)] }, { contextWindow: 4096, maxAnswerTokens: 512 });
    assert.ok(requestNotes(fitted, undefined).some((n) => n.startsWith('src/big.ts:1-3000 (which you added) was left out')), requestNotes(fitted, undefined).join('\n'));
  });

  it('says it was sent as its outline when only that fitted', () => {
    const fitted = fitToBudget({ system: 'S', history: [], question: 'Q', mentions: [bigFile(3000, { text: 'export const value0 = …', note: 'too large to send whole: sent as its outline', promptNote: 'too large to send whole: sent as its outline' })] }, { contextWindow: 4096, maxAnswerTokens: 512 });
    assert.ok(requestNotes(fitted, undefined).includes('src/big.ts:1-3000 (which you added) was too large to send whole: sent as its outline.'), requestNotes(fitted, undefined).join('\n'));
  });

  it('says nothing when the file went whole', () => {
    const fitted = fitToBudget({ system: 'S', history: [], question: 'Q', mentions: [bigFile(10)] }, { contextWindow: 4096, maxAnswerTokens: 512 });
    assert.deepEqual(requestNotes(fitted, undefined), []);
  });
});
