// Following a streamed fix: what the extension host spends turning the answer so far into the preview's
// code, at Phi-4's pace (simulated clock, 40 tokens/s), for fixes of growing size. Linear work keeps the
// cost per 1,000 tokens flat as the fix grows; re-reading the whole answer at every redraw does not.
import { extractFix } from '../../src/fix/extractFix';
import { FixStreamReader, redrawGapMs } from '../../src/fix/FixStreamReader';
import { splitIntoChunks } from '../support/ollamaTestServer';
import { codeAnswerOfTokens } from './codeFixture';
import { median } from './measure';

export interface FixStreamFigure {
  readonly tokens: number;
  readonly redraws: number;
  readonly oursMs: number;
  /** How it was done before: every 100 ms, extracting the fix from the whole answer so far. */
  readonly rereadMs: number;
  readonly rereadRedraws: number;
}

const TOKEN_MS = 1000 / 40;

/** Reads the last character, which makes V8 flatten the string as showing it in the preview would. */
const touch = (code: string): number => (code.length > 0 ? code.charCodeAt(code.length - 1) : 0);

function follow(chunks: readonly string[], reread: boolean): { ms: number; redraws: number } {
  const reader = new FixStreamReader();
  const source = { original: 'const value0 = compute(items[0]);', before: [], after: [] };
  let answer = '';
  let clock = 0;
  let lastDraw = 0;
  let redraws = 0;
  let sink = 0;
  const started = performance.now();
  for (const chunk of chunks) {
    clock += TOKEN_MS;
    reader.push(chunk);
    if (reread) answer += chunk;
    if (clock - lastDraw > (reread ? 100 : redrawGapMs(reader.codeLength))) {
      lastDraw = clock;
      redraws++;
      if (reread) {
        const partial = extractFix(answer, source);
        sink += partial.ok ? touch(partial.code) : 0;
      } else sink += touch(reader.code());
    }
  }
  const ms = performance.now() - started;
  if (sink < 0) throw new Error('unreachable: keeps the work from being optimized away');
  return { ms, redraws };
}

export async function fixStreamBench(sizes: readonly number[]): Promise<FixStreamFigure[]> {
  const figures: FixStreamFigure[] = [];
  for (const tokens of sizes) {
    const chunks = splitIntoChunks(codeAnswerOfTokens(tokens));
    let redraws = 0;
    const oursMs = await median(5, () => {
      const run = follow(chunks, false);
      redraws = run.redraws;
      return run.ms;
    });
    let rereadRedraws = 0;
    const rereadMs = await median(3, () => {
      const run = follow(chunks, true);
      rereadRedraws = run.redraws;
      return run.ms;
    });
    figures.push({ tokens, redraws, oursMs, rereadMs, rereadRedraws });
  }
  return figures;
}
