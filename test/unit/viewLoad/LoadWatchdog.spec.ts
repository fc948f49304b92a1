// The chat view reloads itself when its script never loads, and gives up after a bounded number of tries.
import * as assert from 'node:assert/strict';
import { LoadWatchdog } from '../../../src/viewLoad/LoadWatchdog';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('LoadWatchdog', () => {
  let reloads: number;
  let gaveUp: number;
  let visible: boolean;
  let dog: LoadWatchdog;

  beforeEach(() => {
    reloads = 0;
    gaveUp = 0;
    visible = true;
    dog = new LoadWatchdog({ reload: () => reloads++, isVisible: () => visible, onGiveUp: () => gaveUp++, timeoutMs: 5, maxReloads: 2 });
  });
  afterEach(() => dog.stop());

  it('does nothing when the view reports ready in time', async () => {
    dog.start();
    dog.ready();
    await tick(40);
    assert.equal(reloads, 0);
    assert.equal(gaveUp, 0);
  });

  it('reloads a view that never reports ready, then gives up after the last try', async () => {
    dog.start();
    await tick(80);
    assert.equal(reloads, 2);
    assert.equal(gaveUp, 1);
  });

  it('stops reloading once a reload succeeds', async () => {
    dog = new LoadWatchdog({ reload: () => { reloads++; dog.ready(); }, isVisible: () => true, onGiveUp: () => gaveUp++, timeoutMs: 5, maxReloads: 2 });
    dog.start();
    await tick(60);
    assert.equal(reloads, 1);
    assert.equal(gaveUp, 0);
  });

  it('waits while the view is hidden, since hidden views do not load', async () => {
    visible = false;
    dog.start();
    await tick(40);
    assert.equal(reloads, 0);
    visible = true;
    await tick(20);
    assert.ok(reloads >= 1);
  });
});
