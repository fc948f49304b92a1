// Makes the model's code fit where it goes: the document's indent style (tabs or N spaces), the
// region's base depth, the document's line ending, and the original's blank lines and final newline at
// its edges.
import { leading } from './indentation';

export interface IndentTarget {
  /** The exact original text of the region. */
  readonly original: string;
  /** The document's line ending. */
  readonly eol: '\n' | '\r\n';
  /** Indent unit used by the document: '\t' or a run of spaces. */
  readonly unit: string;
  /** True when the region starts mid-line: its first line then gets no indentation. */
  readonly startsMidLine: boolean;
  /** The document's text on the region's first line before the region, e.g. the indentation a selection started after. */
  readonly linePrefix?: string;
  /** Indentation of the place the code goes when the original has no code of its own (an insertion). */
  readonly baseIndent?: string;
}

/** The indent unit of a text: '\t' if tabs lead, else the most common step between space indents. */
export function detectIndentUnit(text: string, fallback = '    '): string {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const lead = leading(line);
    if (lead.startsWith('\t')) tabs++;
    else if (lead.length > 0) spaces++;
    const width = lead.startsWith('\t') ? -1 : lead.length;
    if (width >= 0) {
      const step = Math.abs(width - previous);
      if (step >= 2 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
      previous = width;
    }
  }
  if (tabs > spaces) return '\t';
  if (steps.size === 0) return fallback;
  const [step] = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return ' '.repeat(step);
}

function width(indent: string, tabSize: number): number {
  let w = 0;
  for (const ch of indent) w += ch === '\t' ? tabSize : 1;
  return w;
}

/**
 * The original's blank lines before its first and after its last line of code, with the final newline.
 * A selection of whole lines ends with a newline, often with a blank line, and models seldom repeat
 * either, so they are kept rather than proposed for removal.
 */
function blankEdges(original: string): { leading: string; trailing: string } {
  if (original.trim() === '') return { leading: '', trailing: /\r?\n$/.exec(original)?.[0] ?? '' };
  return { leading: /^(?:[ \t]*\r?\n)*/.exec(original)![0], trailing: /(?:\r?\n[ \t]*)*\r?\n$/.exec(original)?.[0] ?? '' };
}

function reindent(code: string, target: IndentTarget): string {
  const lines = code.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\n+$/, '').split('\n');
  const originalLines = target.original.replace(/\r\n?/g, '\n').split('\n');
  const nonBlank = (ls: string[]): string[] => ls.filter((l) => l.trim() !== '');
  const codeUnit = detectIndentUnit(lines.join('\n'), target.unit);
  const unitWidth = codeUnit === '\t' ? 4 : codeUnit.length;
  const considered = target.startsMidLine ? originalLines.slice(1) : originalLines;
  const baseOriginal = nonBlank(considered).map(leading).sort((a, b) => width(a, 4) - width(b, 4))[0] ?? target.baseIndent ?? '';
  const codeConsidered = target.startsMidLine ? lines.slice(1) : lines;
  const baseCodeWidth = Math.min(...nonBlank(codeConsidered).map((l) => width(leading(l), unitWidth === 0 ? 4 : unitWidth)), Infinity);

  const out = lines.map((line, i) => {
    if (line.trim() === '') return '';
    if (i === 0 && target.startsMidLine) return line.trimStart();
    const lead = leading(line);
    const relative = Math.max(0, width(lead, unitWidth) - (Number.isFinite(baseCodeWidth) ? baseCodeWidth : 0));
    const levels = Math.floor(relative / unitWidth);
    const rest = relative - levels * unitWidth; // odd alignment spaces are kept as spaces
    return baseOriginal + target.unit.repeat(levels) + ' '.repeat(rest) + line.slice(lead.length);
  });
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  const edges = blankEdges(target.original);
  return (target.startsMidLine ? '' : edges.leading) + out.join(target.eol) + edges.trailing;
}

/** How much further the first non-blank line is indented than the least indented of the others; undefined for one line. */
function firstLineOffset(text: string): number | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return undefined;
  return width(leading(lines[0]), 4) - Math.min(...lines.slice(1).map((l) => width(leading(l), 4)));
}

export function matchIndentation(code: string, target: IndentTarget): string {
  const prefix = !target.startsMidLine && target.linePrefix && target.linePrefix.trim() === '' ? target.linePrefix : '';
  if (prefix === '') return reindent(code, target);
  // The region starts after its first line's indentation (a selection from the first character of "    foo()"):
  // re-indent as if that indentation belonged to the region, then leave it off the first line, where the
  // document keeps it. Models mostly echo the region as they were shown it, first line without its
  // indentation; some re-indent it whole. The shape of the answer's first line against its others tells which.
  const shown = firstLineOffset(target.original);
  const answer = firstLineOffset(code);
  const echoed = shown !== undefined && answer !== undefined && Math.abs(answer - shown) <= Math.abs(answer - (shown + width(prefix, 4)));
  const withPrefix = code.replace(/^((?:[ \t]*\r?\n)*)/, (blank) => blank + prefix); // before the first non-blank line
  const whole = reindent(echoed ? withPrefix : code, { ...target, original: prefix + target.original });
  const end = whole.indexOf(target.eol);
  const first = end < 0 ? whole : whole.slice(0, end);
  return (first.startsWith(prefix) ? first.slice(prefix.length) : first.trimStart()) + (end < 0 ? '' : whole.slice(end));
}

/**
 * Code inserted as whole lines at `indent`: each line ends with the document's line ending, or, after a
 * last line that has none, the code starts with one instead so the file's own end is kept.
 */
export function shapeInsertion(code: string, target: { readonly indent: string; readonly eol: '\n' | '\r\n'; readonly unit: string; readonly afterLastLine: boolean }): string {
  const lines = reindent(code, { original: '', eol: target.eol, unit: target.unit, startsMidLine: false, baseIndent: target.indent });
  return target.afterLastLine ? target.eol + lines : lines + target.eol;
}
