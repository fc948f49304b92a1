// A turn's own context (definitions, mentions) must not move where older history is cut: the cut decides the
// prompt's start, and a start that moves every turn makes the server read the whole history again each time.
import * as assert from 'node:assert/strict';
import type { ChatMessage } from '../../../src/chatml/renderChatML';
import type { GatheredContext } from '../../../src/context/EditorContext';
import { fitToBudget } from '../../../src/budget/fitToBudget';
import type { Mention } from '../../../src/context/mentions/Mention';

const exchange = (i: number): ChatMessage[] => [
  { role: 'user', content: `Question ${i}: ${'why '.repeat(900)}` },
  { role: 'assistant', content: `Answer ${i}: ${'because '.repeat(900)}` },
];

/** A selection with `defs` definitions of ~750 tokens each (signatures of ~370 with `longSignatures`), as Explain sends them. */
function contextWith(defs: number, longSignatures = false): GatheredContext {
  const body = Array.from({ length: 150 }, (_, i) => `  total += values[${i}] * weight;`).join('\n');
  return {
    relativePath: 'src/stats.ts', languageId: 'typescript', focusKind: 'selection', selection: 'average(xs)', startLine: 0, endLine: 0, before: [], after: [], diagnostics: [],
    definitions: Array.from({ length: defs }, (_, i) => ({ name: `helper${i}`, relativePath: `src/lib${i}.ts`, languageId: 'typescript', startLine: 0, endLine: 151, text: `export function helper${i}(values: number[], weight: number): number {\n${body}\n}`, signature: `export function helper${i}(values: number[], weight: number${longSignatures ? ', a: number'.repeat(80) : ''}): number`, rank: 0 as const, signatureOnly: false })),
  };
}

/** A file of ~3K tokens the user @-mentioned. */
const MENTION: Mention = { kind: 'file', relativePath: 'src/big.ts', languageId: 'typescript', startLine: 0, endLine: 299, text: Array.from({ length: 300 }, (_, i) => `export const value${i} = compute(${i}, 'x');`).join('\n') };

/** How many follow-ups start differently from the prompt before them (each a full re-read for the server). */
function newStarts(contextOf: (turn: number) => GatheredContext | undefined, mentionsOf: (turn: number) => Mention[] = () => []): { misses: number; allSent: boolean } {
  let history: ChatMessage[] = [];
  let previous: ChatMessage[] | undefined;
  let misses = 0;
  let allSent = true;
  for (let turn = 0; turn < 24; turn++) {
    const fitted = fitToBudget({ system: 'You are Phi-4.', history, question: `Question ${turn}`, context: contextOf(turn), mentions: mentionsOf(turn) }, { contextWindow: 16384, maxAnswerTokens: 2048 });
    const sentHistory = fitted.messages.slice(1, -1);
    if (previous && !previous.every((m, i) => sentHistory[i] === m)) misses++;
    if (fitted.items.some((item) => (item.kind === 'definition' || item.kind === 'mention') && item.status === 'omitted')) allSent = false;
    previous = sentHistory;
    history = [...history, ...exchange(turn)];
  }
  return { misses, allSent };
}

describe('where history is cut', () => {
  it('stays put when turns alternate between no context and ~3K tokens of definitions', () => {
    const plain = newStarts(() => undefined);
    const mixed = newStarts((turn) => (turn % 2 === 0 ? contextWith(4) : undefined));
    assert.ok(mixed.misses <= plain.misses + 1, `${mixed.misses} new starts with definitions every other turn, ${plain.misses} without`);
    assert.ok(mixed.misses <= 6, `${mixed.misses} of 23 follow-ups start anew`);
    assert.ok(mixed.allSent, 'every definition still reached the prompt, whole or as a signature');
  });

  it('stays put when every other turn @-mentions a ~3K-token file', () => {
    const plain = newStarts(() => undefined);
    const mixed = newStarts(() => undefined, (turn) => (turn % 2 === 0 ? [MENTION] : []));
    assert.ok(mixed.misses <= plain.misses + 1, `${mixed.misses} new starts with a mention every other turn, ${plain.misses} without`);
    assert.ok(mixed.allSent, 'every mention reached the prompt');
  });

  it('shortens definitions to signatures before any older history goes', () => {
    let history: ChatMessage[] = [];
    for (let turn = 0; turn < 5; turn++) history = [...history, ...exchange(turn)];
    const fitted = fitToBudget({ system: 'You are Phi-4.', history, question: 'Explain', context: contextWith(10) }, { contextWindow: 16384, maxAnswerTokens: 2048 });
    const statuses = fitted.items.filter((item) => item.kind === 'definition').map((item) => item.status);
    assert.ok(statuses.includes('shortened') && !statuses.includes('omitted'), statuses.join(' '));
    assert.equal(fitted.dropped.historyMessages, 0);
  });

  it('then lets a block of older history go rather than leave a definition out', () => {
    let history: ChatMessage[] = [];
    for (let turn = 0; turn < 5; turn++) history = [...history, ...exchange(turn)];
    const fitted = fitToBudget({ system: 'You are Phi-4.', history, question: 'Explain', context: contextWith(16, true) }, { contextWindow: 16384, maxAnswerTokens: 2048 });
    const omitted = fitted.items.filter((item) => item.kind === 'definition' && item.status === 'omitted');
    assert.equal(omitted.length, 0, 'no definition left out while older history could go');
    assert.ok(fitted.dropped.historyMessages > 0, 'older history made the room');
  });
});
