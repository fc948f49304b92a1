// Line diff (longest common subsequence) grouped into hunks, on lines that keep their terminators.
import { commonEnds } from './commonEnds';

export interface Hunk {
  readonly id: number;
  /** First original line replaced, and how many. */
  readonly originalStart: number;
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/** Splits text into lines that keep their line endings, so joining them gives the text back exactly. */
export function splitLinesKeepEnds(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function diffLines(original: readonly string[], fixed: readonly string[]): Hunk[] {
  // Common prefix and suffix first: typical fixes touch a few lines of a larger region.
  const { prefix, suffix } = commonEnds(original, fixed);
  const a = original.slice(prefix, original.length - suffix);
  const b = fixed.slice(prefix, fixed.length - suffix);

  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let current: { originalStart: number; removed: string[]; added: string[] } | undefined;
  const close = (): void => {
    if (current) hunks.push({ id: hunks.length, ...current });
    current = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      close();
      i++;
      j++;
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j])) {
      current ??= { originalStart: prefix + i, removed: [], added: [] };
      current.added.push(b[j++]);
    } else {
      current ??= { originalStart: prefix + i, removed: [], added: [] };
      current.removed.push(a[i++]);
    }
  }
  close();
  return hunks;
}
