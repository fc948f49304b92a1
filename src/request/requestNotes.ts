// Turns what the budget left out and what the server reported into sentences for the user.
import type { FittedPrompt } from '../budget/fitToBudget';
import { promptWasTruncated, type AnswerStats } from '../ollama/AnswerStats';

/** `sharedPrefix`: prompt tokens shared with our previous request to the model (see promptWasTruncated). */
export function requestNotes(fitted: FittedPrompt | undefined, stats: AnswerStats | undefined, sharedPrefix = 0, server = 'Ollama'): string[] {
  const notes: string[] = [];
  if (fitted) {
    const { historyMessages, linesBefore, linesAfter } = fitted.dropped;
    if (historyMessages > 0) notes.push(`${Math.max(1, Math.ceil(historyMessages / 2))} earlier exchange(s) left out to fit the context window.`);
    if (linesBefore + linesAfter > 0) notes.push(`${linesBefore + linesAfter} line(s) of surrounding code left out to fit the context window (${linesBefore} above, ${linesAfter} below).`);
    // What the user added explicitly is worth a sentence of its own when it did not go whole.
    for (const item of fitted.items ?? []) {
      if (item.kind !== 'mention') continue;
      if (item.status === 'omitted') notes.push(`${item.label} (which you added) was left out: there was no room left in the context window.`);
      else if (item.status === 'shortened') notes.push(`${item.label} (which you added) was ${item.note ?? 'shortened to fit the context window'}.`);
    }
  }
  if (fitted && stats && promptWasTruncated(fitted.promptTokens, stats, sharedPrefix)) {
    notes.push(`${server} read only ${stats.promptEvalCount} of the ${fitted.promptTokens} prompt tokens sent — it cut the start of the prompt, so this answer may lack context. Lower phi4.contextWindow or check the model's context length.`);
  }
  if (stats?.doneReason === 'length') notes.push('The answer hit the phi4.maxAnswerTokens limit and may be cut off.');
  return notes;
}
