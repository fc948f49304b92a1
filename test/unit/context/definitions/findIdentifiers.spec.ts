import * as assert from 'node:assert/strict';
import { findIdentifiers } from '../../../../src/context/definitions/findIdentifiers';

const roles = (code: string): string[] => findIdentifiers(code, 0, 0).map((u) => `${u.name}:${u.role}`);

describe('findIdentifiers', () => {
  it('tells calls, types, members and plain values apart, keywords and literals ignored', () => {
    const code = 'const s = new Store(cfg) as Cache<Item>;\n// helper(x)\nconst label = "format(y)";\nreturn s.get(id).name + total(values);';
    assert.deepEqual(roles(code), ['s:value', 'Store:call', 'cfg:value', 'Cache:type', 'Item:type', 'label:value', 'get:member', 'id:value', 'name:member', 'total:call', 'values:value']);
  });

  it('reports document positions, offset by where the focus code starts', () => {
    const uses = findIdentifiers('a(b)\n  c.d', 10, 4);
    assert.deepEqual(uses.map((u) => [u.name, u.line, u.character]), [['a', 10, 4], ['b', 10, 6], ['c', 11, 2], ['d', 11, 4]]);
  });

  it('sees generic calls, annotations and switch cases over union members', () => {
    assert.deepEqual(roles('function f(p: Shape): number { switch (p.kind) { case Kind.Circle: return identity<number>(1); } }'), [
      'f:call', 'p:value', 'Shape:type', 'kind:member', 'Kind:value', 'Circle:member', 'identity:call',
    ]);
  });

  it('skips # comments only where the language uses them, and names each identifier once per role', () => {
    assert.deepEqual(roles('x = go(x) # helper(x)'), ['x:value', 'go:call', 'helper:call']);
    assert.deepEqual(findIdentifiers('x = go(x) # helper(x)', 0, 0, { hashComments: true }).map((u) => u.name), ['x', 'go']);
  });
});
