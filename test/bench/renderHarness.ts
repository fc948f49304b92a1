// Runs in headless chromium (bundled by esbuild): the real incremental renderer against one full render
// and against the naive approach of re-rendering the whole answer for every chunk.
import { decorateCodeBlocks } from '../../src/webview/decorateCodeBlocks';
import { createMarkdown } from '../../src/webview/markdown/createMarkdown';
import { IncrementalMarkdown, renderMarkdownOnce } from '../../src/webview/markdown/IncrementalMarkdown';
import { createSanitizer } from '../../src/webview/markdown/sanitize';

const md = createMarkdown();
const sanitize = createSanitizer(window);
const hooks = { decorate: decorateCodeBlocks };

function box(): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  return el;
}

(window as unknown as { bench: unknown }).bench = {
  once(text: string): number {
    const t = performance.now();
    renderMarkdownOnce(md, box(), sanitize, hooks, text);
    void document.body.offsetHeight; // force layout so it is inside the measurement
    return performance.now() - t;
  },
  incremental(chunks: string[]): number {
    const target = box();
    const t = performance.now();
    const r = new IncrementalMarkdown(md, target, sanitize, hooks);
    for (const c of chunks) {
      r.append(c);
      r.render();
    }
    r.finish();
    void document.body.offsetHeight; // force layout so it is inside the measurement
    return performance.now() - t;
  },
  naive(chunks: string[]): number {
    const target = box();
    const t = performance.now();
    let text = '';
    for (const c of chunks) {
      text += c;
      target.replaceChildren(sanitize(md.render(text)));
      decorateCodeBlocks(target as unknown as DocumentFragment);
    }
    void document.body.offsetHeight; // force layout so it is inside the measurement
    return performance.now() - t;
  },
  nodes(): number {
    return document.getElementsByTagName('*').length;
  },
};
