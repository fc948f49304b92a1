// Renders a streaming answer incrementally. The part still being written is drawn as a cheap DOM preview
// from markdown-it's tokens (rebuilt only when markup or a new line arrives; plain words are appended to its
// last text node). Blocks that can no longer change are set aside untouched and, in batches, replaced by the
// canonical rendering (markdown-it HTML, DOMPurify, highlight.js) — after which they are never touched again.
// Work per update is proportional to the open block, not to the answer; after finish() the DOM equals
// rendering the final text once.
import type { Markdown } from './createMarkdown';
import { previewFragment, type Preview, type Token } from './previewFragment';
import type { Sanitizer } from './sanitize';

export interface RenderHooks {
  /** Adds toolbars etc. to freshly rendered nodes, the same way for streamed and full renders. */
  decorate(fragment: DocumentFragment): void;
}

/**
 * Finished blocks are handed to the canonical renderer in batches of about this many characters (one
 * sanitizer pass each), or right away when they include code, so highlighting appears when a block closes.
 */
export const COMMIT_BATCH_CHARS = 4000;

/** Characters that can change how the text before them renders; anything else extends the last text as is. */
const MARKUP = /[\\`*_[\]()<>!&|~#\n\r]/;
/**
 * A line whose text (after any list, quote or heading markers) has begun with a letter: appending plain
 * text cannot turn it into another kind of block. A digit could ("1" + ". " starts a list), so it waits.
 */
const PROSE_LINE = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)]|>|#{1,6})[ \t]+)*[\p{L}"'(]/u;
const FENCE_LINE = /^ {0,3}[`~]/;

export class IncrementalMarkdown {
  private text = '';
  /** Everything before this offset is rendered canonically, for good. */
  private committed = 0;
  /** [committed, finished) holds blocks that can no longer change, still shown as their preview until the next batch. */
  private finished = 0;
  private finishedNodes: Node[] = [];
  private finishedHasCode = false;
  /** The preview of the block(s) still being written, from `finished` on. */
  private openNodes: Node[] = [];
  private tail: Preview['tail'];
  private shownEnd = 0; // the tail text node shows the source up to here
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
    this.dirty = true;
  }

  /** Brings the DOM up to date with the text; call at most once per animation frame. */
  render(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (this.extendTail()) return;
    this.redrawOpen();
    if (this.finished - this.committed >= COMMIT_BATCH_CHARS || this.finishedHasCode) this.commit(this.finished);
  }

  /** The answer is complete: everything is rendered canonically and final. */
  finish(): void {
    this.dirty = false;
    this.tail = undefined;
    this.finishedNodes.push(...this.openNodes);
    this.openNodes = [];
    this.commit(this.text.length);
  }

  /** Appends new plain text to the last text node when that is exactly what a full redraw would show. */
  private extendTail(): boolean {
    const tail = this.tail;
    if (!tail) return false;
    const added = this.text.slice(this.shownEnd);
    if (MARKUP.test(added)) return false;
    const line = this.text.slice(this.text.lastIndexOf('\n', this.shownEnd - 1) + 1, this.shownEnd);
    if (tail.prose ? !PROSE_LINE.test(line) : line.trim() === '' || FENCE_LINE.test(line)) return false;
    tail.node.appendData(added);
    this.shownEnd = this.text.length;
    return true;
  }

  /** Redraws the preview of what is still open, and sets aside the blocks that have become final. */
  private redrawOpen(): void {
    const source = this.text.slice(this.finished);
    const tokens = this.md.parse(source, {});
    const preview = previewFragment(this.md, tokens, this.container.ownerDocument);
    const fragment = preview?.fragment ?? this.canonical(source);
    if (preview) this.hooks.decorate(preview.fragment);
    const nodes = Array.from(fragment.childNodes);
    this.container.insertBefore(fragment, this.openNodes[0] ?? null);
    for (const node of this.openNodes) node.parentNode?.removeChild(node);
    this.openNodes = nodes;
    this.tail = undefined;

    const done = finishedBlocks(tokens, source);
    // The preview draws one top-level node per top-level block, so the final blocks' nodes are the first ones.
    if (preview && done.blocks > 0) {
      this.finishedNodes.push(...this.openNodes.splice(0, done.blocks));
      this.finished += done.chars;
      this.finishedHasCode ||= done.hasCode;
    }
    if (!preview?.tail || done.all) return;
    // The tail may stand for the source's end only if it really shows it (escapes and entities do not).
    // Only the open part is looked at: this runs every frame and must not grow with the answer.
    const open = this.text.slice(this.finished);
    const shown = preview.tail.prose ? open.trimEnd() : open;
    if (shown.endsWith(preview.tail.node.data) && shown.length > 0) {
      this.tail = preview.tail;
      this.shownEnd = this.finished + shown.length;
    }
  }

  /** Replaces the preview of final blocks up to `end` with the canonical rendering, in one sanitizer pass. */
  private commit(end: number): void {
    if (end <= this.committed) return;
    const fragment = this.canonical(this.text.slice(this.committed, end));
    this.container.insertBefore(fragment, this.finishedNodes[0] ?? this.openNodes[0] ?? null);
    for (const node of this.finishedNodes) node.parentNode?.removeChild(node);
    this.finishedNodes = [];
    this.finishedHasCode = false;
    this.committed = this.finished = end;
  }

  private canonical(source: string): DocumentFragment {
    const fragment = this.sanitize(source === '' ? '' : this.md.render(source));
    this.hooks.decorate(fragment);
    return fragment;
  }
}

/**
 * How many of the top-level blocks at the start of `source` can no longer change, and how many characters
 * they span. A partial last line can only change the block it continues ("Title" + "=" becomes a heading),
 * so blocks before the last one that starts on a complete line are final — and so is a closed code fence.
 */
function finishedBlocks(tokens: readonly Token[], source: string): { blocks: number; chars: number; hasCode: boolean; all: boolean } {
  const none = { blocks: 0, chars: 0, hasCode: false, all: false };
  const starts = lineStarts(source);
  const completeLines = starts.length - 1;
  const blockStarts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level === 0 && t.nesting >= 0 && t.map && t.map[0] < completeLines) blockStarts.push(i);
  }
  if (blockStarts.length === 0) return none;
  const last = tokens[blockStarts[blockStarts.length - 1]];
  const closed = isClosedFence(last, source, starts);
  const blocks = closed ? blockStarts.length : blockStarts.length - 1;
  if (blocks === 0) return none;
  const hasCode = blockStarts.slice(0, blocks).some((i) => tokens[i].type === 'fence' || tokens[i].type === 'code_block');
  return { blocks, chars: starts[closed ? last.map![1] : last.map![0]], hasCode, all: closed };
}

/** Offset where each line begins, counting line breaks as markdown-it does (LF, CRLF or a lone CR). */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (const m of source.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/** A fenced code block whose closing fence is on a complete line: nothing after it can change it. */
function isClosedFence(token: Token, source: string, starts: readonly number[]): boolean {
  if (token.type !== 'fence' || !token.map || token.map[1] - token.map[0] < 2 || token.map[1] > starts.length - 1) return false;
  const closing = source.slice(starts[token.map[1] - 1], starts[token.map[1]]);
  const match = /^ {0,3}(`+|~+)[ \t]*(?:\r\n?|\n)$/.exec(closing);
  return !!match && match[1][0] === token.markup[0] && match[1].length >= token.markup.length;
}

/** Renders a whole text at once, with the same pipeline (used for restored answers and as the test oracle). */
export function renderMarkdownOnce(md: Markdown, container: HTMLElement, sanitize: Sanitizer, hooks: RenderHooks, text: string): void {
  const fragment = sanitize(text === '' ? '' : md.render(text));
  hooks.decorate(fragment);
  container.appendChild(fragment);
}
