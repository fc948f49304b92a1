// Webview rendering in plain Node with jsdom: streamed rendering equals one final render, and hostile
// model output never yields an executable element, handler or URL.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import { createMarkdown } from '../../../src/webview/markdown/createMarkdown';
import { IncrementalMarkdown, renderMarkdownOnce } from '../../../src/webview/markdown/IncrementalMarkdown';
import { highlightedNodes } from '../../../src/webview/markdown/highlightInto';
import { previewFragment } from '../../../src/webview/markdown/previewFragment';
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

/** Streams `text` in chunks; `onState` sees the box after every render, with the text received so far. */
function streamed(text: string, chunkSizes: (i: number) => number, onState?: (box: HTMLElement, received: string) => void): { box: HTMLElement; states: number } {
  const box = document.createElement('div');
  const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
  let states = 0;
  for (let i = 0, n = 0; i < text.length; n++) {
    const size = Math.max(1, chunkSizes(n));
    renderer.append(text.slice(i, i + size));
    renderer.render();
    states++;
    i += size;
    onState?.(box, text.slice(0, i));
  }
  renderer.finish();
  return { box, states };
}

// Whitespace between blocks differs (markdown-it puts newlines between tags); the characters must not.
const visibleText = (box: HTMLElement): string => (box.textContent ?? '').replace(/\s+/g, '');

/** Tags and text of a rendered tree, without highlight.js's colouring spans and inter-block whitespace. */
function structure(node: Node): string {
  if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, '');
  const children = Array.from(node.childNodes).map(structure).join('');
  const element = node as Element;
  if (!element.tagName || (element.tagName === 'SPAN' && /\b(hljs|language)-/.test(element.className))) return children;
  const cls = (element.getAttribute('class') ?? '').replace(/\bhljs\b/, '').trim();
  return `<${element.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${element.getAttribute('href') ? ` ${element.getAttribute('href')}` : ''}>${children}</>`;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const FIXTURES: [string, string][] = [
  ['mixed markdown', read('mixed.md')],
  ['code fence split inside the fence marker', 'Intro\n\n``' + '`js\nconst a = 1;\n``' + '`\n\nAfter the fence.\n'],
  ['nested lists', '- a\n  - b\n    - c\n  - d\n- e\n\n1. one\n2. two\n   1. two.one\n'],
  ['lists and quotes ended by what follows a blank line', '- a\n- b\n\nAfter the list.\n\n> quote\n\n## After the quote\n\n- c\n\n- d, now loose\n\n  continued\n\n1. one\n\n2) two\n\n`code` after\n'],
  ['table then paragraph', '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\ntext after\n'],
  ['setext heading decided by the next line', 'Title\n=====\n\nSub\n---\n\n- item\n-\n'],
  ['CRLF and lone CR line endings', 'Intro line\r\n\r\n- one\r\n- two\r\n\r\n```js\r\nconst a = 1;\r\n```\r\n\rOld Mac\rline endings\r\r~~~\rcode\r~~~\r\rThe end.\r'],
  ['code inside a list item and a quote', 'Steps:\n\n1. Install:\n   ```sh\n   npm i\n   ```\n2. Run it\n\n> Quoted code:\n> ```js\n> run();\n> ```\n\nDone, see <https://example.com> & **more**  \nhard break.\n'],
  [
    'long code blocks with lines that look like fences',
    'Intro:\n\n```ts\nconst a = 1;\n\n\tindented();\n  ~~~ tildes\n ``inner`` ticks\n   ```not closing\n````\nlast();\n ```\n\n````md\n```js\nnested();\n```\n````\n\n~~~\n```\n~~~~\nafter\n',
  ],
  ['xss payloads', read('xss-payloads.txt')],
];

describe('incremental markdown rendering', () => {
  for (const [name, text] of FIXTURES) {
    it(`${name}: streamed DOM equals the final render for several chunkings`, () => {
      const reference = once(text);
      const expected = reference.innerHTML;
      assert.ok(expected.length > 0);
      // Finished prose stays as the streaming builder drew it, so it must be the very same DOM: same
      // markup, and node for node (no split text nodes, same line breaks between tags).
      const same = (box: HTMLElement): void => {
        assert.equal(box.innerHTML, expected);
        assert.ok(box.isEqualNode(reference), 'same nodes as one render');
      };
      // One character per chunk is the harshest split; the big fixtures use token-sized and random splits
      // only, so the suite stays fast (every split re-renders the open block in jsdom).
      const small = text.length < 2500;
      if (small) same(streamed(text, () => 1).box);
      same(streamed(text, (n) => (small ? 1 + (n % 7) : 4 + (n % 13))).box);
      const rnd = seeded(42);
      same(streamed(text, () => 1 + Math.floor(rnd() * (small ? 40 : 120))).box);
    });
  }

  for (const [name, text] of FIXTURES.filter(([n]) => n !== 'xss payloads')) {
    it(`${name}: while streaming, the view shows exactly the text of the answer so far`, function () {
      // Thousands of intermediate states, each rendered twice: seconds on a busy machine, not a hang.
      this.timeout(60_000);
      // The block being written is a quick preview, but it must never show more, less or other text than
      // the final renderer would for the same text (raw markup, dropped words, a list marker as text).
      const rnd = seeded(7);
      let checked = 0;
      streamed(text, () => 1 + Math.floor(rnd() * 4), (box, received) => {
        assert.equal(visibleText(box), visibleText(once(received)), `after ${JSON.stringify(received.slice(-40))}`);
        checked++;
      });
      assert.ok(checked >= text.length / 4, 'many intermediate states were checked');
    });
  }

  it('renders a finished block once and never rebuilds it, so text can be selected while the answer streams', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    const long = `${'A long first paragraph that the model wrote. '.repeat(100)}\n\n`;
    renderer.append(`${long}Second paragraph is being written`);
    renderer.render();
    const second = box.querySelectorAll('p')[1];
    // Plain words extend the paragraph being written in place.
    renderer.append(' and it goes on');
    renderer.render();
    assert.equal(box.querySelectorAll('p')[1], second, 'plain text extended the open paragraph without rebuilding it');
    assert.equal(second.textContent, 'Second paragraph is being written and it goes on');
    // Once the next block begins, the first is final: rendered by the final renderer, then left alone.
    renderer.append(' with **bold** text,\nline after line.\n\nThird.');
    renderer.render();
    const first = box.querySelector('p');
    assert.equal(box.querySelectorAll('p')[1].querySelector('strong')?.textContent, 'bold', 'markup redraws the open block');
    renderer.append(' More of the third, and **more**.\n\nFourth.');
    renderer.render();
    renderer.finish();
    assert.equal(box.querySelector('p'), first, 'the finished first paragraph was never rebuilt');
    assert.equal(box.innerHTML, once(renderer.source).innerHTML);
  });

  it('keeps the elements of the block being written when it is redrawn, so a selection in it survives', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    renderer.append('- first item with `code`\n- second');
    renderer.render();
    const [list, first] = [box.querySelector('ul'), box.querySelector('li')];
    renderer.append(' item with **bold**\n- third');
    assert.equal(renderer.render(), 'redrawn', 'markup and a new item make it redraw');
    assert.equal(box.querySelector('ul'), list, 'the same list element');
    assert.equal(box.querySelector('li'), first, 'the unchanged first item was not rebuilt');
    assert.equal(box.querySelectorAll('li')[1].querySelector('strong')?.textContent, 'bold');
    assert.equal(box.querySelectorAll('li').length, 3);
  });

  it('appends plain words at once but leaves a redraw for later when told to wait', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    renderer.append('Some words');
    renderer.render();
    renderer.append(' and more words');
    assert.equal(renderer.render(false), 'current', 'plain words need no redraw');
    assert.equal(box.textContent?.trim(), 'Some words and more words');
    renderer.append(' with **bold** text');
    assert.equal(renderer.render(false), 'waiting', 'markup needs a redraw, which was not allowed');
    assert.equal(box.textContent?.trim(), 'Some words and more words with', 'the words before the markup show, the markup is not half-drawn');
    assert.equal(renderer.render(false), 'waiting', 'still waiting, nothing more to show');
    assert.equal(box.textContent?.trim(), 'Some words and more words with');
    assert.equal(renderer.render(true), 'redrawn');
    assert.equal(box.querySelector('strong')?.textContent, 'bold');
    assert.equal(box.textContent?.trim(), 'Some words and more words with bold text');
    assert.equal(renderer.render(true), 'current', 'nothing left to do');
  });

  for (const [name, text] of FIXTURES.filter(([n]) => n !== 'xss payloads')) {
    it(`${name}: while a redraw waits, the view shows the answer up to its first new markup, as rendering that much would`, () => {
      const box = document.createElement('div');
      const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
      const rnd = seeded(11);
      let received = '';
      let redrawnAt = 0;
      let waited = 0;
      const rendered = new Map<number, string>();
      const renderedUpTo = (end: number): string => {
        if (!rendered.has(end)) rendered.set(end, visibleText(once(text.slice(0, end))));
        return rendered.get(end)!;
      };
      while (received.length < text.length) {
        const chunk = text.slice(received.length, received.length + 1 + Math.floor(rnd() * 6));
        received += chunk;
        renderer.append(chunk);
        // Mostly frames that may not redraw, as while the model streams faster than redraws are allowed.
        const outcome = renderer.render(rnd() < 0.2);
        if (outcome === 'redrawn') redrawnAt = received.length;
        if (outcome !== 'waiting') continue;
        waited++;
        // Whatever is on screen renders a prefix of the answer, at least what the last redraw had — never raw
        // or half-drawn markup. (The text since that redraw is short: its ends are tried in turn.)
        const shown = visibleText(box);
        let end = redrawnAt;
        while (end < received.length && renderedUpTo(end) !== shown) end++;
        assert.equal(shown, renderedUpTo(end), `after ${JSON.stringify(received.slice(-40))}`);
      }
      renderer.finish();
      assert.equal(box.innerHTML, once(text).innerHTML);
      assert.ok(waited >= text.length / 10, `many waiting states were checked (${waited})`);
    });
  }

  it('shows each new line of a code block as it arrives, without redrawing it, until a line may close it', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    renderer.append('Here:\n\n```ts\n');
    renderer.render();
    const code = box.querySelector('code');
    let source = 'Here:\n\n```ts\n';
    for (let i = 0; i < 50; i++) {
      const line = `${i % 7 === 3 ? '' : '  '.repeat(i % 3)}call(${i}); // \`quoted\` ~${i}\n`;
      for (const chunk of [line.slice(0, 5), line.slice(5)]) {
        renderer.append(chunk);
        source += chunk;
        assert.equal(renderer.render(false), 'current', `no redraw needed after ${JSON.stringify(source.slice(-30))}`);
        assert.equal(box.querySelector('code'), code, 'the same code element, extended');
        assert.equal(code?.textContent, once(source).querySelector('code')?.textContent);
      }
    }
    // A line that begins like a fence may close the block: that takes a redraw.
    renderer.append('``');
    assert.equal(renderer.render(false), 'waiting');
    renderer.append('`\nAfter.');
    assert.equal(renderer.render(true), 'redrawn');
    renderer.finish();
    assert.equal(box.innerHTML, once(renderer.source).innerHTML);
    // Code in a list or quote carries the container's markers on each line, so it still redraws per line.
    const nested = new IncrementalMarkdown(md, document.createElement('div'), sanitize, hooks);
    nested.append('> ```ts\n> one();\n');
    nested.render();
    nested.append('> two();\n');
    assert.equal(nested.render(false), 'waiting');
  });

  it('keeps the number an ordered list starts at, streamed and rendered once', () => {
    const text = 'Then:\n\n3. third step\n4. fourth step\n';
    assert.equal(once(text).querySelector('ol')?.getAttribute('start'), '3');
    assert.equal(streamed(text, () => 3).box.querySelector('ol')?.getAttribute('start'), '3');
  });

  it('takes letters typed after a fence opened in a quote or list as its language, not as code', () => {
    for (const opening of ['> ```j', '- ```j', '```j']) {
      const box = document.createElement('div');
      const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
      renderer.append(opening);
      renderer.render();
      renderer.append('s');
      renderer.render();
      assert.equal(box.querySelector('.code-lang')?.textContent, 'js', opening);
      assert.equal(box.querySelector('code')?.textContent, '', opening);
    }
  });

  it('draws the block being written with the same elements as the final render', () => {
    for (const [name, text] of FIXTURES) {
      const preview = previewFragment(md, md.parse(text, {}), document);
      assert.ok(preview, name);
      decorateCodeBlocks(preview.fragment);
      const box = document.createElement('div');
      box.appendChild(preview.fragment);
      assert.equal(structure(box), structure(once(text)), name);
    }
  });

  it('highlights a code block as soon as it is closed, while the answer goes on', () => {
    const box = document.createElement('div');
    const renderer = new IncrementalMarkdown(md, box, sanitize, hooks);
    renderer.append('```typescript\nconst x: number = 1;\n');
    renderer.render();
    assert.equal(box.querySelector('code')?.textContent, 'const x: number = 1;\n', 'the code shows while it is written');
    assert.ok(box.querySelector('.code-block [data-code-action="copy"]'), 'with its toolbar');
    renderer.append('```\n\nThen some prose');
    renderer.render();
    assert.ok(box.querySelector('.code-block pre code .hljs-keyword'), 'highlighted once closed');
  });

  it('reads only the markup highlight.js writes when highlighting in place; anything else leaves the code plain', () => {
    const box = document.createElement('div');
    box.appendChild(highlightedNodes('<span class="hljs-keyword">const</span> a &lt; b &amp;&amp; <span class="hljs-title function_">f</span>(&quot;x&#x27;&quot;)', document)!);
    assert.equal(box.textContent, `const a < b && f("x'")`);
    assert.deepEqual([...box.querySelectorAll('span')].map((s) => s.className), ['hljs-keyword', 'hljs-title function_']);
    for (const hostile of ['<img src=x onerror="alert(1)">', '<span class="a" onclick="alert(1)">x</span>', '<span class="a">x', 'x</span>', '<script>alert(1)</script>', '<span class="a"><b>x</b></span>']) {
      assert.equal(highlightedNodes(hostile, document), undefined, hostile);
    }
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

  /**
   * decorateCodeBlocks' own Copy / Insert / Replace buttons, told apart by where they sit, not by their
   * attributes: model output may carry any attribute, but never a <div> or <button> (neither is allowed).
   */
  const isOurToolbarButton = (e: Element): boolean =>
    e.tagName === 'BUTTON' && e.parentElement?.className === 'code-toolbar' && e.parentElement.parentElement?.className === 'code-block';

  function assertInert(box: HTMLElement, payload: string): void {
    for (const tag of FORBIDDEN_TAGS) {
      const found = [...box.querySelectorAll(tag)].filter((e) => !isOurToolbarButton(e));
      assert.equal(found.length, 0, `<${tag}> survived: ${payload}`);
    }
    for (const element of box.querySelectorAll('*')) {
      for (const attr of element.getAttributeNames()) {
        assert.ok(!attr.toLowerCase().startsWith('on'), `handler ${attr} survived: ${payload}`);
        // data-action, data-code-action and data-conversation become pull, insert and delete requests when clicked.
        assert.ok(!attr.toLowerCase().startsWith('data-') || (attr === 'data-code-action' && isOurToolbarButton(element)), `${attr} survived: ${payload}`);
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
      // Every intermediate state too: the block being written is drawn by the preview, not the final renderer.
      assertInert(streamed(payload, () => 3, (box) => assertInert(box, payload)).box, payload);
    }
    assertInert(once(payloads.join('\n')), 'all payloads together');
  });

  it('the sanitizer alone makes each payload inert, as if markdown-it had let its raw HTML through', () => {
    for (const payload of payloads) {
      const box = document.createElement('div');
      box.appendChild(sanitize(payload));
      assertInert(box, payload);
    }
  });

  it('strips the data attributes the view acts on when clicked, keeping the element and its text', () => {
    const box = document.createElement('div');
    box.appendChild(sanitize('<p data-conversation="c1" class="delete">Delete</p><span data-action="pullModel">Pull</span><a href="https://ok.example" data-code-action="insert">Insert</a><code data-x="1">x</code>'));
    assert.equal(box.querySelectorAll('[data-conversation], [data-action], [data-code-action], [data-x]').length, 0, box.innerHTML);
    assert.equal(box.textContent, 'DeletePullInsertx');
    assert.equal(box.querySelector('a')?.getAttribute('href'), 'https://ok.example');
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
