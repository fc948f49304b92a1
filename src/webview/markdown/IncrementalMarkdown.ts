// Renders a streaming answer incrementally: blocks that can no longer change are rendered once and
// kept; only the block still being written is re-rendered. The result equals rendering the final text once.
import type { Markdown } from './createMarkdown';
import type { Sanitizer } from './sanitize';

export interface RenderHooks {
  /** Adds toolbars etc. to freshly rendered nodes, the same way for streamed and full renders. */
  decorate(fragment: DocumentFragment): void;
}

export class IncrementalMarkdown {
  private text = '';
  private committed = 0; // offset where the still-changing tail begins
  private tailNodes: Node[] = [];
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
    this.commitFinishedBlocks();
    this.replaceTail(this.text.slice(this.committed));
  }

  /** The answer is complete: everything is final. */
  finish(): void {
    this.render();
    this.tailNodes = [];
    this.committed = this.text.length;
  }

  private commitFinishedBlocks(): void {
    const tail = this.text.slice(this.committed);
    // Only complete lines decide block boundaries: a partial line ("-", "=") can still change the block above it.
    const lastNewline = tail.lastIndexOf('\n');
    if (lastNewline < 0) return;
    const complete = tail.slice(0, lastNewline + 1);
    const starts: number[] = [];
    for (const token of this.md.parse(complete, {})) {
      if (token.level === 0 && token.map && token.nesting >= 0) starts.push(token.map[0]);
    }
    if (starts.length < 2) return;
    const lastStart = starts[starts.length - 1];
    let offset = 0;
    for (let line = 0; line < lastStart; line++) offset = complete.indexOf('\n', offset) + 1;
    if (offset <= 0) return;
    this.replaceTail(tail.slice(0, offset));
    this.tailNodes = []; // these nodes are final now
    this.committed += offset;
  }

  private replaceTail(source: string): void {
    const fragment = this.fragmentFor(source);
    const nodes = Array.from(fragment.childNodes);
    const anchor = this.tailNodes[0] ?? null;
    this.container.insertBefore(fragment, anchor);
    for (const node of this.tailNodes) node.parentNode?.removeChild(node);
    this.tailNodes = nodes;
  }

  private fragmentFor(source: string): DocumentFragment {
    const fragment = this.sanitize(source === '' ? '' : this.md.render(source));
    this.hooks.decorate(fragment);
    return fragment;
  }
}

/** Renders a whole text at once, with the same pipeline (used for restored answers and as the test oracle). */
export function renderMarkdownOnce(md: Markdown, container: HTMLElement, sanitize: Sanitizer, hooks: RenderHooks, text: string): void {
  const fragment = sanitize(text === '' ? '' : md.render(text));
  hooks.decorate(fragment);
  container.appendChild(fragment);
}
