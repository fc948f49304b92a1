import * as assert from 'node:assert/strict';
import { assembleDefinitions, MAX_WHOLE_LINES, type DefinitionHit } from '../../../../src/context/definitions/assembleDefinitions';

const file = Array.from({ length: 300 }, (_, i) => `line ${i}`);
const hit = (name: string, rank: DefinitionHit['rank'], relativePath: string, cut: DefinitionHit['cut'], signatureOnly = false): DefinitionHit => ({ name, rank, relativePath, languageId: 'typescript', lines: file, cut, signatureOnly });
const focus = { relativePath: 'src/main.ts', startLine: 10, endLine: 12 };

describe('assembleDefinitions', () => {
  it('orders by rank, then by first use, and drops exact duplicates', () => {
    const defs = assembleDefinitions([hit('T', 1, 'a.ts', { startLine: 0, endLine: 2 }), hit('f', 0, 'b.ts', { startLine: 5, endLine: 6 }), hit('f', 0, 'b.ts', { startLine: 5, endLine: 6 }), hit('g', 0, 'c.ts', { startLine: 1, endLine: 1 })], focus);
    assert.deepEqual(defs.map((d) => d.name), ['f', 'g', 'T']);
  });

  it('leaves out the focus code itself and declarations inside another one already taken', () => {
    const defs = assembleDefinitions([hit('local', 0, 'src/main.ts', { startLine: 11, endLine: 11 }), hit('Outer', 1, 'a.ts', { startLine: 0, endLine: 20 }), hit('inner', 0, 'a.ts', { startLine: 5, endLine: 7 }), hit('near', 0, 'src/main.ts', { startLine: 30, endLine: 32 })], focus);
    assert.deepEqual(defs.map((d) => `${d.name}@${d.relativePath}`), ['near@src/main.ts', 'Outer@a.ts']);
    assert.equal(defs[1].rank, 1);
  });

  it('merges members of one long class under its header, with the gaps marked', () => {
    const container = { startLine: 100, endLine: 200 };
    const defs = assembleDefinitions([hit('run', 2, 'k.ts', { startLine: 150, endLine: 151, container }), hit('stop', 2, 'k.ts', { startLine: 120, endLine: 121, container })], focus);
    assert.equal(defs.length, 1);
    assert.equal(defs[0].text, ['line 100', '…', 'line 120', 'line 121', '…', 'line 150', 'line 151', '…', 'line 200'].join('\n'));
    assert.deepEqual([defs[0].startLine, defs[0].endLine], [100, 200]);
  });

  it('sends library code and very long declarations as signatures only', () => {
    const defs = assembleDefinitions([hit('lib', 0, 'node_modules/x/index.d.ts', { startLine: 0, endLine: 3 }, true), hit('huge', 0, 'h.ts', { startLine: 0, endLine: MAX_WHOLE_LINES + 1 }), hit('ok', 0, 'o.ts', { startLine: 0, endLine: 3 })], focus);
    assert.deepEqual(defs.map((d) => d.signatureOnly), [true, true, false]);
  });
});
