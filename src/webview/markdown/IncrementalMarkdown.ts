// Renders a streaming answer incrementally. The text is parsed from the start of the first block that
// can still change; that part is built as DOM from markdown-it's tokens and patched onto what is on
// screen, so a frame changes one text node or adds one element. Plain words, and new lines of a code
// block at the margin, are appended to the last text node without parsing at all. A block that can no
// longer change is left as drawn — the builder makes the same nodes as the canonical renderer
// (markdown-it HTML through DOMPurify) — and its code is highlighted in place, once. Work per update is
// proportional to the open block, not to the answer; after finish() the DOM equals rendering the text once.
import type { Markdown } from './createMarkdown';
import { highlightInto } from './highlightInto';
import { patchNodes } from './patchNodes';
import { previewFragment, type Token } from './previewFragment';
import type { Sanitizer } from './sanitize';

export interface RenderHooks {
  /** Adds toolbars to the code blocks in freshly rendered nodes, the same way for streamed and full renders (skipped when there are none). */
  decorate(fragment: DocumentFragment): void;
}

/** Characters that can change how the prose before them renders; anything else extends the last text as is. */
const MARKUP = /[\\`*_[\]()<>!&|~#\n\r\0]/;
/** Inside a code block only a new line can change anything (it may close the fence). */
const LINE_BREAK = /[\n\r\0]/;
/**
 * A line whose text (after any list, quote or heading markers) has begun with a letter: appending plain
 * text cannot turn it into another kind of block. A digit could ("1" + ". " starts a list), so it waits.
 */
const PROSE_LINE = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)]|>|#{1,6})[ \t]+)*[\p{L}"'(]/u;
const FENCE_LINE = /^ {0,3}[`~]/;

/** The text node that new text at the end of the source extends, while that is all the text changes. */
interface Tail {
  readonly node: Text;
  /** Prose trims trailing spaces and stops at markup; code stops at a line break. */
  readonly prose: boolean;
  /**
   * Code of a fence opened at the margin, outside any list or quote: its lines are the source's lines as
   * they are, so new lines extend it too, up to one that could close the fence. A long code block then
   * costs no redraw per line (which would parse all of it again), and its lines show as they arrive.
   */
  readonly verbatim: boolean;
}

export class IncrementalMarkdown {
  private text = '';
  /**
   * The text from the first block that can still change on; everything before it is drawn for good and
   * its nodes are never touched again. Every frame works on this part only, never on the whole answer:
   * slicing a string built by appending copies all of it, which would grow with every frame.
   */
  private open = '';
  /** The nodes drawing the block(s) still being written (the open text); always the container's last. */
  private openNodes: Node[] = [];
  private tail: Tail | undefined;
  private shownEnd = 0; // the tail text node shows the open text up to here
  private dirty = false;

  constructor(
    private readonly md: Markdown,
    private readonly container: HTMLElement,
    private readonly sanitize: Sanitizer,
    private readonly hooks: RenderHooks,
  ) {}

  get source(): string {
    return this.text;
  }

  append(chunk: string): void {
    this.text += chunk;
    this.open += chunk;
    this.dirty = true;
  }

  /**
   * Brings the DOM up to date with the text; call at most once per animation frame. New plain words are
   * appended in place; anything else redraws the open block, unless `mayRedraw` is false: then only the
   * plain words before the first markup are shown, and 'waiting' says a redraw is due for the rest.
   */
  render(mayRedraw = true): 'current' | 'redrawn' | 'waiting' {
    if (!this.dirty || this.extendTail(false)) {
      this.dirty = false;
      return 'current';
    }
    if (!mayRedraw) {
      this.extendTail(true);
      return 'waiting';
    }
    this.dirty = false;
    this.redrawOpen(false);
    return 'redrawn';
  }

  /** The answer is complete: every block is final, and the DOM is what rendering the text once gives. */
  finish(): void {
    this.dirty = false;
    this.redrawOpen(true);
  }

  /**
   * Appends new plain text to the last text node when that is exactly what a full redraw would show, and
   * says whether all of the new text is shown now. With `partly`, the plain text before the first markup
   * goes in even when markup follows: the view then shows the answer up to there, exactly as rendering
   * that much of it would, and the markup waits for the next redraw instead of holding back every word.
   */
  private extendTail(partly: boolean): boolean {
    const tail = this.tail;
    if (!tail) return false;
    const open = this.open;
    const end = tail.verbatim ? fenceCodeEnd(open, this.shownEnd) : plainTextEnd(open, this.shownEnd, tail.prose);
    if (end < open.length && !partly) return false;
    if (end > this.shownEnd) {
      tail.node.appendData(open.slice(this.shownEnd, end));
      this.shownEnd = end;
    }
    return end === open.length;
  }

  /** Redraws what is still open and makes final the blocks that can no longer change (all of them if `complete`). */
  private redrawOpen(complete: boolean): void {
    const source = this.open;
    const tokens = this.md.parse(source, {});
    const preview = previewFragment(this.md, tokens, this.container.ownerDocument);
    this.tail = undefined;
    if (!preview) {
      // Something only the canonical renderer draws: it draws the open part, final blocks and the rest apart.
      const done = complete ? source.length : finishedBlocks(tokens, source, lineStarts(source)).chars;
      const finalPart = this.canonical(source.slice(0, done));
      const openPart = this.canonical(source.slice(done));
      const openNodes = Array.from(openPart.childNodes);
      this.replaceOpen([...Array.from(finalPart.childNodes), ...openNodes]);
      this.openNodes = openNodes;
      this.open = source.slice(done);
      return;
    }

    if (preview.codeBlocks.length > 0) this.hooks.decorate(preview.fragment);
    const patched = patchNodes(this.container, this.openNodes, Array.from(preview.fragment.childNodes), null, preview.tail?.node);
    const starts = preview.blockStarts; // one per top-level block
    const lines = complete ? [] : lineStarts(source);
    const done = complete ? { blocks: starts.length, chars: source.length } : finishedBlocks(tokens, source, lines);
    const firstOpen = done.blocks < starts.length ? starts[done.blocks] : patched.nodes.length;
    this.openNodes = patched.nodes.slice(firstOpen);
    // Code is highlighted once, when its block is final; until then it shows as plain text.
    for (const block of preview.codeBlocks) {
      if (block >= done.blocks) break;
      for (const code of (patched.nodes[starts[block]] as Element).querySelectorAll<HTMLElement>('pre > code')) highlightInto(code);
    }
    // The builder splits text the HTML parser would keep whole: merge it, as the final render has it.
    for (const node of patched.nodes.slice(0, firstOpen)) if (node.nodeType === 1) node.normalize();
    this.open = source.slice(done.chars);
    if (!preview.tail || !patched.tracked || done.blocks >= starts.length) return;
    // The tail may stand for the source's end only if it really shows it (escapes and entities do not).
    const open = this.open;
    const shown = preview.tail.prose ? open.trimEnd() : open;
    // Empty code at the very end stands for the source's end only on a line of its own: on the fence's
    // opening line ("> ```j"), new letters still belong to the language, not to the code.
    const onOpeningLine = !preview.tail.prose && preview.tail.node.data === '' && !/[\n\r]$/.test(open);
    if (shown.endsWith(preview.tail.node.data) && shown.length > 0 && !onOpeningLine) {
      const last = tokens[tokens.length - 1];
      const verbatim = last.type === 'fence' && last.level === 0 && /^[`~]/.test(lineAt(source, lines, last.map![0]));
      this.tail = { node: patched.tracked as Text, prose: preview.tail.prose, verbatim };
      this.shownEnd = shown.length;
    }
  }

  /** Puts `nodes` where the open nodes are (the container's end) and removes those. */
  private replaceOpen(nodes: readonly Node[]): void {
    for (const node of this.openNodes) node.parentNode?.removeChild(node);
    for (const node of nodes) this.container.appendChild(node);
  }

  private canonical(source: string): DocumentFragment {
    return canonicalFragment(this.md, this.sanitize, this.hooks, source);
  }
}

/**
 * Where the plain text from `from` on ends: at the first character that could change how the text before
 * it renders (in code, a line break). Nothing goes in if the line so far could still become another kind
 * of block (a digit may start a list; in code, a blank line may begin a closing fence).
 */
function plainTextEnd(open: string, from: number, prose: boolean): number {
  const markup = open.slice(from).search(prose ? MARKUP : LINE_BREAK);
  const end = markup < 0 ? open.length : from + markup;
  if (end === from) return from;
  const line = open.slice(open.lastIndexOf('\n', from - 1) + 1, from);
  return (prose ? PROSE_LINE.test(line) : line.trim() !== '' && !FENCE_LINE.test(line)) ? end : from;
}

/**
 * Where the code of a verbatim fence (see Tail) can be extended to from `from`: up to the first line that
 * begins like a fence (it may close this one) or a character markdown-it changes (CR, NUL).
 */
function fenceCodeEnd(open: string, from: number): number {
  const odd = open.slice(from).search(/[\r\0]/);
  const limit = odd < 0 ? open.length : from + odd;
  for (let lineStart = open.lastIndexOf('\n', from - 1) + 1; ; ) {
    if (FENCE_LINE.test(open.slice(lineStart, Math.min(lineStart + 4, limit)))) return Math.max(from, lineStart);
    const next = open.indexOf('\n', lineStart);
    if (next < 0 || next >= limit) return limit;
    lineStart = next + 1;
  }
}

/**
 * How many of the top-level blocks at the start of `source` can no longer change, and how many characters
 * they span. A partial last line can only change the block it continues ("Title" + "=" becomes a heading),
 * so blocks before the last one that starts on a complete line are final — and so is that last one when
 * nothing can extend it: a closed code fence, a heading or a rule whose last line is complete, a paragraph
 * followed by a blank line, a list or quote followed by a blank line and the start of something else.
 * (The sooner a block is final, the less is parsed again on every redraw.)
 */
function finishedBlocks(tokens: readonly Token[], source: string, starts: readonly number[]): { blocks: number; chars: number } {
  const none = { blocks: 0, chars: 0 };
  const completeLines = starts.length - 1;
  const blockStarts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level === 0 && t.nesting >= 0 && t.map && t.map[0] < completeLines) blockStarts.push(i);
  }
  if (blockStarts.length === 0) return none;
  const last = tokens[blockStarts[blockStarts.length - 1]];
  const closed = isClosed(last, source, starts);
  const blocks = closed ? blockStarts.length : blockStarts.length - 1;
  if (blocks === 0) return none;
  return { blocks, chars: starts[closed ? last.map![1] : last.map![0]] };
}

/** Whether the top-level block opened by `token`, whose first line is complete, can no longer change. */
function isClosed(token: Token, source: string, starts: readonly number[]): boolean {
  const completeLines = starts.length - 1;
  const end = token.map![1];
  switch (token.type) {
    case 'fence':
      return isClosedFence(token, source, starts);
    case 'heading_open': // a `#` line, or text and its underline: nothing after its last line can change it
    case 'hr':
      return end <= completeLines;
    case 'paragraph_open':
      // Only a blank line ends a paragraph for good: the next line could otherwise underline it into a heading.
      return end < completeLines && lineAt(source, starts, end).trim() === '';
    case 'bullet_list_open':
    case 'ordered_list_open':
    case 'blockquote_open':
      // After a blank line, only an indented line or a new item continues these; a line that begins with
      // anything else in its first column (a heading, a paragraph) has ended them.
      return lineAt(source, starts, completeLines - 1).trim() === '' && /^[^\s\d>*+-]/.test(lineAt(source, starts, completeLines));
    default:
      return false;
  }
}

/** Offset where each line begins, counting line breaks as markdown-it does (LF, CRLF or a lone CR). */
function lineStarts(source: string): number[] {
  const starts = [0];
  if (source.includes('\r')) {
    for (const m of source.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  } else {
    // The usual case, found without a regular expression because this runs on every redraw.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  }
  return starts;
}

/** Line `index` of `source` with its line break; the last, partial line runs to the end. */
function lineAt(source: string, starts: readonly number[], index: number): string {
  return source.slice(starts[index], starts[index + 1]);
}

/** A fenced code block whose closing fence is on a complete line: nothing after it can change it. */
function isClosedFence(token: Token, source: string, starts: readonly number[]): boolean {
  if (!token.map || token.map[1] - token.map[0] < 2 || token.map[1] > starts.length - 1) return false;
  const closing = lineAt(source, starts, token.map[1] - 1);
  const match = /^ {0,3}(`+|~+)[ \t]*(?:\r\n?|\n)$/.exec(closing);
  return !!match && match[1][0] === token.markup[0] && match[1].length >= token.markup.length;
}

/** Renders a whole text at once, with the same pipeline (used for restored answers and as the test oracle). */
export function renderMarkdownOnce(md: Markdown, container: HTMLElement, sanitize: Sanitizer, hooks: RenderHooks, text: string): void {
  container.appendChild(canonicalFragment(md, sanitize, hooks, text));
}

/** The canonical rendering of markdown: markdown-it's HTML through DOMPurify, decorated. */
function canonicalFragment(md: Markdown, sanitize: Sanitizer, hooks: RenderHooks, text: string): DocumentFragment {
  const fragment = sanitize(text === '' ? '' : md.render(text));
  hooks.decorate(fragment);
  return fragment;
}
