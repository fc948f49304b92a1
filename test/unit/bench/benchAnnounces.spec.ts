// `npm run bench` takes minutes: each benchmark says when it starts and how long it took, so a long one is
// not mistaken for a hang and a slow one can be found in the output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { timed } from '../../bench/measure';

const BENCH_DIR = path.join(__dirname, '../../../../test/bench');

describe('npm run bench announces every benchmark', () => {
  it('timed prints the name before the work and its duration after it', async () => {
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => printed.push(line);
    try {
      const result = await timed('B0 sample', async () => {
        printed.push('working');
        return 42;
      });
      assert.equal(result, 42);
    } finally {
      console.log = log;
    }
    assert.equal(printed.length, 3, printed.join('\n'));
    assert.equal(printed[0], '▶ B0 sample…');
    assert.equal(printed[1], 'working');
    assert.match(printed[2], /^ {2}B0 sample: done in \d+\.\d s$/);
  });

  it('every benchmark runBench calls either announces itself or runs inside timed()', () => {
    const main = fs.readFileSync(path.join(BENCH_DIR, 'runBench.ts'), 'utf8');
    const calls = [...main.matchAll(/^.*\bawait\b.*?\b(\w+Bench)\(.*$/gm)];
    assert.ok(calls.length >= 6, `found the benchmark calls: ${calls.map((c) => c[1]).join(', ')}`);
    const silent = calls.filter(([line, name]) => {
      if (/\btimed\(/.test(line)) return false;
      const module = fs.readdirSync(BENCH_DIR).find((f) => new RegExp(`export async function ${name}\\(`).test(fs.readFileSync(path.join(BENCH_DIR, f), 'utf8')));
      return !module || !fs.readFileSync(path.join(BENCH_DIR, module), 'utf8').includes('announce(');
    });
    assert.deepEqual(silent.map((c) => c[1]), [], 'these benchmarks run without saying so');
  });
});
