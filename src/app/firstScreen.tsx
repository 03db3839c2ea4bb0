import { useEffect } from 'react';

/**
 * Runs `fn` once the next frame is painted and the browser is idle: the animation frame callback
 * runs just before the paint, the idle (or timer) callback it schedules after it. A hidden tab
 * paints nothing, so a timer runs `fn` after `timeoutMs` in any case.
 */
export function afterPaintWhenIdle(fn: () => void, timeoutMs = 2000): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, timeoutMs);
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
    else setTimeout(run, 1);
  });
}

/**
 * Work that waits for the first screen (e.g. the first sync round, whose code is a lazy chunk):
 * `after(fn)` runs `fn` once `shown()` was called, everything passed to `waitFor` has settled
 * (e.g. the list's data, so its rows are on the screen), the screen is painted and the browser
 * is idle.
 */
export interface FirstScreen {
  after: (fn: () => void) => void;
  /** The first screen also needs this to settle (resolved or rejected) before it counts. */
  waitFor: (work: Promise<unknown>) => void;
  /** The first screen is on the page; idempotent. */
  shown: () => void;
}

export function firstScreenSignal(
  idle: (fn: () => void) => void = afterPaintWhenIdle,
): FirstScreen {
  let isShown = false;
  let isDone = false;
  let gate: Promise<unknown> | null = null;
  const waiting: (() => void)[] = [];
  const done = (): void => {
    isDone = true;
    for (const fn of waiting.splice(0)) idle(fn);
  };
  return {
    after: (fn) => {
      if (isDone) idle(fn);
      else waiting.push(fn);
    },
    waitFor: (work) => {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      gate = gate ? Promise.all([gate, settled]) : settled;
    },
    shown: () => {
      if (isShown) return;
      isShown = true;
      if (gate) void gate.then(done);
      else done();
    },
  };
}

/**
 * Rendered last inside the app's providers: its effect runs after React committed the first
 * screen to the DOM, and tells `signal`.
 */
export function FirstScreenShown({ signal }: { signal: FirstScreen }): null {
  useEffect(() => signal.shown(), [signal]);
  return null;
}
