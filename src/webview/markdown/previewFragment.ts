// Builds the DOM for parsed markdown straight from markdown-it's tokens with DOM calls — no HTML string
// is ever parsed, so no markup from the model can come alive, and no sanitizer pass is needed for text
// that is redrawn many times a second. The nodes are exactly those the canonical path (markdown-it HTML
// through DOMPurify) produces, down to the line-break text nodes between tags, once text nodes are
// merged (`Node.normalize()`); the tests hold the two paths to that. Code is drawn plain here; it is
// highlighted once its block is final (highlightInto).
import { imageAsLink, markLink, type Markdown } from './createMarkdown';
import { SAFE_LINK } from './safeLink';

export type Token = ReturnType<Markdown['parse']>[number];

export interface Preview {
  readonly fragment: DocumentFragment;
  /** For each top-level block token, the index of its first node among the fragment's children. */
  readonly blockStarts: readonly number[];
  /**
   * The text node that ends the preview, when new plain text at the end of the source would simply
   * extend it (the last thing drawn is prose or code text); `prose` says whether the block trims
   * trailing spaces.
   */
  readonly tail: { readonly node: Text; readonly prose: boolean } | undefined;
  /** The top-level blocks (indexes into blockStarts) that hold a code block, so only those are searched for one. */
  readonly codeBlocks: readonly number[];
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

/** The DOM of parsed markdown, or undefined when it holds something only the canonical renderer draws. */
export function previewFragment(md: Markdown, tokens: readonly Token[], doc: Document): Preview | undefined {
  const fragment = doc.createDocumentFragment();
  const stack: Node[] = [fragment];
  const top = (): Node => stack[stack.length - 1];
  const blockStarts: number[] = [];
  const codeBlocks: number[] = [];
  let tail: Preview['tail'];

  const text = (parent: Node, content: string): Text => parent.appendChild(doc.createTextNode(content));

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level === 0 && token.nesting >= 0) blockStarts.push(fragment.childNodes.length);
    if (token.hidden) continue; // the paragraph inside a tight list item: its text goes straight into <li>
    if (token.nesting === -1) {
      // Closing a block keeps the tail: text appended to the source still lands inside that block.
      stack.pop();
      text(top(), '\n');
      continue;
    }
    // markdown-it's renderToken puts a line break before a block tag that follows the text of a tight list
    // item (code blocks have their own rules, which do not).
    if (token.block && token.type !== 'fence' && token.type !== 'code_block' && followsHiddenClose(tokens, i)) text(top(), '\n');
    tail = undefined;
    const tag = token.type === 'heading_open' ? (token.tag as keyof HTMLElementTagNameMap) : BLOCK_TAGS[token.type];
    if (tag) {
      const element = doc.createElement(tag);
      const start = token.attrGet('start');
      if (tag === 'ol' && start !== null) element.setAttribute('start', String(start));
      top().appendChild(element);
      stack.push(element);
      if (breaksAfterOpening(tokens, i)) text(element, '\n');
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
        const parent = top();
        const pre = parent.appendChild(doc.createElement('pre'));
        const code = pre.appendChild(doc.createElement('code'));
        const lang = token.type === 'fence' ? md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] : '';
        if (lang) code.className = `language-${lang}`;
        tail = { node: text(code, token.content), prose: false };
        text(parent, '\n');
        if (codeBlocks[codeBlocks.length - 1] !== blockStarts.length - 1) codeBlocks.push(blockStarts.length - 1);
        break;
      }
      case 'hr':
        top().appendChild(doc.createElement('hr'));
        text(top(), '\n');
        break;
      default:
        return undefined;
    }
  }
  return { fragment, blockStarts, tail, codeBlocks };
}

/** As markdown-it's renderToken: does the block token at `i` come right after a hidden closing token? */
function followsHiddenClose(tokens: readonly Token[], i: number): boolean {
  let prev = i - 1;
  while (prev >= 0 && tokens[prev].hidden && tokens[prev].nesting === 0) prev--;
  return prev >= 0 && tokens[prev].hidden && tokens[prev].nesting === -1;
}

/** As markdown-it's renderToken: an opening block tag is followed by a line break unless text or its own end comes next. */
function breaksAfterOpening(tokens: readonly Token[], i: number): boolean {
  let next = i + 1;
  while (next < tokens.length && tokens[next].hidden && tokens[next].nesting === 0) next++;
  if (next >= tokens.length) return true;
  const following = tokens[next];
  if (following.type === 'inline' || following.hidden) return false;
  return !(following.nesting === -1 && following.tag === tokens[i].tag);
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
        top().appendChild(doc.createTextNode('\n'));
        break;
      case 'code_inline':
        top().appendChild(doc.createElement('code')).textContent = token.content;
        break;
      case 'link_open': {
        markLink(token);
        const a = doc.createElement('a');
        // In the final renderer's attribute order, so both paths give the same markup.
        for (const [name, value] of token.attrs ?? []) {
          if (name !== 'href' || SAFE_LINK.test(String(value).trim())) a.setAttribute(name, String(value));
        }
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
