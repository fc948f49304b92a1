import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { phi4Tokenize } from '../../support/phi4Tokenize';
import { renderChatML } from '../../../src/chatml/renderChatML';
import { GENERATION_PROMPT_TOKENS, MESSAGE_OVERHEAD_TOKENS, countMessageTokens, countTokens, countTokensUncached } from '../../../src/tokens/countTokens';

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

  it('is exact for messages that start with a newline, which merges with the one after <|im_sep|>', () => {
    for (const content of ['\nfoo', '\n\nbar', ' \nx', '\r\ny', '\t\n\tz', '\n', 'plain']) {
      const messages = [{ role: 'user' as const, content }];
      const ours = countMessageTokens(content) + GENERATION_PROMPT_TOKENS;
      assert.equal(ours, phi4Tokenize(renderChatML(messages)).length, JSON.stringify(content));
    }
  });

  it('counting line by line (cached) gives exactly the tokenizer\'s count, whatever the whitespace', () => {
    // Real text: our fixtures, and the sources of libraries we ship.
    const root = path.join(__dirname, '..', '..', '..', '..');
    const files = [
      ...fs.readdirSync(path.join(root, 'test', 'fixtures', 'workspace', 'src')).map((f) => path.join(root, 'test', 'fixtures', 'workspace', 'src', f)),
      path.join(root, 'test', 'fixtures', 'markdown', 'mixed.md'),
      path.join(root, 'test', 'fixtures', 'markdown', 'xss-payloads.txt'),
      path.join(root, 'node_modules', 'highlight.js', 'lib', 'languages', 'python.js'),
      path.join(root, 'node_modules', 'ollama', 'dist', 'browser.mjs'),
    ];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.equal(countTokens(text), countTokensUncached(text), file);
      assert.equal(countTokens(text), countTokensUncached(text), `${file}, second time (from the cache)`);
    }
    // Generated text stressing the line boundaries: blank and whitespace-only lines, CRLF, tabs,
    // non-breaking and other Unicode spaces, punctuation before newlines, emoji, no final newline.
    const pieces = ['\n', '\r\n', '\n\n', '  ', '\t', '\u00a0', '\u2028', '\u3000', '}', '{', ');', 'foo', ' bar', "'s", '123', '😀', '// c', '\n   \n', '  \n', '.\n'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 400; t++) {
      let text = '';
      for (let i = 0, n = 1 + Math.floor(next() * 60); i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
      assert.equal(countTokens(text), countTokensUncached(text), JSON.stringify(text));
    }
  });
});
