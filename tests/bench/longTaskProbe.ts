/**
 * Records the page's long tasks (Long Tasks API, Chromium) and long animation frames (with the
 * scripts that ran in them: what caused a long task) from before the app's first script runs.
 * Plain JavaScript text, so no TypeScript transform touches it.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface LongTask {
  startTime: number;
  duration: number;
}

export interface FrameScript {
  /** e.g. `IDBRequest.onsuccess`, `MessagePort.onmessage` (React's scheduler), `TimerHandler:setTimeout`. */
  invoker: string;
  source: string;
  fn: string;
  duration: number;
  forcedLayout: number;
}

export interface LongFrame {
  startTime: number;
  duration: number;
  blocking: number;
  scripts: FrameScript[];
}

const PROBE = String.raw`(() => {
  const store = { tasks: [], frames: [] };
  Object.defineProperty(window, '__brueckeLongTasks', { value: store });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) store.tasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        store.frames.push({
          startTime: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({
            invoker: s.invoker || '',
            source: (s.sourceURL || '').split('/').pop() || '',
            fn: s.sourceFunctionName || '',
            duration: s.duration,
            forcedLayout: s.forcedStyleAndLayoutDuration || 0,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
})();`;

export async function installLongTaskProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE });
}

/** The page's clock (ms since navigation start), to cut a time window out of the entries. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Long tasks and long frames that started within [from, to] (page clock). */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
): Promise<{ tasks: LongTask[]; frames: LongFrame[] }> {
  const all = await page.evaluate(
    () =>
      (window as { __brueckeLongTasks?: { tasks: LongTask[]; frames: LongFrame[] } })
        .__brueckeLongTasks ?? { tasks: [], frames: [] },
  );
  const inside = (e: { startTime: number }) => e.startTime >= from && e.startTime <= to;
  return { tasks: all.tasks.filter(inside), frames: all.frames.filter(inside) };
}

/** What ran in the long frames, summed by invoker and source (the biggest first). */
export function frameCauses(frames: readonly LongFrame[], minMs = 0): string[] {
  const sums = new Map<string, { ms: number; count: number; forced: number }>();
  for (const f of frames.filter((x) => x.duration >= minMs))
    for (const s of f.scripts) {
      const key = `${s.invoker}${s.fn ? ` → ${s.fn}` : ''} (${s.source || 'no source'})`;
      const entry = sums.get(key) ?? { ms: 0, count: 0, forced: 0 };
      entry.ms += s.duration;
      entry.count += 1;
      entry.forced += s.forcedLayout;
      sums.set(key, entry);
    }
  return [...sums.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([key, v]) =>
        `${Math.round(v.ms)} ms in ${v.count}× ${key}${v.forced ? `, forced layout ${Math.round(v.forced)} ms` : ''}`,
    );
}
