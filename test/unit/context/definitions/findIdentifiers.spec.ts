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

  it('looks up a same-named member once per receiver, so users.find and orders.find are both found', () => {
    const members = (code: string): string[] => findIdentifiers(code, 0, 0).filter((u) => u.role === 'member').map((u) => `${u.receiver}.${u.name}@${u.character}`);
    assert.deepEqual(members('users.find(a) + orders.find(b)'), ['users.find@6', 'orders.find@23']);
    assert.deepEqual(members('store.get(x); cache.get(y); store.get(z)'), ['store.get@6', 'cache.get@20']);
    assert.deepEqual(members('createStore<T>().get(id); this.repo?.items.get(k)'), ['createStore<T>().get@17', 'this.repo@31', 'this.repo.items@37', 'this.repo?.items.get@43']);
  });

  it('marks names the focus code declares itself, and leaves their later uses out', () => {
    const code = [
      'export function task(total: number, rate?: Rate, done) {',
      '  const config = loadConfig();',
      '  const user: User = parse(raw);',
      '  if (ready) list.forEach((item) => use(item, config, total));',
      '}',
    ].join('\n');
    const found = findIdentifiers(code, 0, 0).map((u) => `${u.name}:${u.role}${u.declared ? `:${u.declared}` : ''}`);
    assert.deepEqual(found, [
      'task:call:declaration', 'total:value:annotated', 'rate:value:annotated', 'Rate:type', 'done:value:inferred',
      'config:value:inferred', 'loadConfig:call', 'user:value:annotated', 'User:type', 'parse:call', 'raw:value',
      'ready:value', 'list:value', 'forEach:member', 'item:value:inferred', 'use:call',
    ]);
  });
});
