// Follows a fix answer as it streams and tells what code it holds so far. Each chunk is read once, so
// following an answer costs time proportional to its length; the final answer still goes to extractFix.
import { restoreSpecialTokens } from '../chatml/specialTokens';

/** Preview redraws are spaced by the code's size, so following a long fix costs time linear in its length. */
export const redrawGapMs = (codeLength: number): number => Math.max(100, codeLength / 50);

const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;

export class FixStreamReader {
  private partial = '';
  private open: { readonly close: RegExp; readonly lines: string[] } | undefined;
  private lastClosed: readonly string[] | undefined;
  private length = 0;

  /** Characters of code in the block being shown: callers space their redraws by it. */
  get codeLength(): number {
    return this.length;
  }

  push(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) {
        this.partial += text.slice(start);
        if (this.open) this.length += text.length - start;
        return;
      }
      const line = this.partial + text.slice(start, newline);
      this.partial = '';
      this.line(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = newline + 1;
    }
  }

  private line(line: string): void {
    if (!this.open) {
      const fence = OPEN_FENCE.exec(line);
      if (fence) {
        const marker = fence[1];
        this.open = { close: new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`), lines: [] };
        this.length = 0;
      }
      return;
    }
    if (this.open.close.test(line)) {
      if (this.open.lines.some((l) => l.trim() !== '')) this.lastClosed = this.open.lines;
      this.open = undefined;
      this.length = this.lastClosed ? this.lastClosed.reduce((n, l) => n + l.length + 1, 0) : 0;
      return;
    }
    this.open.lines.push(line);
    this.length += line.length + 1;
  }

  /**
   * The code so far: the block being written, else the last complete one. Leading lines that repeat the
   * lines just above the region are left out, as extractFix will do.
   */
  code(before: readonly string[] = []): string {
    // A partial line that may still become the closing fence is not code yet.
    const showPartial = this.partial !== '' && !/^ {0,3}(`+|~+)$/.test(this.partial);
    const lines = this.open ? (showPartial ? [...this.open.lines, this.partial] : this.open.lines) : (this.lastClosed ?? []);
    return restoreSpecialTokens(stripLeadingContext(lines, before).join('\n'));
  }
}

function stripLeadingContext(lines: readonly string[], before: readonly string[]): readonly string[] {
  for (let k = Math.min(before.length, lines.length - 1); k > 0; k--) {
    const tail = before.slice(before.length - k);
    if (tail.some((l) => l.trim() !== '') && tail.every((l, i) => l.trim() === lines[i].trim())) return lines.slice(k);
  }
  return lines;
}
