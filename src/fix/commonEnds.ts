// How much two sequences (lines, or characters of a string) share at their start and at their end: both the
// line diff and the smallest document edit start by setting that aside.

export interface CommonEnds {
  readonly prefix: number;
  /** Counted from the end, never overlapping the prefix. */
  readonly suffix: number;
}

export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): CommonEnds {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return { prefix, suffix };
}
