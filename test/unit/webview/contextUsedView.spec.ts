// The "Context used" line under a question (jsdom): summary, list for screen readers, openable ranges.
import * as assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { ContextItem } from '../../../src/protocol/contextItems';
import { contextSummary, contextUsedView } from '../../../src/webview/contextUsedView';

const items: ContextItem[] = [
  { kind: 'selection', label: 'src/a.ts:10-12', path: 'src/a.ts', startLine: 9, endLine: 11, tokens: 40, status: 'sent' },
  { kind: 'definition', label: 'src/lib.ts:5-30', path: 'src/lib.ts', startLine: 4, endLine: 29, tokens: 1200, status: 'shortened', note: '`helper`, the whole declaration did not fit: sent as its signature' },
  { kind: 'history', label: '2 older exchange(s)', tokens: 0, status: 'omitted', note: 'left out: no room left in the context window' },
];

describe('contextUsedView', () => {
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  const g = globalThis as { document?: Document };
  before(() => (g.document = dom.window.document));
  after(() => delete g.document);

  it('sums what was sent in the collapsed line and counts what was left out', () => {
    assert.equal(contextSummary(items), 'Context: 2 items · 1,240 tokens · 1 left out');
  });

  it('is a collapsed list with every item, its kind, tokens, and what was shortened or left out and why', () => {
    const view = contextUsedView(items);
    assert.equal(view.tagName, 'DETAILS');
    assert.equal((view as HTMLDetailsElement).open, false);
    const rows = Array.from(view.querySelectorAll('ul > li')).map((li) => li.textContent);
    assert.deepEqual(rows, [
      'src/a.ts:10-12 · selection · 40 tokens',
      'src/lib.ts:5-30 · definition · 1,200 tokens, shortened`helper`, the whole declaration did not fit: sent as its signature',
      '2 older exchange(s) · history · left outleft out: no room left in the context window',
    ]);
    assert.equal(view.querySelector('ul')?.getAttribute('aria-label'), 'Context used for this question');
  });

  it('makes file ranges buttons that carry the range to open; what was left out is not a link', () => {
    const buttons = Array.from(contextUsedView(items).querySelectorAll<HTMLButtonElement>('button[data-context-path]'));
    assert.deepEqual(buttons.map((b) => [b.dataset.contextPath, b.dataset.contextStart, b.dataset.contextEnd]), [['src/a.ts', '9', '11'], ['src/lib.ts', '4', '29']]);
  });
});
