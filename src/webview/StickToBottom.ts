// Keeps the conversation scrolled to its end while the user is there, at no cost per frame: the browser's
// own scroll anchoring does it (chat.css makes an empty marker after the content the only anchor, so
// while the marker is in view, text added above it scrolls the view along, and once the user scrolls up
// nothing moves). Script only steps in when anchoring cannot: when the content first grows taller than
// the view (anchoring does not act at scroll position 0) and when the user sends a message. It never reads
// scrollHeight per streamed frame: that would make the browser lay the whole transcript out again each time.

export class StickToBottom {
  private readonly watcher: ResizeObserver;
  private watching = false;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly content: HTMLElement,
  ) {
    const end = scroller.ownerDocument.createElement('div');
    end.className = 'scroll-end';
    end.setAttribute('aria-hidden', 'true');
    content.after(end);
    this.watcher = new ResizeObserver(() => {
      // Runs after the browser's layout, so these reads cost nothing.
      if (this.scroller.scrollHeight <= this.scroller.clientHeight) return;
      this.toEnd();
      this.stopWatching();
    });
    this.watchUntilOverflow();
  }

  /** Jumps to the end (the user sent a message): anchoring follows from there. */
  follow(): void {
    requestAnimationFrame(() => this.toEnd());
  }

  /** The conversation was replaced: show its end, and follow it once it outgrows the view. */
  restart(): void {
    this.follow();
    this.watchUntilOverflow();
  }

  private watchUntilOverflow(): void {
    if (this.watching) return;
    this.watching = true;
    this.watcher.observe(this.content);
  }

  private stopWatching(): void {
    this.watching = false;
    this.watcher.unobserve(this.content);
  }

  private toEnd(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
