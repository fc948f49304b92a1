// Runs lookups at most `limit` at a time and stops waiting at a deadline: a slow or hung language server
// must not hold a request back, and a short queue keeps it answering the editor too.
import type { LookupQueue } from './LookupQueue';

export interface LimitedRun {
  /** The deadline fired (or the request was cancelled) before every lookup had finished. */
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly failures: number;
}

/**
 * Takes lookups from `queue`, most important first, `limit` at a time, until none is left or `deadline` (a
 * promise that resolves when time is up) fired or `signal` aborted. A lookup may queue further lookups (a
 * definition that leads to another); they start as soon as a slot is free, ahead of less important ones.
 */
export async function runLimited(queue: LookupQueue, limit: number, deadline: Promise<void>, signal?: AbortSignal): Promise<LimitedRun> {
  let failures = 0;
  let active = 0;
  let over = false;
  let finish: (outcome: 'done' | 'late' | 'cancelled') => void = () => undefined;
  const finished = new Promise<'done' | 'late' | 'cancelled'>((resolve) => (finish = resolve));
  const onAbort = (): void => finish('cancelled');
  const pump = (): void => {
    while (!over && active < Math.max(1, limit)) {
      const lookup = queue.take();
      if (!lookup) break;
      active++;
      lookup
        .run()
        .catch(() => void failures++)
        .finally(() => {
          active--;
          pump();
        });
    }
    if (active === 0 && queue.size === 0) finish('done');
  };
  if (signal?.aborted) return { timedOut: false, cancelled: true, failures };
  signal?.addEventListener('abort', onAbort, { once: true });
  void deadline.then(() => finish('late'));
  pump();
  const outcome = await finished;
  over = true;
  signal?.removeEventListener('abort', onAbort);
  return { timedOut: outcome === 'late', cancelled: outcome === 'cancelled', failures };
}
