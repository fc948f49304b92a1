// "Write Doc Comment" on a declaration that already has one replaces it; anything that is not clearly a doc
// comment (a // note, a license block, code) is left alone, since replacing it would lose the user's text.
import * as assert from 'node:assert/strict';
import { findDocComment, findDocstring } from '../../../src/fix/findDocComment';

describe('findDocComment', () => {
  it('finds a JSDoc block above a function, over its decorators', () => {
    const lines = ['import x from "x";', '', '/**', ' * Old text.', ' */', '@memo', 'export function area() {}'];
    assert.deepEqual(findDocComment(lines, 6, 'typescript'), { start: 2, end: 4 });
    assert.deepEqual(findDocComment(['  /** Area. */', '  area() {}'], 1, 'typescript'), { start: 0, end: 0 });
  });

  it('finds /// lines in Rust and C#, and // lines in Go', () => {
    assert.deepEqual(findDocComment(['fn a() {}', '/// Adds.', '/// More.', '#[inline]', 'fn add() {}'], 4, 'rust'), { start: 1, end: 2 });
    assert.deepEqual(findDocComment(['/// <summary>Adds.</summary>', '[Pure]', 'int Add() {}'], 2, 'csharp'), { start: 0, end: 0 });
    assert.deepEqual(findDocComment(['// Add adds.', 'func Add() {}'], 1, 'go'), { start: 0, end: 0 });
  });

  it('keeps Go directives, which are instructions to the toolchain, out of the replaced comment', () => {
    assert.deepEqual(findDocComment(['// Data is the embedded file.', '//go:embed data.txt', 'var data string'], 2, 'go'), { start: 0, end: 0 });
    assert.equal(findDocComment(['//go:generate stringer -type=Kind', 'type Kind int'], 1, 'go'), undefined);
  });

  it('treats /*! as documentation only in C and C++ (elsewhere it marks a licence minifiers keep)', () => {
    assert.equal(findDocComment(['/*! MIT licence */', 'function a() {}'], 1, 'javascript'), undefined);
    assert.deepEqual(findDocComment(['/*! Adds. */', 'int add();'], 1, 'cpp'), { start: 0, end: 0 });
  });

  it('leaves a // note, a plain /* */ block and trailing code alone', () => {
    assert.equal(findDocComment(['// eslint-disable-next-line no-console', 'function log() {}'], 1, 'typescript'), undefined);
    assert.equal(findDocComment(['/*', ' * Copyright 2026', ' */', 'function a() {}'], 3, 'javascript'), undefined);
    assert.equal(findDocComment(['call(); /* done */', 'function a() {}'], 1, 'javascript'), undefined);
    assert.equal(findDocComment(['function a() {}'], 0, 'typescript'), undefined);
  });
});

describe('findDocstring', () => {
  it('finds a one-line and a multi-line docstring first in the body', () => {
    assert.deepEqual(findDocstring(['def a():', '    """Old."""', '    return 1'], 1), { start: 1, end: 1 });
    assert.deepEqual(findDocstring(['def a():', '', "    r'''Old", '    text.', "    '''", '    return 1'], 1), { start: 2, end: 4 });
  });

  it('finds none when the body starts with code', () => {
    assert.equal(findDocstring(['def a():', '    return """x"""'], 1), undefined);
  });
});
