import * as assert from 'node:assert/strict';
import { cutDeclaration, signatureOf, WHOLE_CONTAINER_LINES } from '../../../../src/context/definitions/cutDeclaration';
import { MAX_MEMBER_LINES } from '../../../../src/context/definitions/memberOutline';
import type { DeclarationSymbol } from '../../../../src/context/definitions/DeclarationSymbol';

const sym = (name: string, kind: DeclarationSymbol['kind'], startLine: number, endLine: number, children: DeclarationSymbol[] = []): DeclarationSymbol => ({ name, kind, startLine, endLine, children });

describe('cutDeclaration', () => {
  const big = WHOLE_CONTAINER_LINES + 20;
  const symbols = [
    sym('helper', 'function', 0, 5, [sym('local', 'variable', 1, 1)]),
    sym('Big', 'class', 10, 10 + big, [sym('constructor', 'constructor', 11, 13), sym('run', 'method', 20, 24)]),
    sym('Small', 'class', 80, 90, [sym('go', 'method', 82, 84)]),
    sym('COLORS', 'constant', 100, 104, [sym('red', 'property', 101, 101)]),
    sym('Kind', 'enum', 110, 113, [sym('A', 'enumMember', 111, 111)]),
  ];

  it('takes a whole function, not the local the position falls in', () => {
    assert.deepEqual(cutDeclaration(symbols, 0), { startLine: 0, endLine: 5 });
    assert.deepEqual(cutDeclaration(symbols, 1), { startLine: 0, endLine: 5 });
  });

  it('takes one method of a long class under its header, and a short class whole', () => {
    assert.deepEqual(cutDeclaration(symbols, 20), { startLine: 20, endLine: 24, container: { startLine: 10, endLine: 10 + big } });
    assert.deepEqual(cutDeclaration(symbols, 82), { startLine: 80, endLine: 90 });
  });

  it('cuts a long class reached as a whole (new X()) to its header and constructor', () => {
    assert.deepEqual(cutDeclaration(symbols, 10), { startLine: 11, endLine: 13, container: { startLine: 10, endLine: 10 + big } });
  });

  it('sends the whole const object or enum a member belongs to', () => {
    assert.deepEqual(cutDeclaration(symbols, 101), { startLine: 100, endLine: 104 });
    assert.deepEqual(cutDeclaration(symbols, 111), { startLine: 110, endLine: 113 });
  });

  it('falls back to the range the language server gave when no symbol contains the line', () => {
    assert.deepEqual(cutDeclaration(symbols, 200, { startLine: 199, endLine: 203 }), { startLine: 199, endLine: 203 });
    assert.deepEqual(cutDeclaration([], 7), { startLine: 7, endLine: 7 });
  });
});

describe('signatureOf', () => {
  it('keeps the head up to the body and marks the rest as left out', () => {
    assert.equal(signatureOf('export function total(\n  xs: number[],\n): number {\n  return 0;\n}'), 'export function total(\n  xs: number[],\n): number {\n  …');
    assert.equal(signatureOf('def f(x):\n    return x'), 'def f(x):\n  …');
  });

  it('leaves a declaration without a body as it is', () => {
    assert.equal(signatureOf('export type Id = string;'), 'export type Id = string;');
  });
});

describe('signatureOf for containers', () => {
  it('an interface keeps its members, an object-typed member without its body', () => {
    const text = ['export interface Store {', '  /** The item, if any. */', '  get(id: string): Item | undefined;', '  options: {', '    ttl: number;', '  };', '  readonly size: number;', '}'].join('\n');
    assert.equal(signatureOf(text), ['export interface Store {', '  get(id: string): Item | undefined;', '  options: { … }', '  readonly size: number;', '}'].join('\n'));
  });

  it('a class keeps its fields and method declarations, never the method bodies', () => {
    const text = [
      'export class Cart extends Base {',
      '  private items: Item[] = [];',
      '  constructor(',
      '    private readonly tax: number,',
      '  ) {',
      '    super();',
      '  }',
      '  add(item: Item): void {',
      "    if (item.price < 0) throw new Error('{ not a brace }');",
      '    this.items.push(item);',
      '  }',
      '  total = (): number => {',
      '    return 0;',
      '  };',
      '}',
    ].join('\n');
    assert.equal(
      signatureOf(text),
      ['export class Cart extends Base {', '  private items: Item[] = [];', '  constructor(', '    private readonly tax: number,', '  ) { … }', '  add(item: Item): void { … }', '  total = (): number => { … }', '}'].join('\n'),
    );
  });

  it('an enum keeps its members; past the budget one ellipsis stands for the rest and the closing brace stays', () => {
    const text = ['enum Colour {', ...Array.from({ length: 60 }, (_, i) => `  C${i} = ${i},`), '}'].join('\n');
    const signature = signatureOf(text).split('\n');
    assert.equal(signature.length, 1 + MAX_MEMBER_LINES + 2);
    assert.deepEqual(signature.slice(-3), ['  C39 = 39,', '  …', '}']);
  });

  it('a Python class keeps its attributes and def lines, each ending in an ellipsis', () => {
    const text = ['class Repo(Base):', '    """Stores things."""', '    name: str = "repo"', '', '    def get(', '        self, key', '    ):', '        return self.d[key]', '', '    async def put(self, key, value):', '        self.d[key] = value'].join('\n');
    assert.equal(signatureOf(text), ['class Repo(Base):', '    name: str = "repo"', '    def get(', '        self, key', '    ): …', '    async def put(self, key, value): …'].join('\n'));
  });

  it('a function whose parameter is named like a keyword is still cut as a function', () => {
    assert.equal(signatureOf('function f(object: X) {\n  return 1;\n}'), 'function f(object: X) {\n  …');
  });
});
