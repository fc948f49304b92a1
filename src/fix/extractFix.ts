// Pulls the corrected code out of a model answer, however it was written: prose around it, ``` or ~~~
// fences with or without a language, several fences, unchanged context repeated around it, the whole
// file instead of the range, or no fence at all.
import * as l10n from '@vscode/l10n';
import { restoreSpecialTokens } from '../chatml/specialTokens';

export interface FixSource {
  /** The exact text that was asked to be fixed. */
  readonly original: string;
  /** Document lines above / below the region, used to strip context the model repeated. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type Extraction = { readonly ok: true; readonly code: string; readonly complete: boolean } | { readonly ok: false; readonly reason: string };

export interface Fence {
  readonly body: string;
  readonly closed: boolean;
}

export function findFences(answer: string): Fence[] {
  const fences: Fence[] = [];
  const lines = answer.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/.exec(lines[i]);
    if (!open) continue;
    const marker = open[1];
    const body: string[] = [];
    let closed = false;
    for (i++; i < lines.length; i++) {
      const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).exec(lines[i]);
      if (close) {
        closed = true;
        break;
      }
      body.push(lines[i]);
    }
    fences.push({ body: body.join('\n'), closed });
  }
  return fences;
}

// Models re-indent what they repeat, so context lines are compared without surrounding whitespace.
const norm = (line: string): string => line.trim();

/** Share of the original's non-blank lines that appear (trimmed) in the candidate. */
export function lineOverlap(original: string, candidate: string): number {
  const want = original.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (want.length === 0) return 0;
  const have = new Set(candidate.split(/\r?\n/).map((l) => l.trim()));
  return want.filter((l) => have.has(l)).length / want.length;
}

/** Removes leading lines equal to the end of `before` and trailing lines equal to the start of `after`. */
function stripRepeatedContext(code: string, source: FixSource): string {
  let lines = code.split('\n');
  const originalLines = source.original.split(/\r?\n/);
  for (let k = Math.min(source.before.length, lines.length - 1); k > 0; k--) {
    const tail = source.before.slice(source.before.length - k);
    const repeated = tail.every((l, i) => norm(l) === norm(lines[i])) && tail.some((l) => l.trim() !== '');
    // When the region's own first line equals the line above it, a same-length answer starting with
    // that line is the region itself, not repeated context.
    const isRegionsOwnLine = k === 1 && lines.length === originalLines.length && norm(lines[0]) === norm(originalLines[0]);
    if (repeated && !isRegionsOwnLine) {
      lines = lines.slice(k);
      break;
    }
  }
  for (let k = Math.min(source.after.length, lines.length - 1); k > 0; k--) {
    const head = source.after.slice(0, k);
    const start = lines.length - k;
    if (head.every((l, i) => norm(l) === norm(lines[start + i])) && head.some((l) => l.trim() !== '')) {
      lines = lines.slice(0, start);
      break;
    }
  }
  return lines.join('\n');
}

export function extractFix(answer: string, source: FixSource): Extraction {
  const text = restoreSpecialTokens(answer);
  const fences = findFences(text).filter((f) => f.body.trim() !== '');
  let code: string | undefined;
  let complete = true;
  if (fences.length > 0) {
    // Several fences: the fix is the one that most resembles the code (and is not just a quote of it);
    // ties go to the later one, since answers usually show the problem first and the fix last.
    let best: Fence | undefined;
    let bestScore = -1;
    for (const fence of fences) {
      const stripped = stripRepeatedContext(fence.body, source);
      const unchanged = norm(stripped) === norm(source.original.replace(/\r\n/g, '\n'));
      const score = lineOverlap(source.original, stripped) + (unchanged && fences.length > 1 ? -0.5 : 0) + Math.min(stripped.split('\n').length, 400) / 100000;
      if (score >= bestScore) {
        best = fence;
        bestScore = score;
      }
    }
    code = stripRepeatedContext(best!.body, source);
    complete = best!.closed;
  } else {
    // No fence: usable only if the whole answer reads like the code it replaces.
    const candidate = text.replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (candidate && lineOverlap(source.original, candidate) >= 0.5 && !/^(here|the|this|i |sure|to fix)/i.test(candidate)) {
      code = stripRepeatedContext(candidate, source);
    }
  }
  if (code === undefined || code.trim() === '') {
    return { ok: false, reason: l10n.t('Phi-4 did not return any code for the selection, so nothing was changed.') };
  }
  return { ok: true, code, complete };
}
