import { backoffDelay } from './backoff';
import { AuthRequired } from './authRequired';

export interface SchedulerDeps {
  /** One complete sync; throws on failure. */
  run: () => Promise<void>;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** How often to sync while everything works. */
  intervalMs: number;
}

export interface SyncScheduler {
  /** Sync now (app open, back online, tab visible, user pressed "sync"). */
  trigger: () => Promise<void>;
  stop: () => void;
}

/**
 * Decides when to sync: on every trigger, on a timer while healthy, and after a failure again
 * with exponential backoff and jitter, so a hundred tablets coming back online do not hit the
 * server in the same second. A missing login pauses retries until the next trigger.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  let running: Promise<void> | null = null;
  // Shared with the running loop: a trigger while it runs asks for one more round.
  const flags = { again: false, stopped: false };
  const anotherRound = (): boolean => flags.again && !flags.stopped;
  let attempt = 0;
  let timer: unknown = null;

  const schedule = (ms: number): void => {
    if (timer !== null) deps.clearTimer(timer);
    if (flags.stopped) return;
    timer = deps.setTimer(() => {
      timer = null;
      void trigger();
    }, ms);
  };

  const runOnce = async (): Promise<void> => {
    try {
      await deps.run();
      attempt = 0;
      schedule(deps.intervalMs);
    } catch (error) {
      if (error instanceof AuthRequired) {
        if (timer !== null) deps.clearTimer(timer);
        timer = null;
        return;
      }
      schedule(backoffDelay(attempt, deps.random));
      attempt += 1;
    }
  };

  const trigger = (): Promise<void> => {
    if (flags.stopped) return Promise.resolve();
    if (running) {
      flags.again = true;
      return running;
    }
    running = (async () => {
      do {
        flags.again = false;
        await runOnce();
      } while (anotherRound());
      running = null;
    })();
    return running;
  };

  return {
    trigger,
    stop: () => {
      flags.stopped = true;
      if (timer !== null) deps.clearTimer(timer);
    },
  };
}
