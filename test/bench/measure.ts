// Timing helpers for the benchmarks: medians of repeated runs, never asserted against fixed numbers.

export async function median(runs: number, fn: () => Promise<number> | number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fn());
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmarks with node --expose-gc');
  collect();
  collect();
}

export const ms = (n: number): string => `${n.toFixed(2)} ms`;
