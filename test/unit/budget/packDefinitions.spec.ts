// The one packer with definitions: what is kept whole, shortened to a signature or left out, and that every decision is reported.
import * as assert from 'node:assert/strict';
import { fitToBudget, type PromptParts } from '../../../src/budget/fitToBudget';
import type { ContextDefinition } from '../../../src/context/definitions/ContextDefinition';
import { gatherContext } from '../../../src/context/gatherContext';

function def(name: string, bodyLines: number, rank: ContextDefinition['rank'] = 0): ContextDefinition {
  const body = Array.from({ length: bodyLines }, (_, i) => `  const step${i} = transform(${i}, "${name} body text that costs tokens");`);
  const text = [`export function ${name}(input: string): number {`, ...body, '  return 0;', '}'].join('\n');
  return { name, relativePath: `lib/${name}.ts`, languageId: 'typescript', startLine: 9, endLine: 9 + bodyLines + 2, text, signature: `export function ${name}(input: string): number {\n  …`, rank, signatureOnly: false };
}

function parts(defs: ContextDefinition[], history = 0): PromptParts {
  const text = 'const a = 1;\nconst result = alpha(a) + beta(a);\nconst z = 2;\n';
  const start = text.indexOf('const result');
  const context = gatherContext({ text, languageId: 'typescript', relativePath: 'src/main.ts', selectionStart: start, selectionEnd: text.indexOf('\nconst z'), diagnostics: [] });
  const turns = Array.from({ length: history }, (_, i) => ({ role: i % 2 === 0 ? ('user' as const) : ('assistant' as const), content: `turn ${i} `.repeat(150) }));
  return { system: 'You are helpful.', history: turns, question: 'Explain this.', context: { ...context, definitions: defs } };
}

const userOf = (p: ReturnType<typeof fitToBudget>): string => p.messages[p.messages.length - 1].content;

describe('fitToBudget with definitions', () => {
  it('sends each definition whole in the user turn, fenced under its path and lines, never in the system message', () => {
    const fitted = fitToBudget(parts([def('alpha', 5), def('beta', 5, 1)]), { contextWindow: 16384, maxAnswerTokens: 1024 });
    const user = userOf(fitted);
    assert.ok(user.includes('Definition of `alpha` from `lib/alpha.ts` (lines 10–17):\n```typescript\nexport function alpha'));
    assert.ok(user.indexOf('`alpha`') < user.indexOf('`beta`'), 'rank order');
    assert.equal(fitted.messages[0].content, 'You are helpful.');
    assert.deepEqual(fitted.items.filter((i) => i.kind === 'definition').map((i) => [i.label, i.status]), [['lib/alpha.ts:10-17', 'sent'], ['lib/beta.ts:10-17', 'sent']]);
  });

  it('shortens what does not fit to its signature, leaves out what not even that fits, and says so', () => {
    const fitted = fitToBudget(parts([def('alpha', 10), def('beta', 400), def('gamma', 400)]), { contextWindow: 4096, maxAnswerTokens: 1024 });
    const user = userOf(fitted);
    assert.ok(user.includes('step9 = transform(9, "alpha'), 'the first definition whole');
    assert.ok(user.includes('Definition of `beta` from `lib/beta.ts` (lines 10–412, signature only)'));
    assert.ok(!user.includes('beta body text'));
    const report = fitted.items.filter((i) => i.kind === 'definition').map((i) => i.status);
    assert.deepEqual(report.slice(0, 2), ['sent', 'shortened']);
    assert.ok(fitted.promptTokens <= fitted.available);
  });

  it('reports a definition it had no room for at all as left out, with the reason', () => {
    const withRoom = fitToBudget(parts([def('alpha', 3)]), { contextWindow: 1024, maxAnswerTokens: 512 });
    assert.equal(withRoom.items.find((i) => i.kind === 'definition')?.status, 'sent');
    // The longest question that still fits leaves no room for even the signature.
    let tight = withRoom;
    for (let n = 50; n < 400; n++) {
      try {
        tight = fitToBudget({ ...parts([def('alpha', 3)]), question: 'Explain this. '.repeat(n) }, { contextWindow: 1024, maxAnswerTokens: 512 });
      } catch {
        break;
      }
    }
    const left = tight.items.find((i) => i.kind === 'definition');
    assert.equal(left?.status, 'omitted');
    assert.match(left?.note ?? '', /no room left/);
    assert.ok(!userOf(tight).includes('Definition of'));
  });

  it('shortens definitions to signatures before it drops an earlier exchange, and re-sends kept turns unchanged', () => {
    const p = parts([def('alpha', 60)], 2);
    const roomy = fitToBudget(p, { contextWindow: 8192, maxAnswerTokens: 512 });
    assert.equal(roomy.dropped.historyMessages, 0);
    assert.ok(userOf(roomy).includes('alpha body text'));
    // A window where the whole definition and the history do not both fit, but its signature and the history do.
    let window = 2048;
    let fitted = fitToBudget(p, { contextWindow: window, maxAnswerTokens: 512 });
    while (fitted.dropped.historyMessages > 0 && window < 8192) fitted = fitToBudget(p, { contextWindow: (window += 64), maxAnswerTokens: 512 });
    assert.equal(fitted.dropped.historyMessages, 0);
    assert.ok(!userOf(fitted).includes('alpha body text'), 'the definition gave way first');
    assert.deepEqual(fitted.messages.slice(1, 3), p.history);
  });
});

describe('fitToBudget with mentions', () => {
  const mention = (lines: number, reduced = true) => ({
    kind: 'file' as const,
    relativePath: 'src/big.ts',
    languageId: 'typescript',
    startLine: 0,
    endLine: lines - 1,
    text: Array.from({ length: lines }, (_, i) => `export const item${i} = "mentioned file content ${i}";`).join('\n'),
    reduced: reduced ? { text: 'Outline (…):\n- function main (lines 1–9)', note: 'too large to send whole: sent as its outline and its start (lines 1–80 of 2000)', promptNote: 'too large to send whole: sent as its outline and its start (lines 1–80 of 2000)' } : undefined,
  });

  it('packs an explicit mention before any definition, and a file too large as its outline, saying so', () => {
    const p = { ...parts([def('alpha', 200)]), mentions: [mention(20)] };
    const fitted = fitToBudget(p, { contextWindow: 4096, maxAnswerTokens: 1024 });
    const user = userOf(fitted);
    assert.ok(user.indexOf('File `src/big.ts` (lines 1–20) mentioned by the user') < user.indexOf('Definition of `alpha`'));
    const big = fitToBudget({ ...parts([]), mentions: [mention(2000)] }, { contextWindow: 4096, maxAnswerTokens: 1024 });
    assert.ok(userOf(big).includes('File `src/big.ts` mentioned by the user (too large to send whole: sent as its outline and its start'));
    const item = big.items.find((i) => i.kind === 'mention');
    assert.equal(item?.status, 'shortened');
    assert.match(item?.note ?? '', /outline/);
  });

  it('sends mentions with no code selected at all', () => {
    const fitted = fitToBudget({ system: 'S', history: [], question: 'What is in it?', mentions: [mention(3, false)] }, { contextWindow: 4096, maxAnswerTokens: 1024 });
    assert.ok(userOf(fitted).startsWith('File `src/big.ts` (lines 1–3) mentioned by the user:\n```typescript\nexport const item0'));
    assert.ok(userOf(fitted).endsWith('What is in it?'));
  });
});
