// Draws the block still being written straight from markdown-it's tokens with DOM calls — no HTML string
// is ever parsed, so no markup from the model can come alive, and no sanitizer pass is needed for a
// preview that is redrawn many times a second. Once a block is final it is rendered by the canonical
// path (markdown-it HTML through DOMPurify, highlighted), which is what stays on screen.
import { imageAsLink, type Markdown } from './createMarkdown';
import { SAFE_LINK } from './safeLink';

export type Token = ReturnType<Markdown['parse']>[number];

export interface Preview {
  readonly fragment: DocumentFragment;
  /**
   * The text node that ends the preview, when new plain text at the end of the source would simply
   * extend it (the last thing drawn is prose or code text); `prose` says whether the block trims
   * trailing spaces.
   */
  readonly tail: { readonly node: Text; readonly prose: boolean } | undefined;
}

const BLOCK_TAGS: Record<string, keyof HTMLElementTagNameMap> = {
  paragraph_open: 'p',
  bullet_list_open: 'ul',
  ordered_list_open: 'ol',
  list_item_open: 'li',
  blockquote_open: 'blockquote',
  table_open: 'table',
  thead_open: 'thead',
  tbody_open: 'tbody',
  tr_open: 'tr',
  th_open: 'th',
  td_open: 'td',
};

const INLINE_TAGS: Record<string, keyof HTMLElementTagNameMap> = { strong_open: 'strong', em_open: 'em', s_open: 's' };

/** A DOM preview of parsed markdown, or undefined when it holds something only the canonical renderer draws. */
export function previewFragment(md: Markdown, tokens: readonly Token[], doc: Document): Preview | undefined {
  const fragment = doc.createDocumentFragment();
  const stack: Node[] = [fragment];
  const top = (): Node => stack[stack.length - 1];
  let tail: Preview['tail'];

  const text = (parent: Node, content: string): Text => parent.appendChild(doc.createTextNode(content));

  for (const token of tokens) {
    if (token.nesting === -1) {
      // Closing a block keeps the tail: text appended to the source still lands inside that block.
      if (!token.hidden) stack.pop();
      continue;
    }
    tail = undefined;
    const tag = token.type === 'heading_open' ? (token.tag as keyof HTMLElementTagNameMap) : BLOCK_TAGS[token.type];
    if (tag) {
      if (token.hidden) continue; // the paragraph inside a tight list item: its text goes straight into <li>
      const element = doc.createElement(tag);
      const start = token.attrGet('start');
      if (tag === 'ol' && start !== null) element.setAttribute('start', String(start));
      top().appendChild(element);
      stack.push(element);
      continue;
    }
    switch (token.type) {
      case 'inline': {
        const inline = inlineInto(top(), token.children ?? [], doc);
        if (!inline) return undefined;
        tail = inline.tail && { node: inline.tail, prose: true };
        break;
      }
      case 'fence':
      case 'code_block': {
        const pre = top().appendChild(doc.createElement('pre'));
        const code = pre.appendChild(doc.createElement('code'));
        const lang = token.type === 'fence' ? md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] : '';
        if (lang) code.className = `language-${lang}`;
        tail = { node: text(code, token.content), prose: false };
        break;
      }
      case 'hr':
        top().appendChild(doc.createElement('hr'));
        break;
      default:
        return undefined;
    }
  }
  return { fragment, tail };
}

function inlineInto(parent: Node, tokens: readonly Token[], doc: Document): { tail: Text | undefined } | undefined {
  const stack: Node[] = [parent];
  const top = (): Node => stack[stack.length - 1];
  let tail: Text | undefined;
  for (const token of tokens) {
    tail = undefined;
    const tag = INLINE_TAGS[token.type];
    if (tag) {
      stack.push(top().appendChild(doc.createElement(tag)));
      continue;
    }
    switch (token.type) {
      case 'text':
        tail = top().appendChild(doc.createTextNode(token.content));
        break;
      case 'softbreak':
        top().appendChild(doc.createTextNode('\n'));
        break;
      case 'hardbreak':
        top().appendChild(doc.createElement('br'));
        break;
      case 'code_inline':
        top().appendChild(doc.createElement('code')).textContent = token.content;
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        const a = doc.createElement('a');
        a.className = 'md-link';
        a.title = href;
        if (SAFE_LINK.test(href.trim())) a.setAttribute('href', href);
        stack.push(top().appendChild(a));
        break;
      }
      case 'image': {
        const image = imageAsLink(token);
        const element = top().appendChild(doc.createElement(image.href ? 'a' : 'span'));
        element.className = image.className;
        if (image.href) {
          element.setAttribute('href', image.href);
          element.title = image.href;
        }
        element.textContent = image.text;
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      default:
        return undefined;
    }
  }
  // Text typed after inline code, a link or a closed emphasis continues in the block itself.
  if (!tail && stack.length === 1) tail = parent.appendChild(doc.createTextNode(''));
  return { tail };
}
