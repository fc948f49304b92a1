// Doc comments: placed above the declaration (a Python docstring first in its body), and only the comment
// is kept when the model repeats the declaration.
import * as assert from 'node:assert/strict';
import { keepDocComment, placeDocComment } from '../../../src/fix/placeDocComment';

describe('placeDocComment', () => {
  it('goes above the declaration, at its indentation', () => {
    const lines = ['class A {', '  area(w, h) {', '    return w * h;', '  }', '}'];
    assert.deepEqual(placeDocComment(lines, 1, 'typescript', '  '), { line: 1, indent: '  ', inside: false });
  });

  it('in Python, goes first in the body, after decorators and a header over several lines', () => {
    const lines = ['@cache', 'def area(', '    w,', '    h):', '\treturn w * h'];
    assert.deepEqual(placeDocComment(lines, 0, 'python', '    '), { line: 4, indent: '\t', inside: true });
  });

  it('in Python, a header closed by a bracket at its own depth still finds its body', () => {
    assert.deepEqual(placeDocComment(['def area(', '    w,', '):', '    return w'], 0, 'python', '    '), { line: 3, indent: '    ', inside: true });
  });

  it('in Python, a function whose body shares its header line has no place for a docstring (not the next function)', () => {
    assert.equal(placeDocComment(['def a(): return 1', 'def b():', "    '''B.'''", '    return 2'], 0, 'python', '    '), undefined);
    assert.equal(placeDocComment(['def a(): return 1', 'x = 1'], 0, 'python', '    '), undefined);
    assert.equal(placeDocComment(['def a(): return 1'], 0, 'python', '    '), undefined);
  });

  it('in Python, a body that is not deeper yet gets one indent unit more than the header', () => {
    assert.deepEqual(placeDocComment(['def area(w, h): # todo'], 0, 'python', '    '), { line: 1, indent: '    ', inside: true });
  });
});

describe('keepDocComment', () => {
  it('drops the declaration the model wrote after the comment', () => {
    const code = '/**\n * Area of a rectangle.\n */\nexport function area(w: number, h: number): number {\n  return w * h;\n}';
    assert.equal(keepDocComment(code, 'export function area(w: number, h: number): number {', false), '/**\n * Area of a rectangle.\n */');
  });

  it('keeps a lone comment as it is', () => {
    assert.equal(keepDocComment('/** Area. */', 'function area() {', false), '/** Area. */');
  });

  it('takes only the docstring from a whole Python function', () => {
    const code = 'def area(w, h):\n    """Area of a rectangle.\n\n    Returns w times h.\n    """\n    return w * h';
    assert.equal(keepDocComment(code, 'def area(w, h):', true), '    """Area of a rectangle.\n\n    Returns w times h.\n    """');
    assert.equal(keepDocComment("'''Area.'''", 'def area(w, h):', true), "'''Area.'''");
  });
});
