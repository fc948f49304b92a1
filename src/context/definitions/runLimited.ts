// Runs lookups at most `limit` at a time and stops waiting at a deadline: a slow or hung language server
// must not hold a request back, and a short queue keeps it answering the editor too.

export interface LimitedRun<R> {
  /** Results of the tasks that finished in time, in task order (gaps for those that failed or were late). */
  readonly results: (R | undefined)[];
  readonly timedOut: boolean;
  readonly failures: number;
}

/**
 * Starts tasks in order, `limit` at a time, until all finished or `deadline` (a promise that resolves when
 * time is up) fired. A task may add further tasks through `enqueue` (a definition leads to another lookup).
 */
export async function runLimited<R>(tasks: (() => Promise<R>)[], limit: number, deadline: Promise<void>, signal?: AbortSignal): Promise<LimitedRun<R>> {
  const results: (R | undefined)[] = [];
  let failures = 0;
  let next = 0;
  let over = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onAbort = (): void => stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  const worker = async (): Promise<void> => {
    while (!over && next < tasks.length && !signal?.aborted) {
      const index = next++;
      try {
        results[index] = await tasks[index]();
      } catch {
        failures++;
      }
    }
  };
  const all = Promise.all(Array.from({ length: Math.max(1, limit) }, worker)).then(() => 'done' as const);
  const outcome = await Promise.race([all, deadline.then(() => 'late' as const), stopped.then(() => 'late' as const)]);
  over = true;
  signal?.removeEventListener('abort', onAbort);
  return { results, timedOut: outcome === 'late', failures };
}
