// The state of one proposed fix over a region of a document: its hunks, which were accepted or rejected,
// and the exact edits each decision makes. Offsets are relative to the region's start.
import { diffLines, splitLinesKeepEnds, type Hunk } from './diffLines';

export type HunkState = 'pending' | 'accepted' | 'rejected';

export interface RegionEdit {
  /** Offsets within the region's current text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class FixProposal {
  readonly hunks: readonly Hunk[];
  private readonly states: HunkState[];
  private readonly originalLines: readonly string[];

  constructor(
    readonly original: string,
    readonly fixed: string,
  ) {
    this.originalLines = splitLinesKeepEnds(original);
    this.hunks = diffLines(this.originalLines, splitLinesKeepEnds(fixed));
    this.states = this.hunks.map(() => 'pending');
  }

  state(id: number): HunkState {
    return this.states[id];
  }

  pending(): Hunk[] {
    return this.hunks.filter((h) => this.states[h.id] === 'pending');
  }

  get settled(): boolean {
    return this.pending().length === 0;
  }

  /** What the region should contain now, given the decisions so far. */
  currentText(): string {
    return this.textWith((h) => this.states[h.id] === 'accepted');
  }

  /** The region's text if every pending hunk were accepted too. */
  proposedText(): string {
    return this.textWith((h) => this.states[h.id] !== 'rejected');
  }

  /** Line index (within the current region text) where a hunk's lines start. */
  currentLine(id: number): number {
    let shift = 0;
    for (const h of this.hunks) {
      if (h.id === id) break;
      if (this.states[h.id] === 'accepted') shift += h.added.length - h.removed.length;
    }
    return this.hunks[id].originalStart + shift;
  }

  /** The edit that accepting one pending hunk makes to the current region text. */
  acceptEdit(id: number): RegionEdit {
    const hunk = this.hunks[id];
    const lines = splitLinesKeepEnds(this.currentText());
    const first = this.currentLine(id);
    const start = lines.slice(0, first).join('').length;
    const end = start + hunk.removed.join('').length;
    return { start, end, text: hunk.added.join('') };
  }

  mark(id: number, state: Exclude<HunkState, 'pending'>): void {
    this.states[id] = state;
  }

  private textWith(apply: (h: Hunk) => boolean): string {
    let out = '';
    let line = 0;
    for (const h of this.hunks) {
      out += this.originalLines.slice(line, h.originalStart).join('');
      out += apply(h) ? h.added.join('') : h.removed.join('');
      line = h.originalStart + h.removed.length;
    }
    return out + this.originalLines.slice(line).join('');
  }
}
