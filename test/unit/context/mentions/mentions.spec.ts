// The pure parts of @-mentions: what is never sent, what is warned about, fuzzy file matching, large files.
import * as assert from 'node:assert/strict';
import { looksLikeSecret, unsendableReason } from '../../../../src/context/mentions/fileChecks';
import { fuzzyFilter } from '../../../../src/context/mentions/fuzzyMatch';
import { needsReduction, reduceFile, WINDOW_TOKENS } from '../../../../src/context/mentions/reduceFile';
import { countTokens } from '../../../../src/tokens/countTokens';

describe('mention file checks', () => {
  it('never sends binary or minified content', () => {
    assert.match(unsendableReason('PNG\0\0data') ?? '', /binary/);
    assert.match(unsendableReason(`ok\n${'x'.repeat(1001)}\n`) ?? '', /minified/);
    assert.equal(unsendableReason(`ok\n${'x'.repeat(1000)}\n`), undefined);
  });

  it('asks before files that usually hold secrets, not before ordinary code', () => {
    for (const p of ['.env', 'app/.env.local', 'certs/server.pem', 'home/.ssh/id_rsa', 'id_ed25519', 'deploy/credentials', 'secrets.yaml', '.npmrc']) assert.ok(looksLikeSecret(p), p);
    for (const p of ['src/env.ts', 'README.md', 'src/keys.ts', 'environment.py']) assert.ok(!looksLikeSecret(p), p);
  });
});

describe('fuzzyFilter', () => {
  const files = ['src/host/ChatController.ts', 'src/chat/ChatSession.ts', 'test/unit/chat/ChatSession.spec.ts', 'README.md', 'src/budget/fitToBudget.ts'];

  it('matches letters in order, name matches and short paths first', () => {
    assert.deepEqual(fuzzyFilter(files, 'chses').slice(0, 2), ['src/chat/ChatSession.ts', 'test/unit/chat/ChatSession.spec.ts']);
    assert.equal(fuzzyFilter(files, 'ftb')[0], 'src/budget/fitToBudget.ts');
    assert.deepEqual(fuzzyFilter(files, 'zzz'), []);
  });
});

describe('reduceFile', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
  const symbols = [
    { name: 'Store', kind: 'class' as const, startLine: 10, endLine: 400, children: [{ name: 'load', kind: 'method' as const, startLine: 600, endLine: 620, children: [] }] },
    { name: 'helper', kind: 'function' as const, startLine: 700, endLine: 720, children: [] },
  ];

  it('sends the outline and the part around the symbol the question names, and says so', () => {
    const reduced = reduceFile(lines, symbols, 'Why does helper return early?');
    assert.ok(reduced.text.startsWith('Outline (1000 lines):\n- class Store (lines 11–401)\n  - method load (lines 601–621)\n- function helper (lines 701–721)'));
    assert.ok(reduced.text.includes('line 700') && !reduced.text.includes('line 500\n'));
    assert.match(reduced.note, /outline and the part around `helper` \(lines 681–760 of 1000\)/);
  });

  it('without a named symbol, the part around the anchor, else the start', () => {
    assert.match(reduceFile(lines, symbols, 'what is this?').note, /its start \(lines 1–80/);
    assert.match(reduceFile(lines, [], 'what is this?', 500).note, /around the selection \(lines 481–560/);
  });

  it('a short file of long lines is reduced too, and its part stays within the window tokens around the anchor', () => {
    const long = Array.from({ length: 150 }, (_, i) => `const row${i} = [${Array.from({ length: 60 }, (_, j) => `'v${i}_${j}'`).join(', ')}];`);
    assert.ok(long.length < 200 && needsReduction(long), 'under 200 lines but far over the token size');
    assert.ok(!needsReduction(lines.slice(0, 150)), 'a short file of short lines is sent as it is');
    const reduced = reduceFile(long, [], 'what is this?', 100);
    const part = reduced.text.slice(reduced.text.indexOf('\n') + 1);
    assert.ok(countTokens(part) <= WINDOW_TOKENS, `the part holds ${countTokens(part)} tokens`);
    assert.ok(part.includes('const row100 ='), 'the anchor line is in the part');
    assert.match(reduced.note, /around the selection \(lines \d+–\d+ of 150\)/);
  });
});
