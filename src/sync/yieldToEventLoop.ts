/*
 * No imports here: startBrowserSync uses this module, and it is part of the start chunk (the
 * engine and zod are loaded lazily).
 */

interface YieldingScheduler {
  yield: () => Promise<void>;
}

/**
 * Gives the event loop a turn: `scheduler.yield()` where the browser has it (the continuation
 * keeps its place ahead of other queued tasks), otherwise a message through a MessageChannel (a
 * task without setTimeout's clamping). The browser's sync awaits it after each pulled page, so
 * rendering and input get their turn between pages.
 */
export function yieldToEventLoop(scope: typeof globalThis = globalThis): Promise<void> {
  const { scheduler } = scope as { scheduler?: Partial<YieldingScheduler> };
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new scope.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
