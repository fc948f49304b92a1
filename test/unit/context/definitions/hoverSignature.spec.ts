// Which definitions take their signature from the language server's hover, and what is taken from it.
import * as assert from 'node:assert/strict';
import type { ContextDefinition } from '../../../../src/context/definitions/ContextDefinition';
import { signatureOf } from '../../../../src/context/definitions/cutDeclaration';
import { signatureFromHover, wantsHoverSignature } from '../../../../src/context/definitions/hoverSignature';

const def = (text: string, signatureOnly: boolean): ContextDefinition => ({ name: 'f', relativePath: 'src/a.ts', languageId: 'typescript', startLine: 0, endLine: 0, text, signature: signatureOf(text), rank: 0, signatureOnly });

describe('hover signatures', () => {
  it('library functions and methods ask the hover; workspace code that cuts cleanly and containers do not', () => {
    assert.ok(wantsHoverSignature(def('export declare function parse(text: string): Doc;', true)));
    assert.ok(wantsHoverSignature(def('  get(id: string): Item | undefined;', true)));
    assert.ok(!wantsHoverSignature(def('export function total(xs: number[]): number {\n  return 0;\n}', false)), 'its text cut says it all');
    assert.ok(!wantsHoverSignature(def('export declare interface Doc {\n  title: string;\n}', true)), 'member lines say more than a hover');
    assert.ok(!wantsHoverSignature(def('export declare const VERSION: string;', true)));
  });

  it('a head too long for the text cut asks the hover, even in the workspace', () => {
    const text = ['export function configure(', ...Array.from({ length: 10 }, (_, i) => `  option${i}: string,`), '): void {', '  return;', '}'].join('\n');
    assert.ok(wantsHoverSignature(def(text, false)));
  });

  it("takes the hover's first code block, with the language server's own wording", () => {
    const parts = ['```typescript\nfunction parse(text: string): Doc (+1 overload)\n```', 'Parses a document.'];
    assert.equal(signatureFromHover(parts), 'function parse(text: string): Doc (+1 overload)');
    assert.equal(signatureFromHover(['Just prose.']), undefined);
    assert.equal(signatureFromHover([`\`\`\`ts\n${'x'.repeat(2000)}\n\`\`\``]), undefined, 'a type expanded in full is not a signature');
  });
});
