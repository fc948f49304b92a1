// Webview rendering in plain Node with jsdom: streamed rendering equals one final render, and hostile
// model output never yields an executable element, handler or URL.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { createMarkdown } from '../../../src/webview/markdown/createMarkdown';
import { IncrementalMarkdown, renderMarkdownOnce } from '../../../src/webview/markdown/IncrementalMarkdown';
import { createSanitizer } from '../../../src/webview/markdown/sanitize';
import { decorateCodeBlocks } from '../../../src/webview/decorateCodeBlocks';

const fixtures = path.join(__dirname, '../../../../test/fixtures/markdown');
const read = (name: string): string => fs.readFileSync(path.join(fixtures, name), 'utf8');

const dom = new JSDOM('<!DOCTYPE html><body></body>');
const { document } = dom.window;
const md = createMarkdown();
const sanitize = createSanitizer(dom.window as unknown as Window);
const hooks = { decorate: decorateCodeBlocks };

function once(text: string): HTMLElement {
  const box = document.createElement('div');
  renderMarkdownOnce(md, box, sanitize, hooks, text);
  return box;
}

function streamed(text: string, chunkSizes: (i: number) => number): { box: HTMLElement; states: number } {
  const box = document.createElement('div');
  const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
  let states = 0;
  for (let i = 0, n = 0; i < text.length; n++) {
    const size = Math.max(1, chunkSizes(n));
    renderer.append(text.slice(i, i + size));
    renderer.render();
    states++;
    i += size;
  }
  renderer.finish();
  return { box, states };
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const FIXTURES: [string, string][] = [
  ['mixed markdown', read('mixed.md')],
  ['code fence split inside the fence marker', 'Intro\n\n``' + '`js\nconst a = 1;\n``' + '`\n\nAfter the fence.\n'],
  ['nested lists', '- a\n  - b\n    - c\n  - d\n- e\n\n1. one\n2. two\n   1. two.one\n'],
  ['table then paragraph', '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\ntext after\n'],
  ['setext heading decided by the next line', 'Title\n=====\n\nSub\n---\n\n- item\n-\n'],
  ['xss payloads', read('xss-payloads.txt')],
];

describe('incremental markdown rendering', () => {
  for (const [name, text] of FIXTURES) {
    it(`${name}: streamed DOM equals the final render for several chunkings`, () => {
      const expected = once(text).innerHTML;
      assert.ok(expected.length > 0);
      // One character per chunk is the harshest split; the big fixtures use token-sized and random splits
      // only, so the suite stays fast (every split re-renders the open block in jsdom).
      const small = text.length < 2500;
      if (small) assert.equal(streamed(text, () => 1).box.innerHTML, expected);
      assert.equal(streamed(text, (n) => (small ? 1 + (n % 7) : 4 + (n % 13))).box.innerHTML, expected);
      const rnd = seeded(42);
      assert.equal(streamed(text, () => 1 + Math.floor(rnd() * (small ? 40 : 120))).box.innerHTML, expected);
    });
  }

  it('commits finished blocks instead of re-rendering them', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    renderer.append('First paragraph.\n\n');
    renderer.render();
    renderer.append('Second paragraph.\n\nThird is still being written');
    renderer.render();
    const [first, second] = box.querySelectorAll('p');
    renderer.append(' and now it continues,\nline after line.\n\nFourth.');
    renderer.render();
    const after = box.querySelectorAll('p');
    assert.equal(after[0], first, 'the first paragraph, final once the second began, was kept');
    assert.notEqual(after[1], second, 'the second was re-rendered once more when it became final');
    renderer.append(' More of the fourth.');
    renderer.render();
    const later = box.querySelectorAll('p');
    assert.deepEqual([later[0], later[1], later[2]], [after[0], after[1], after[2]], 'final blocks are never rebuilt');
    assert.equal(later.length, 4);
  });

  it('highlights code and adds Copy / Insert / Replace buttons', () => {
    const box = once('```typescript\nconst x: number = 1;\n```\n');
    assert.ok(box.querySelector('.code-block pre code .hljs-keyword'), 'keyword highlighted');
    const actions = [...box.querySelectorAll<HTMLElement>('[data-code-action]')].map((b) => b.dataset.codeAction);
    assert.deepEqual(actions, ['copy', 'insert', 'replace']);
    assert.equal(box.querySelector('code')?.textContent, 'const x: number = 1;\n');
  });
});

describe('hostile model output', () => {
  const SAFE_URL = /^(https?:|mailto:|#)/i;
  const FORBIDDEN_TAGS = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'style', 'link', 'meta', 'form', 'input', 'button', 'base', 'details', 'body'];

  function assertInert(box: HTMLElement, payload: string): void {
    for (const tag of FORBIDDEN_TAGS) {
      // Our own toolbar buttons are the only buttons allowed.
      const found = [...box.querySelectorAll(tag)].filter((e) => !(e as HTMLElement).dataset?.codeAction);
      assert.equal(found.length, 0, `<${tag}> survived: ${payload}`);
    }
    for (const element of box.querySelectorAll('*')) {
      for (const attr of element.getAttributeNames()) {
        assert.ok(!attr.toLowerCase().startsWith('on'), `handler ${attr} survived: ${payload}`);
        assert.ok(!['src', 'srcset', 'style', 'action', 'formaction', 'xlink:href'].includes(attr), `${attr} survived: ${payload}`);
      }
      const href = element.getAttribute('href');
      if (href !== null) assert.ok(SAFE_URL.test(href), `unsafe href ${href}: ${payload}`);
    }
  }

  const payloads = read('xss-payloads.txt').split('\n').filter((l) => l.trim());
  it(`renders each of ${payloads.length} payloads inert, alone and streamed`, () => {
    for (const payload of payloads) {
      assertInert(once(payload), payload);
      assertInert(streamed(payload, () => 3).box, payload);
    }
    assertInert(once(payloads.join('\n')), 'all payloads together');
  });

  it('shows the payload text instead of dropping it, so the user sees what the model wrote', () => {
    const box = once('<script>window.__pwned=1</script>');
    assert.match(box.textContent ?? '', /<script>window\.__pwned=1<\/script>/);
  });

  it('keeps http links clickable and turns images into links that are never fetched', () => {
    const box = once('[docs](https://example.com/docs) ![diagram](https://example.com/d.png)');
    const links = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    assert.deepEqual(links, ['https://example.com/docs', 'https://example.com/d.png']);
    assert.equal(box.querySelectorAll('img').length, 0);
  });
});
