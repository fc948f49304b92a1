// Turns what the budget left out and what the server reported into sentences for the user.
import * as l10n from '@vscode/l10n';
import type { FittedPrompt } from '../budget/fitToBudget';
import { promptWasTruncated, type AnswerStats } from '../ollama/AnswerStats';

/** `sharedPrefix`: prompt tokens shared with our previous request to the model (see promptWasTruncated). */
export function requestNotes(fitted: FittedPrompt | undefined, stats: AnswerStats | undefined, sharedPrefix = 0, ollama = true): string[] {
  const notes: string[] = [];
  if (fitted) {
    const { historyMessages, linesBefore, linesAfter } = fitted.dropped;
    if (historyMessages > 0) notes.push(l10n.t('{0} earlier exchange(s) left out to fit the context window.', Math.max(1, Math.ceil(historyMessages / 2))));
    if (linesBefore + linesAfter > 0) notes.push(l10n.t('{0} line(s) of surrounding code left out to fit the context window ({1} above, {2} below).', linesBefore + linesAfter, linesBefore, linesAfter));
    // What the user added explicitly is worth a sentence of its own when it did not go whole.
    for (const item of fitted.items ?? []) {
      if (item.kind !== 'mention') continue;
      if (item.status === 'omitted') notes.push(l10n.t('{0} (which you added) was left out: there was no room left in the context window.', item.label));
      else if (item.status === 'shortened') notes.push(l10n.t('{0} (which you added) was {1}.', item.label, item.note ?? l10n.t('shortened to fit the context window')));
    }
  }
  if (fitted && stats && promptWasTruncated(fitted.promptTokens, stats, sharedPrefix)) {
    const [read, sent] = [String(stats.promptEvalCount), fitted.promptTokens];
    notes.push(
      ollama
        ? l10n.t("Ollama read only {0} of the {1} prompt tokens sent — it cut the start of the prompt, so this answer may lack context. Lower phi4.contextWindow or check the model's context length.", read, sent)
        : l10n.t("The server read only {0} of the {1} prompt tokens sent — it cut the start of the prompt, so this answer may lack context. Lower phi4.contextWindow or check the model's context length.", read, sent),
    );
  }
  if (stats?.doneReason === 'length') notes.push(l10n.t('The answer hit the phi4.maxAnswerTokens limit and may be cut off.'));
  return notes;
}
