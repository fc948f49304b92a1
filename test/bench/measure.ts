// Timing helpers for the benchmarks: medians of repeated runs, never asserted against fixed numbers.

export function medianOf(samples: readonly number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

export async function median(runs: number, fn: () => Promise<number> | number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  return medianOf(samples);
}

/**
 * Medians of a baseline and our path, warmed up first (steady state, not JIT warm-up) and run in
 * alternation so both see the same machine noise.
 */
export async function alternating(baseline: () => Promise<number>, ours: () => Promise<number>, runs = 15, warmup = 3): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await ours();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(await baseline());
    b.push(await ours());
  }
  return [medianOf(a), medianOf(b)];
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmarks with node --expose-gc');
  collect();
  collect();
}

export const ms = (n: number): string => `${n.toFixed(2)} ms`;

/**
 * Prints that a benchmark starts and returns what to call when it ends, which prints how long it took:
 * a run takes minutes, and minutes without output look like a hang.
 */
export function announce(name: string): () => void {
  console.log(`▶ ${name}…`);
  const started = performance.now();
  return () => console.log(`  ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Runs one benchmark between its announcement and the line that says how long it took. */
export async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const done = announce(name);
  const result = await run();
  done();
  return result;
}
