/**
 * Long tasks during the initial pull (issue 6, budget 6, part): "no main-thread task over 200 ms
 * while it runs (Long Tasks API in Chromium)".
 *
 * The real server holds `records` realistic records (seeded through the push API). Each run: a
 * fresh Chromium profile opens the built app, which registers a `longtask` observer (buffered)
 * before any app code runs; the coordinator logs in (login API, session cookie) and presses
 * "sync now"; the window measured runs from that click until the device holds every record and
 * the sync round is over, plus `settleMs` for the screens to catch up. Long animation frames
 * name the scripts behind each long task (the cause).
 *
 * Standalone: `node --import tsx tests/bench/syncLongTasksBench.ts [--runs=2] [--records=10000]
 * [--causes] [--profile]` (`--profile`: a CPU profile of the first run, by module; build with
 * `vite build --minify false` and point BRUECKE_BENCH_DIST at it for module names).
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppContext, waitForAppShell } from '../e2e/browser';
import { startAppServer, type AppServer } from './appServer';
import { seedRecords } from './appSeed';
import { logIn, waitForRecords } from './appSession';
import { printRows, sampledRow, type BenchRow } from './browserRows';
import { builtApp } from './builtApp';
import {
  frameCauses,
  installLongTaskProbe,
  longTasksBetween,
  pageNow,
  type LongFrame,
  type LongTask,
} from './longTaskProbe';
import { startPageProfile, stopPageProfile, type PageProfileSummary } from './pageProfile';
import { median } from './stats';

export interface LongTaskOptions {
  /** Pulls measured (default 2; 1 with `quick`). */
  runs?: number;
  /** Default 10,000. */
  records?: number;
  quick?: boolean;
  log?: (line: string) => void;
  settleMs?: number;
  /** Profile the first run's window with CDP (for finding the cause). */
  profile?: boolean;
}

const LIMIT_MS = 200;

export interface PullRun {
  pullMs: number;
  tasks: LongTask[];
  frames: LongFrame[];
  profile: PageProfileSummary | null;
}

async function waitUntilIdle(page: Page): Promise<void> {
  const button = page.getByTestId('sync-now');
  await button.waitFor();
  await page.waitForFunction(() => {
    const b = document.querySelector('[data-testid="sync-now"]');
    return b instanceof HTMLButtonElement && !b.disabled && b.getAttribute('aria-busy') !== 'true';
  });
}

async function onePull(
  browser: Browser,
  server: AppServer,
  records: number,
  settleMs: number,
  profile: { distDir: string } | null,
): Promise<PullRun> {
  const context = await newAppContext(browser);
  try {
    await installLongTaskProbe(context);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await waitForAppShell(page);
    await waitUntilIdle(page); // the start-up sync ran (and was refused: nobody logged in yet)
    await logIn(context, server);
    const cdp = profile ? await startPageProfile(context, page) : null;
    const from = await pageNow(page);
    await page.getByTestId('sync-now').click();
    await waitForRecords(page, records, { everyMs: 500 });
    await waitUntilIdle(page);
    const pulled = await pageNow(page);
    await page.waitForTimeout(settleMs);
    const to = await pageNow(page);
    const summary = cdp && profile ? await stopPageProfile(cdp, profile.distDir) : null;
    const { tasks, frames } = await longTasksBetween(page, from, to);
    return { pullMs: pulled - from, tasks, frames, profile: summary };
  } finally {
    await context.close();
  }
}

export function longTaskRows(runs: readonly PullRun[], records: number): BenchRow[] {
  const longest = runs.map((r) => Math.max(0, ...r.tasks.map((t) => t.duration)));
  const over = runs.map((r) => r.tasks.filter((t) => t.duration > LIMIT_MS).length);
  const over50 = runs.map((r) => r.tasks.length);
  const cause = frameCauses(
    runs.flatMap((r) => r.frames),
    LIMIT_MS,
  )[0];
  return [
    sampledRow({
      figure: `Initial pull of ${records} records in the browser: longest main-thread task`,
      unit: 'ms',
      samples: longest,
      budget: `≤ ${LIMIT_MS} ms (every run)`,
      pass: ({ p95 }) => p95 <= LIMIT_MS,
      note: cause ? `biggest cause: ${cause}` : 'Long Tasks API, from "sync now" to done + settle',
      digits: 0,
    }),
    sampledRow({
      figure: `Initial pull of ${records} records: tasks over ${LIMIT_MS} ms`,
      unit: 'tasks',
      samples: over,
      budget: '0 (every run)',
      pass: ({ p95 }) => p95 === 0,
      note: `long tasks (> 50 ms) per run: median ${median(over50)}`,
      digits: 0,
    }),
    sampledRow({
      figure: `Initial pull of ${records} records in the browser (wall)`,
      unit: 'ms',
      samples: runs.map((r) => r.pullMs),
      budget: 'for reference',
      pass: () => true,
      note: 'from the click on "sync now" until every record is stored and the round is over',
      digits: 0,
    }),
  ];
}

export async function measurePulls(options: LongTaskOptions = {}): Promise<{
  runs: PullRun[];
  records: number;
}> {
  const runs = options.runs ?? (options.quick ? 1 : 2);
  const settleMs = options.settleMs ?? 1000;
  const log = options.log ?? (() => undefined);
  log('building the app');
  const distDir = await builtApp();
  const server = await startAppServer(distDir);
  const browser = await launchBrowser();
  try {
    const seeded = await seedRecords(server, options.records ?? 10_000);
    log(`seeded ${seeded.total} records in ${Math.round(seeded.ms)} ms`);
    const out: PullRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      const profile = options.profile && i === 0 ? { distDir } : null;
      out.push(await onePull(browser, server, seeded.total, settleMs, profile));
      log(`pull ${i + 1}/${runs}`);
    }
    return { runs: out, records: seeded.total };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The bench runner's entry point (a `BenchRun`, see benchRow.ts). */
export async function syncLongTasksBench(options: LongTaskOptions = {}): Promise<BenchRow[]> {
  const { runs, records } = await measurePulls(options);
  return longTaskRows(runs, records);
}

function arg(name: string): number | undefined {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : undefined;
}

function printDetails(runs: readonly PullRun[]): void {
  runs.forEach((r, i) => {
    const tasks = [...r.tasks].sort((a, b) => b.duration - a.duration).slice(0, 10);
    console.log(
      `\nRun ${i + 1}: ${r.tasks.length} long tasks; longest: ${tasks.map((t) => Math.round(t.duration)).join(', ')} ms`,
    );
  });
  console.log(`\nScripts in frames with a task over ${LIMIT_MS} ms (all runs):`);
  for (const line of frameCauses(
    runs.flatMap((r) => r.frames),
    LIMIT_MS,
  ).slice(0, 15))
    console.log(`  ${line}`);
  const profile = runs[0]?.profile;
  if (profile) {
    console.log(`\nCPU profile of run 1 (${Math.round(profile.totalMs)} ms busy), by module:`);
    for (const m of profile.byModule.slice(0, 25))
      console.log(`  ${m.ms.toFixed(0).padStart(6)} ms  ${m.name}`);
    console.log('By function (self time):');
    for (const f of profile.byFunction.slice(0, 30))
      console.log(`  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
    console.log('By function (inclusive, app code):');
    for (const f of profile.inclusive.filter((x) => x.name.includes('src/')).slice(0, 40))
      console.log(`  ${f.ms.toFixed(0).padStart(6)} ms  ${f.name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { runs, records } = await measurePulls({
    runs: arg('runs'),
    records: arg('records'),
    profile: process.argv.includes('--profile'),
  });
  const rows = longTaskRows(runs, records);
  printRows(rows);
  if (process.argv.includes('--causes') || process.argv.includes('--profile')) printDetails(runs);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}
