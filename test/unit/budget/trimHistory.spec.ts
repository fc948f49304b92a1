// Leaving out old turns in large blocks keeps the prompt's start the same for many turns, so Ollama's cache
// serves them; a one-turn sliding window changes it on every turn once the window is full.
import * as assert from 'node:assert/strict';
import { BLOCK_TRIM, trimHistory } from '../../../src/budget/trimHistory';
import type { ChatMessage } from '../../../src/chatml/renderChatML';
import { countMessageTokens } from '../../../src/tokens/countTokens';

const exchange = (i: number, words = 100): ChatMessage[] => [
  { role: 'user', content: `Question ${i}: ${'why '.repeat(words)}` },
  { role: 'assistant', content: `Answer ${i}: ${'because '.repeat(words)}` },
];
const conversation = (n: number, words = 100): ChatMessage[] => Array.from({ length: n }, (_, i) => exchange(i, words)).flat();
const cost = (messages: readonly ChatMessage[]): number => messages.reduce((t, m) => t + countMessageTokens(m.content), 0);
const startsWith = (longer: readonly ChatMessage[], shorter: readonly ChatMessage[]): boolean => shorter.every((m, i) => longer[i] === m);

describe('trimHistory', () => {
  it('keeps every turn while they fit', () => {
    const history = conversation(5);
    const trimmed = trimHistory(history, cost(history));
    assert.equal(trimmed.dropped, 0);
    assert.equal(trimmed.tokens, cost(history));
  });

  it('on overflow drops a large block at once, down to about half the room, keeping the first exchange', () => {
    const room = cost(conversation(10));
    const trimmed = trimHistory(conversation(11), room);
    assert.ok(trimmed.tokens <= room / 2 && trimmed.tokens > room / 3, `${trimmed.tokens} of ${room}`);
    assert.ok(trimmed.dropped >= 8, `${trimmed.dropped} messages dropped`);
    assert.equal(trimmed.messages[0].content, conversation(1)[0].content, 'the first question stays');
    assert.equal(trimmed.messages.at(-1)?.content, conversation(11).at(-1)?.content, 'the newest turn stays');
    assert.ok(trimmed.messages.every((m, i) => m.role === (i % 2 === 0 ? 'user' : 'assistant')), 'questions keep their answers');
  });

  it('does not keep a first exchange that would take much of the room', () => {
    const history = [...exchange(0, 2000), ...conversation(12).slice(2)];
    const trimmed = trimHistory(history, cost(conversation(10)));
    assert.notEqual(trimmed.messages[0].content, history[0].content);
  });

  it('turn after turn, the history sent mostly extends the one sent before (rarely a new start)', () => {
    const room = cost(conversation(10));
    const changes = (policy = BLOCK_TRIM): number => {
      let previous: ChatMessage[] = [];
      let changed = 0;
      const all = conversation(40);
      for (let turn = 1; turn <= 40; turn++) {
        const kept = trimHistory(all.slice(0, turn * 2), room, policy).messages;
        if (!startsWith(kept, previous)) changed++;
        previous = kept;
      }
      return changed;
    };
    assert.ok(changes() <= 6, `block trimming changed the start ${changes()} times in 40 turns`);
    assert.ok(changes({ keepShare: 1, pinFirstShare: 0 }) >= 25, 'a one-turn sliding window changes it nearly every turn');
  });
});
