// What the model reads never depends on the display language: a translated note in a prompt would mix languages
// and change the prompt's bytes (and so the KV-cache prefix) when the user switches VS Code's language.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import type { Mention } from '../../../src/context/mentions/Mention';
import { reduceFile } from '../../../src/context/mentions/reduceFile';
import { mentionBlock } from '../../../src/prompt/mentionBlock';

const GERMAN = {
  'too large to send whole: sent as its outline and its start (lines {0}–{1} of {2})': 'zu groß: Gliederung und Anfang (Zeilen {0}–{1} von {2})',
};

describe('prompts stay English whatever the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('a shortened mention tells the user in their language and the model in English', () => {
    l10n.config({ contents: GERMAN });
    const lines = Array.from({ length: 300 }, (_, i) => `export const value${i} = ${i};`);
    const reduced = reduceFile(lines, [], 'what is this?');
    assert.equal(reduced.note, 'zu groß: Gliederung und Anfang (Zeilen 1–80 von 300)');
    const mention: Mention = { kind: 'file', relativePath: 'src/big.ts', languageId: 'typescript', startLine: 0, endLine: 299, text: lines.join('\n'), reduced };
    const block = mentionBlock(mention, 'reduced');
    assert.ok(block.startsWith('File `src/big.ts` mentioned by the user (too large to send whole: sent as its outline and its start (lines 1–80 of 300)):'), block.slice(0, 200));
    assert.ok(!block.includes('zu groß'));
  });
});
