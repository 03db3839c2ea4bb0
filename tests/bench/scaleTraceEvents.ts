/**
 * A Chromium trace (CDP `Tracing`, devtools.timeline) of one reaction in the page, summed by what
 * the renderer's main thread did: self time per trace event (JS function calls, style, layout,
 * paint, …) from the click's dispatch on, and the main thread's tasks in order with their longest
 * parts. Used by scaleTrace.ts.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}

export interface TraceSummary {
  /** From the click's dispatch to the last main-thread event, ms. */
  spanMs: number;
  /** Main-thread self time by event name, ms, largest first. */
  byEvent: [string, number][];
  /** Main-thread tasks: start (ms from the click), duration and their three longest parts. */
  tasks: string;
}

export async function startTrace(page: Page): Promise<{ cdp: CDPSession; events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8.execute',
        'toplevel',
      ],
    },
    transferMode: 'ReportEvents',
  });
  return { cdp, events };
}

export async function stopTrace(trace: {
  cdp: CDPSession;
  events: TraceEvent[];
}): Promise<TraceSummary> {
  const done = new Promise<void>((resolve) =>
    trace.cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await trace.cdp.send('Tracing.end');
  await done;
  await trace.cdp.detach();
  return summarise(trace.events);
}

/** Events that only wrap others (their self time is the scheduler's, not the page's). */
const WRAPPERS = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
]);

function label(e: TraceEvent): string {
  const data = e.args?.data;
  if (e.name === 'EventDispatch') return `EventDispatch:${data?.type ?? ''}`;
  if (e.name === 'FunctionCall' && data?.functionName) return `FunctionCall:${data.functionName}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') return e.name;
  return e.name;
}

function summarise(events: TraceEvent[]): TraceSummary {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const main = events.filter(
    (e) => e.ph === 'X' && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain',
  );
  const click = main.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) return { spanMs: 0, byEvent: [], tasks: 'no click seen' };
  const key = `${click.pid}:${click.tid}`;
  const spans = main
    .filter((e) => `${e.pid}:${e.tid}` === key && e.ts + (e.dur ?? 0) >= click.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const tasks: { ts: number; dur: number; parts: Map<string, number> }[] = [];
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const add = (m: Map<string, number>, k: string, us: number): void => {
    m.set(k, (m.get(k) ?? 0) + us);
  };
  const pop = (): void => {
    const top = stack.pop();
    if (!top) return;
    const own = (top.e.dur ?? 0) - top.child;
    add(self, label(top.e), own);
    const task = tasks[tasks.length - 1];
    if (task && !WRAPPERS.has(top.e.name)) add(task.parts, label(top.e), own);
  };
  for (const e of spans) {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= e.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur ?? 0;
    else tasks.push({ ts: e.ts, dur: e.dur ?? 0, parts: new Map() });
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  while (stack.length > 0) pop();
  const last = spans.reduce((m, e) => Math.max(m, e.ts + (e.dur ?? 0)), click.ts);
  const ms = (us: number): string => (us / 1000).toFixed(1);
  return {
    spanMs: (last - click.ts) / 1000,
    byEvent: [...self]
      .map(([k, us]): [string, number] => [k, us / 1000])
      .sort((a, b) => b[1] - a[1]),
    tasks: tasks
      .filter((t) => t.dur >= 500)
      .map((t) => {
        const parts = [...t.parts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([k, us]) => `${k} ${ms(us)}`)
          .join(', ');
        return `@${ms(Math.max(0, t.ts - click.ts))} ${ms(t.dur)} ms [${parts}]`;
      })
      .join('\n  '),
  };
}
