import * as assert from 'node:assert/strict';
import { mentionAt } from '../../../src/webview/MentionCompletion';

describe('mentionAt', () => {
  it('finds the "@query" the caret ends, only at a word start', () => {
    assert.deepEqual(mentionAt('look at @sto', 12), { start: 8, query: 'sto' });
    assert.deepEqual(mentionAt('@', 1), { start: 0, query: '' });
    assert.equal(mentionAt('mail me@example.com', 19), undefined);
    assert.equal(mentionAt('@file done', 10), undefined);
  });
});
