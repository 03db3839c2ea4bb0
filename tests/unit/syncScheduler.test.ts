import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/sync/backoff';
import { AuthRequired } from '../../src/sync/pushOutbox';
import { createSyncScheduler, type SchedulerDeps } from '../../src/sync/syncScheduler';

interface Timer {
  fn: () => void;
  ms: number;
}

/** Timers as data: the test decides when one fires. */
function fakeTimers() {
  const pending = new Set<Timer>();
  return {
    pending,
    setTimer: (fn: () => void, ms: number): unknown => {
      const timer = { fn, ms };
      pending.add(timer);
      return timer;
    },
    clearTimer: (handle: unknown) => {
      pending.delete(handle as Timer);
    },
    delays: () => [...pending].map((t) => t.ms),
    /** Fires the only pending timer. */
    fire: () => {
      const [timer, ...rest] = [...pending];
      if (!timer || rest.length > 0) throw new Error(`expected one timer, got ${pending.size}`);
      pending.delete(timer);
      timer.fn();
    },
  };
}

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(run: SchedulerDeps['run']) {
  const timers = fakeTimers();
  const scheduler = createSyncScheduler({
    run,
    random: () => 0.5,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    intervalMs: 60_000,
  });
  return { timers, scheduler };
}

describe('sync scheduler', () => {
  it('coalesces triggers that arrive while a sync runs into one more round', async () => {
    const rounds: ReturnType<typeof deferred>[] = [];
    const { scheduler } = setup(() => {
      const d = deferred();
      rounds.push(d);
      return d.promise;
    });
    const first = scheduler.trigger();
    void scheduler.trigger();
    void scheduler.trigger();
    void scheduler.trigger();
    expect(rounds).toHaveLength(1);
    rounds[0]?.resolve();
    await flush();
    expect(rounds).toHaveLength(2);
    rounds[1]?.resolve();
    await first;
    await flush();
    expect(rounds).toHaveLength(2);
  });

  it('schedules the interval after a successful sync', async () => {
    const { timers, scheduler } = setup(() => Promise.resolve());
    await scheduler.trigger();
    expect(timers.delays()).toEqual([60_000]);
    // A second trigger replaces the timer instead of adding one.
    await scheduler.trigger();
    expect(timers.delays()).toEqual([60_000]);
  });

  it('retries a failure with a growing backoff, and returns to the interval after success', async () => {
    let failures = 3;
    let runs = 0;
    const { timers, scheduler } = setup(() => {
      runs += 1;
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('network'));
      }
      return Promise.resolve();
    });
    await scheduler.trigger();
    const seen: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      seen.push(...timers.delays());
      timers.fire();
      await flush();
    }
    expect(runs).toBe(4);
    expect(seen).toEqual([0, 1, 2].map((a) => backoffDelay(a, () => 0.5)));
    expect(seen[0]).toBeLessThan(seen[1] ?? 0);
    expect(seen[1]).toBeLessThan(seen[2] ?? 0);
    expect(timers.delays()).toEqual([60_000]);
  });

  it('stops retrying when a login is needed, until the next trigger', async () => {
    let runs = 0;
    let needLogin = true;
    const { timers, scheduler } = setup(() => {
      runs += 1;
      return needLogin ? Promise.reject(new AuthRequired()) : Promise.resolve();
    });
    await scheduler.trigger();
    expect(timers.pending.size).toBe(0);
    expect(runs).toBe(1);
    needLogin = false;
    await scheduler.trigger();
    expect(runs).toBe(2);
    expect(timers.delays()).toEqual([60_000]);
  });

  it('a pending retry timer is dropped when a login is needed', async () => {
    let outcome: 'network' | 'login' = 'network';
    const { timers, scheduler } = setup(() =>
      Promise.reject(outcome === 'network' ? new Error('network') : new AuthRequired()),
    );
    await scheduler.trigger();
    expect(timers.pending.size).toBe(1);
    outcome = 'login';
    await scheduler.trigger();
    expect(timers.pending.size).toBe(0);
  });

  it('does nothing after stop', async () => {
    let runs = 0;
    const { timers, scheduler } = setup(() => {
      runs += 1;
      return Promise.resolve();
    });
    await scheduler.trigger();
    scheduler.stop();
    expect(timers.pending.size).toBe(0);
    await scheduler.trigger();
    expect(runs).toBe(1);
  });
});
