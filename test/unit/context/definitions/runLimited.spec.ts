import * as assert from 'node:assert/strict';
import { LookupQueue } from '../../../../src/context/definitions/LookupQueue';
import { runLimited } from '../../../../src/context/definitions/runLimited';

const never = new Promise<void>(() => undefined);
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('runLimited with a LookupQueue', () => {
  it('starts the most important lookups first, whatever order they were found in, and runs identical ones once', async () => {
    const started: string[] = [];
    const queue = new LookupQueue();
    const add = (key: string, rank: number): boolean => queue.add({ key, rank, run: async () => void started.push(key) });
    add('member', 2);
    add('type', 1);
    add('call', 0);
    add('value', 0);
    assert.equal(add('call', 0), false);
    add('further', 3);
    await runLimited(queue, 1, never);
    assert.deepEqual(started, ['call', 'value', 'type', 'member', 'further']);
    assert.equal(queue.total, 5);
  });

  it('lets a follow-up of an important lookup overtake less important ones still waiting', async () => {
    const started: string[] = [];
    const queue = new LookupQueue();
    queue.add({ key: 'call', rank: 0, run: async () => void (started.push('call'), queue.add({ key: 'call via barrel', rank: 0, run: async () => void started.push('call via barrel') })) });
    for (const key of ['m1', 'm2', 'm3']) queue.add({ key, rank: 2, run: async () => void started.push(key) });
    await runLimited(queue, 1, never);
    assert.deepEqual(started, ['call', 'call via barrel', 'm1', 'm2', 'm3']);
  });

  it('keeps at most `limit` lookups in flight and stops waiting at the deadline', async () => {
    let inFlight = 0;
    let most = 0;
    const queue = new LookupQueue();
    for (let i = 0; i < 10; i++) {
      queue.add({ key: `k${i}`, rank: 0, run: () => { inFlight++; most = Math.max(most, inFlight); return never; } });
    }
    let fire: () => void = () => undefined;
    const deadline = new Promise<void>((r) => (fire = r));
    const run = runLimited(queue, 4, deadline);
    await tick();
    fire();
    assert.deepEqual(await run, { timedOut: true, cancelled: false, failures: 0 });
    assert.equal(most, 4);
  });

  it('stops waiting as soon as the request is cancelled, and counts failed lookups without failing', async () => {
    const queue = new LookupQueue();
    queue.add({ key: 'throws', rank: 0, run: async () => { throw new Error('server crashed'); } });
    queue.add({ key: 'hangs', rank: 0, run: () => never });
    const abort = new AbortController();
    const run = runLimited(queue, 4, never, abort.signal);
    await tick();
    abort.abort();
    assert.deepEqual(await run, { timedOut: false, cancelled: true, failures: 1 });
  });
});
