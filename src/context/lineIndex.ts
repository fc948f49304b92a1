// Offset ↔ line conversion for plain text with any line ending (LF, CRLF, CR).

export interface LineIndex {
  /** Start offset of every line. */
  readonly starts: readonly number[];
  lineAt(offset: number): number;
  /** Line text without its terminator. */
  lineText(line: number): string;
  readonly lineCount: number;
}

export function buildLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineText = (line: number): string => {
    const start = starts[line];
    const next = line + 1 < starts.length ? starts[line + 1] : text.length;
    return text.slice(start, next).replace(/\r?\n$|\r$/, '');
  };
  return { starts, lineAt, lineText, lineCount: starts.length };
}
