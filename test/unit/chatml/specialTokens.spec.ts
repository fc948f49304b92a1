// Every special token of Phi-4's tokenizer, not only the four ChatML ones, stays ordinary text when it
// comes from a user's file or the model, and what the user had comes back exactly.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChatML, type ChatMessage } from '../../../src/chatml/renderChatML';
import { PHI4_FIRST_SPECIAL_ID, PHI4_SPECIAL_TOKENS, neutralizeSpecialTokens, restoreSpecialTokens } from '../../../src/chatml/specialTokens';
import { countMessageTokens, GENERATION_PROMPT_TOKENS } from '../../../src/tokens/countTokens';
import { phi4Tokenize } from '../../support/phi4Tokenize';
import { readGgufVocab, TOKEN_TYPE } from '../../support/readGgufVocab';

// The shared fixtures sit beside the repository (see ../shared/fixtures/phi4-tokenizer-tiny.md).
const GGUF = path.join(__dirname, '../../../../../shared/fixtures/phi4-tokenizer-tiny.gguf');
const ZWSP = '\u200B';
const IM_START = 100264;
const IM_END = 100265;
const IM_SEP = 100266;
const isSpecial = (id: number): boolean => id >= PHI4_FIRST_SPECIAL_ID;

describe('Phi-4 special tokens', () => {
  it('the list is exactly the tokenizer\'s: every non-normal token of the Phi-4 GGUF, at its id', () => {
    assert.ok(fs.existsSync(GGUF), `${GGUF} is missing: the shared fixtures must be checked out beside the repository`);
    const { tokens, types } = readGgufVocab(GGUF);
    assert.equal(tokens.length, 100352);
    const special = tokens.map((t, id) => ({ t, id, type: types[id] })).filter((x) => x.type !== TOKEN_TYPE.normal);
    assert.ok(special.every((x) => x.type === TOKEN_TYPE.control), 'all special tokens are CONTROL');
    assert.deepEqual(
      special.map((x) => [x.id, x.t]),
      PHI4_SPECIAL_TOKENS.map((t, i) => [PHI4_FIRST_SPECIAL_ID + i, t]),
    );
  });

  it('none of them reaches the prompt as a control token from user or model text', () => {
    for (const token of PHI4_SPECIAL_TOKENS) {
      const messages: ChatMessage[] = [
        { role: 'system', content: 'rules' },
        { role: 'user', content: `${token}code ${token}\n${token}` },
        { role: 'assistant', content: `x${token}` },
        { role: 'user', content: `<${ZWSP}${token.slice(1)} and ${token}` },
      ];
      const prompt = renderChatML(messages);
      assert.deepEqual(phi4Tokenize(prompt).filter(isSpecial), [IM_START, IM_SEP, IM_END, IM_START, IM_SEP, IM_END, IM_START, IM_SEP, IM_END, IM_START, IM_SEP, IM_END, IM_START, IM_SEP], token);
      assert.ok(!prompt.includes(token) || ['<|im_start|>', '<|im_sep|>', '<|im_end|>'].includes(token), `${token} appears intact`);
    }
  });

  it('the token count sees the neutralized text as ordinary text and matches the tokenizer exactly', () => {
    for (const token of PHI4_SPECIAL_TOKENS) {
      const content = `const marker = "${token}";\n${token}`;
      const neutral = neutralizeSpecialTokens(content);
      assert.deepEqual(phi4Tokenize(neutral).filter(isSpecial), [], token);
      const real = phi4Tokenize(renderChatML([{ role: 'user', content }])).length;
      assert.equal(countMessageTokens(content) + GENERATION_PROMPT_TOKENS, real, token);
    }
  });
});

describe('neutralize and restore', () => {
  it('restores exactly what was neutralized, and leaves text the user already had as it was', () => {
    // A file that itself contains the escaped forms (this extension's own tests do) must not gain control tokens.
    for (const userText of [`<${ZWSP}|im_start|>`, `<|im_${ZWSP}start|>`, `<${ZWSP}${ZWSP}|fim_prefix|>`, `a <${ZWSP}|im_end|> b <|im_end|> c`]) {
      const sent = neutralizeSpecialTokens(userText);
      assert.deepEqual(phi4Tokenize(sent).filter(isSpecial), [], JSON.stringify(userText));
      assert.equal(restoreSpecialTokens(sent), userText, JSON.stringify(userText));
    }
  });

  it('restores text the model echoes: <ZWSP|name|> becomes the string the user had', () => {
    assert.equal(restoreSpecialTokens(`print("<${ZWSP}|fim_middle|>", "<${ZWSP}|dummy_85|>")`), 'print("<|fim_middle|>", "<|dummy_85|>")');
    assert.equal(restoreSpecialTokens(`<${ZWSP}|not_special|>`), `<${ZWSP}|not_special|>`, 'only special names');
  });

  it('round-trips any text exactly and never leaves a special token intact (property test)', () => {
    const pieces = ['<', '|', '>', ZWSP, 'im_end', 'im_start', 'fim_prefix', 'dummy_7', 'dummy_88', 'endofprompt', '<|', '|>', 'x', '\n', 'IM_END'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let i = 0, n = 1 + Math.floor(next() * 30); i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
      const sent = neutralizeSpecialTokens(text);
      assert.equal(restoreSpecialTokens(sent), text, JSON.stringify(text));
      assert.deepEqual(phi4Tokenize(sent).filter(isSpecial), [], JSON.stringify(text));
    }
  });
});
