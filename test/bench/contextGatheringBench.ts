// B7: how long gathering definitions from a warm TypeScript server takes per request. It needs a real extension
// host with a language server, so it runs the definitions suite in code-server against the Ollama-API test server
// and reads the timings the extension logs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { logFiles, REPO } from '../e2e/codeServer';
import { runMatchingSuites } from '../e2e/runExtensionHostSuites';
import { OllamaTestServer } from '../support/ollamaTestServer';
import { medianOf } from './measure';

const RUN = 'bench-definitions';

export interface ContextGatheringFigures {
  /** Gathering time per definition task, in milliseconds. */
  readonly gatherMs: readonly number[];
  readonly timedOut: number;
  /** The whole Explain request per task (the test server answers at once). */
  readonly requestMs: readonly number[];
  readonly failedTests: readonly string[];
  /** Tasks that call a function directly whose definition arrived at the default 300 ms bound. */
  readonly defaultBound?: { readonly tasks: number; readonly solved: number };
}

export async function contextGatheringBench(): Promise<ContextGatheringFigures> {
  const boundFile = path.join(REPO, '.cache', 'runs', 'definition-tasks-default-bound.json');
  fs.rmSync(boundFile, { force: true });
  const ollama = new OllamaTestServer();
  await ollama.start();
  const result = await runMatchingSuites(ollama.url, RUN, '^definitions from the language server').finally(() => ollama.stop());
  const gatherMs: number[] = [];
  const requestMs: number[] = [];
  let timedOut = 0;
  for (const file of logFiles(path.join(REPO, '.cache', 'runs', RUN), /^Phi-4\.log$/)) {
    const log = fs.readFileSync(file, 'utf8');
    for (const m of log.matchAll(/definitions file=defs\/src\/tasks\/\S+ found=\d+ lookups=\d+ ms=(\d+)( timedOut)?/g)) {
      gatherMs.push(Number(m[1]));
      if (m[2]) timedOut++;
    }
    for (const m of log.matchAll(/explain model=\S+ .*? total=(\d+)ms/g)) requestMs.push(Number(m[1]));
  }
  const defaultBound = fs.existsSync(boundFile) ? (JSON.parse(fs.readFileSync(boundFile, 'utf8')) as { tasks: number; solved: number }) : undefined;
  return { gatherMs, timedOut, requestMs, failedTests: result.failed.map((f) => f.title), defaultBound };
}

/** The B7 row: median, p90 and maximum next to the request time, and anything that went wrong. */
export function describeContextGathering(f: ContextGatheringFigures): string {
  if (f.gatherMs.length === 0) return `no definition task was measured${f.failedTests.length > 0 ? ` (failed: ${f.failedTests.join('; ')})` : ''}`;
  const sorted = [...f.gatherMs].sort((a, b) => a - b);
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
  const over = f.gatherMs.filter((g) => g > 300).length;
  const request = f.requestMs.length > 0 ? `; whole Explain request (test server answering at once) median ${medianOf(f.requestMs).toFixed(0)} ms` : '';
  const failed = f.failedTests.length > 0 ? `; ${f.failedTests.length} suite test(s) failed` : '';
  const bound = f.defaultBound ? `; at the default 300 ms bound ${f.defaultBound.solved} of ${f.defaultBound.tasks} directly called functions arrived` : '';
  return `${f.gatherMs.length} gatherings (bounds of 2,000 and 300 ms): median ${medianOf(f.gatherMs).toFixed(0)} ms, p90 ${p90} ms, max ${sorted.at(-1)} ms; over the default 300 ms bound: ${over}, timed out: ${f.timedOut}${bound}${request}${failed}`;
}
