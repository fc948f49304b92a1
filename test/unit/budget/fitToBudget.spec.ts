import * as assert from 'node:assert/strict';
import { phi4Tokenize } from '../../support/phi4Tokenize';
import { BudgetExceededError, fitToBudget, type PromptParts } from '../../../src/budget/fitToBudget';
import { renderChatML } from '../../../src/chatml/renderChatML';
import { gatherContext } from '../../../src/context/gatherContext';

const realCount = (messages: Parameters<typeof renderChatML>[0]): number => phi4Tokenize(renderChatML(messages)).length;

function bigFile(lines: number): string {
  return Array.from({ length: lines }, (_, i) => `  const value${i} = compute(${i}, "some text to make the line longer");`).join('\n') + '\n';
}

function partsWithSelection(lines = 2000, history = 0): PromptParts {
  const text = bigFile(lines);
  const start = text.indexOf('  const value1000 ');
  const end = text.indexOf('  const value1003 ');
  const context = gatherContext({ text, languageId: 'typescript', relativePath: 'src/a.ts', selectionStart: start, selectionEnd: end, diagnostics: [] }, { surroundingLines: 1000 });
  const turns = Array.from({ length: history }, (_, i) => ({ role: i % 2 === 0 ? ('user' as const) : ('assistant' as const), content: `turn ${i} `.repeat(200) }));
  return { system: 'You are helpful.', history: turns, question: 'Explain this.', context };
}

describe('fitToBudget', () => {
  it('never exceeds the window minus the answer reserve, counted on the real rendered prompt', () => {
    for (const window of [1024, 4096, 16384]) {
      const fitted = fitToBudget(partsWithSelection(2000, 20), { contextWindow: window, maxAnswerTokens: 512 });
      const real = realCount(fitted.messages);
      assert.ok(real <= fitted.available, `window ${window}: ${real} > ${fitted.available}`);
      assert.ok(Math.abs(real - fitted.promptTokens) <= 2, `our count ${fitted.promptTokens} vs real ${real}`);
      // And it uses the space: within 5% of the budget when there is more context than fits.
      assert.ok(real > fitted.available * 0.9, `window ${window}: only ${real} of ${fitted.available} used`);
    }
  });

  it('keeps system, question and selection; trims surroundings nearest-first and reports the dropped lines', () => {
    const parts = partsWithSelection();
    const fitted = fitToBudget(parts, { contextWindow: 2048, maxAnswerTokens: 512 });
    const user = fitted.messages[fitted.messages.length - 1].content;
    assert.equal(fitted.messages[0].content, 'You are helpful.');
    assert.ok(user.includes(parts.context!.selection));
    assert.ok(user.endsWith('Explain this.'));
    assert.ok(user.includes('value999 ') && user.includes('value1003 '), 'nearest lines kept');
    assert.ok(!user.includes('value10 ') && !user.includes('value1990 '), 'far lines dropped');
    const keptLines = (user.match(/const value\d+/g) ?? []).length;
    assert.equal(fitted.dropped.linesBefore + fitted.dropped.linesAfter + keptLines, 2000);
  });

  it('drops the oldest turns first, whole question-answer pairs', () => {
    const fitted = fitToBudget(partsWithSelection(10, 10), { contextWindow: 2500, maxAnswerTokens: 500 });
    assert.ok(fitted.dropped.historyMessages > 0 && fitted.dropped.historyMessages % 2 === 0);
    assert.equal(fitted.messages[1].content.startsWith(`turn ${fitted.dropped.historyMessages} `), true);
    assert.equal(fitted.dropped.linesBefore + fitted.dropped.linesAfter, 0, 'surrounding code outranks old turns');
  });

  it('fits exactly full, and fails one token over with the exact shortfall', () => {
    const parts: PromptParts = { system: 'S', history: [], question: 'Q '.repeat(100) };
    const need = realCount(fitToBudget(parts, { contextWindow: 100000, maxAnswerTokens: 0, margin: 0 }).messages);
    const exact = fitToBudget(parts, { contextWindow: need, maxAnswerTokens: 0, margin: 0 });
    assert.equal(exact.promptTokens, need);
    assert.throws(
      () => fitToBudget(parts, { contextWindow: need - 1, maxAnswerTokens: 0, margin: 0 }),
      (e: unknown) => e instanceof BudgetExceededError && e.required - e.available === 1 && /1 too many/.test(e.message),
    );
  });

  it('reserves at most half the window for the answer, so a long answer limit still leaves room for the question', () => {
    // A 2,048-token model with phi4.maxAnswerTokens 8192: a full reserve would leave a negative budget.
    const fitted = fitToBudget(partsWithSelection(10, 0), { contextWindow: 2048, maxAnswerTokens: 8192 });
    assert.equal(fitted.answerTokens, 1024);
    assert.ok(fitted.promptTokens <= fitted.available && fitted.available === 2048 - 1024 - 32);
    assert.equal(fitToBudget(partsWithSelection(10, 0), { contextWindow: 16384, maxAnswerTokens: 2048 }).answerTokens, 2048, 'a limit under half the window is kept');
  });

  it('refuses a selection larger than the window instead of cutting it', () => {
    const text = bigFile(3000);
    const context = gatherContext({ text, languageId: 'typescript', relativePath: 'a.ts', selectionStart: 0, selectionEnd: text.length, diagnostics: [] });
    assert.throws(() => fitToBudget({ system: 's', history: [], question: 'q', context }, { contextWindow: 16384, maxAnswerTokens: 2048 }), BudgetExceededError);
  });
});
