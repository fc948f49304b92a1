// Highlights a code block already on screen, in place: highlight.js's output is read by a parser that
// knows only what highlight.js writes — `<span class="…">`, `</span>` and text with its five escapes — and
// builds those nodes with DOM calls. Nothing else can come out of it (anything unexpected leaves the code
// plain), so no general HTML parser or sanitizer pass is needed, and the nodes equal what the canonical
// path (markdown-it's fence HTML through DOMPurify) makes of the same output.
import { highlightCode } from './highlightCode';

const PIECE = /<span class="([\w -]+)">|<\/span>|[^<]+/y;
const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** Highlights `code` (a `<code class="language-…">` holding plain text) when its language is known. */
export function highlightInto(code: HTMLElement): void {
  const lang = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1];
  if (!lang) return;
  const html = highlightCode(code.textContent ?? '', lang);
  const nodes = html ? highlightedNodes(html, code.ownerDocument) : undefined;
  if (nodes) code.replaceChildren(nodes);
}

/** The nodes highlight.js's output stands for, or undefined if it holds anything else. */
export function highlightedNodes(html: string, doc: Document): DocumentFragment | undefined {
  const fragment = doc.createDocumentFragment();
  const stack: Node[] = [fragment];
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < html.length) {
    const match = PIECE.exec(html);
    if (!match) return undefined;
    const parent = stack[stack.length - 1];
    if (match[1] !== undefined) {
      const span = doc.createElement('span');
      span.className = match[1];
      stack.push(parent.appendChild(span));
    } else if (match[0] === '</span>') {
      if (stack.length === 1) return undefined;
      stack.pop();
    } else {
      parent.appendChild(doc.createTextNode(match[0].replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (e) => ESCAPES[e])));
    }
  }
  return stack.length === 1 ? fragment : undefined;
}
