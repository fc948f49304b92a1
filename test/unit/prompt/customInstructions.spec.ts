// Custom instructions: appended to the system rules, the user's first, capped at 1,500 tokens with a note.
import * as assert from 'node:assert/strict';
import { customInstructions, MAX_INSTRUCTION_TOKENS, withInstructions } from '../../../src/prompt/customInstructions';
import { countTokens } from '../../../src/tokens/countTokens';

describe('customInstructions', () => {
  it('none set: the system rules are sent unchanged and nothing is noted', () => {
    const built = withInstructions('BASE RULES', customInstructions({ user: '  \n', repository: '' }));
    assert.deepEqual(built, { system: 'BASE RULES', notes: [] });
  });

  it("both set: the user's instructions, then the repository's, follow the rules, each labelled", () => {
    const { system, notes } = withInstructions('BASE RULES', customInstructions({ user: 'Answer in French.', repository: 'Use tabs.\n' }));
    assert.equal(system, 'BASE RULES\n\nInstructions from the user:\nAnswer in French.\n\nInstructions from this repository (.phi4/instructions.md):\nUse tabs.');
    assert.deepEqual(notes, []);
  });

  it('too long: cut to the cap, the user\'s kept whole and the repository\'s cut, with a note naming both sources', () => {
    const repository = Array.from({ length: 2000 }, (_, i) => `- rule number ${i} of the repository`).join('\n');
    const built = customInstructions({ user: 'Keep my rule.', repository });
    assert.ok(countTokens(built.text) <= MAX_INSTRUCTION_TOKENS, `${countTokens(built.text)} tokens`);
    assert.ok(countTokens(built.text) > MAX_INSTRUCTION_TOKENS - 50, 'the cap is used, not much less');
    assert.ok(built.text.includes('Keep my rule.'));
    assert.ok(built.text.includes('- rule number 0 of the repository') && !built.text.includes('rule number 1999'));
    assert.ok(/of the repository$/.test(built.text), 'cut at a line end, not mid-line');
    assert.equal(built.notes.length, 1);
    assert.match(built.notes[0], /phi4\.instructions and \.phi4\/instructions\.md.*only the first 1,500 were used/);
  });

  it('exactly at the cap is not cut', () => {
    const user = 'word '.repeat(MAX_INSTRUCTION_TOKENS - 10).trim();
    const built = customInstructions({ user, repository: '' }, countTokens(`Instructions from the user:\n${user}`));
    assert.ok(built.text.endsWith(user));
    assert.deepEqual(built.notes, []);
  });
});
