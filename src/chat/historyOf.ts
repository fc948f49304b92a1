// Earlier turns of a conversation as model messages.
import type { ChatMessage } from '../chatml/renderChatML';
import type { TurnView } from '../protocol/messages';

/**
 * Question-and-answer pairs in order, each question as it was sent (with its code context); answers that
 * failed with nothing written are left out.
 */
export function historyOf(turns: readonly TurnView[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  // Each question pairs with the answer right after it: a turn file set aside as damaged, or a question
  // answered twice, must not shift every later pair.
  for (let i = 0; i + 1 < turns.length; i++) {
    const [q, a] = [turns[i], turns[i + 1]];
    if (q.role !== 'user' || a.role !== 'assistant' || a.text.trim() === '') continue;
    out.push({ role: 'user', content: q.sent ?? q.text }, { role: 'assistant', content: a.text });
  }
  return out;
}
