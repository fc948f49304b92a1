import * as assert from 'node:assert/strict';
import { phi4Tokenize } from '../../support/phi4Tokenize';
import { renderChatML } from '../../../src/chatml/renderChatML';
import { GENERATION_PROMPT_TOKENS, MESSAGE_OVERHEAD_TOKENS, countMessageTokens, countTokens } from '../../../src/tokens/countTokens';

describe('countTokens (cl100k_base)', () => {
  it('matches known cl100k_base counts', () => {
    assert.equal(countTokens('hello world'), 2);
    assert.equal(countTokens('tiktoken is great!'), 6);
    assert.equal(countTokens(''), 0);
  });

  it('counts special-token strings in user code as plain text instead of throwing', () => {
    assert.ok(countTokens('const s = "<|im_start|>";') > 5);
    assert.ok(countTokens('<|endoftext|>') > 1);
  });

  it('message overhead makes the sum equal the rendered Phi-4 prompt', () => {
    const messages = [
      { role: 'system' as const, content: 'You are a helpful assistant.' },
      { role: 'user' as const, content: 'Write a function that adds two numbers.' },
    ];
    const ours = messages.reduce((sum, m) => sum + countMessageTokens(m.content), 0) + GENERATION_PROMPT_TOKENS;
    const real = phi4Tokenize(renderChatML(messages)).length;
    assert.equal(ours, real);
    assert.equal(MESSAGE_OVERHEAD_TOKENS, 6);
  });
});
