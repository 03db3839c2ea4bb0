/**
 * Start time (issue 6, budget 5): the built app on the real server, real Chromium, measured to
 * the first interactive screen (the organisation list usable; see startProbe.ts for the exact
 * condition), in ms after navigation start.
 *
 * Each round:
 * - cold: a fresh profile loads the app online over a mobile network: Lighthouse's mobile
 *   profile (slow 4G as DevTools applies it: 562.5 ms request latency, 1.47 Mbit/s down), so
 *   "online" means a real network, not this machine's loopback;
 * - warm: once its service worker is installed and controls the app, the network is cut
 *   (`context.setOffline(true)`) and the same profile opens the app again;
 * - cold over loopback (no throttling, another fresh profile), for comparison;
 * - warm with data: a logged-in profile that synced `records` records opens the app offline (the
 *   list shows rows).
 * Before every warm start the service workers are stopped, as after a while without use, so the
 * warm time includes starting the service worker. Budget: warm ≤ 0.5× cold (median of the
 * per-round ratios) and ≤ 1 s (median).
 *
 * Standalone: `node --import tsx tests/bench/startBench.ts [--rounds=10] [--records=1000]`.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  newAppContext,
  waitForAppShell,
  waitForServiceWorker,
} from '../e2e/browser';
import { startAppServer, type AppServer } from './appServer';
import { seedRecords } from './appSeed';
import { logIn, waitForRecords } from './appSession';
import { printRows, sampledRow, type BenchRow } from './browserRows';
import { builtApp } from './builtApp';
import { installStartProbe, startTimes, type StartTimes } from './startProbe';
import { median, round } from './stats';

export interface StartOptions {
  /** Default 10 (3 with `quick`). */
  rounds?: number;
  /** Records the logged-in profile syncs before its warm starts (default 1,000). */
  records?: number;
  quick?: boolean;
  log?: (line: string) => void;
}

const WARM_LIMIT_MS = 1000;
const WARM_RATIO = 0.5;

/** Lighthouse's mobile network (slow 4G) as DevTools throttling applies it, per request. */
const MOBILE_NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const NO_THROTTLING = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

type Network = 'mobile' | 'loopback';

/**
 * Opens the app in a new page of `context` and returns once its first screen was painted.
 * `stopWorkers`: stop the service workers first (a warm start after a pause).
 */
async function timedStart(
  context: BrowserContext,
  baseUrl: string,
  how: { network?: Network; stopWorkers?: boolean },
): Promise<{ page: Page; times: StartTimes }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (how.stopWorkers) {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  }
  if (how.network === 'mobile') {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK);
  }
  const painted = startTimes(page);
  await page.goto(`${baseUrl}/`);
  const times = await painted;
  if (how.network === 'mobile') await cdp.send('Network.emulateNetworkConditions', NO_THROTTLING);
  await cdp.detach();
  return { page, times };
}

/** The logged-in profile with data, its service worker in control, offline. */
async function dataProfile(browser: Browser, server: AppServer, records: number) {
  const context = await newAppContext(browser);
  await installStartProbe(context, true);
  await logIn(context, server);
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/`);
  await waitForAppShell(page);
  await waitForRecords(page, records); // the app's own sync on start pulls everything
  await waitForServiceWorker(page);
  await page.close();
  await context.setOffline(true);
  return context;
}

export interface StartSamples {
  cold: number[];
  warm: number[];
  ratio: number[];
  coldLoopback: number[];
  warmData: number[];
}

/** A fresh profile's cold start (mobile network), then its warm start offline. */
async function coldThenWarm(browser: Browser, baseUrl: string) {
  const context = await newAppContext(browser);
  try {
    await installStartProbe(context, false);
    const cold = await timedStart(context, baseUrl, { network: 'mobile' });
    await waitForServiceWorker(cold.page);
    await cold.page.close();
    await context.setOffline(true);
    const warm = await timedStart(context, baseUrl, { stopWorkers: true });
    await warm.page.close();
    return { cold: cold.times.painted, warm: warm.times.painted };
  } finally {
    await context.close();
  }
}

async function coldOverLoopback(browser: Browser, baseUrl: string): Promise<number> {
  const context = await newAppContext(browser);
  try {
    await installStartProbe(context, false);
    return (await timedStart(context, baseUrl, {})).times.painted;
  } finally {
    await context.close();
  }
}

async function oneRound(browser: Browser, baseUrl: string, data: BrowserContext, s: StartSamples) {
  const { cold, warm } = await coldThenWarm(browser, baseUrl);
  s.cold.push(cold);
  s.warm.push(warm);
  s.ratio.push(warm / cold);
  s.coldLoopback.push(await coldOverLoopback(browser, baseUrl));
  const withData = await timedStart(data, baseUrl, { stopWorkers: true });
  await withData.page.close();
  s.warmData.push(withData.times.painted);
}

export function startRows(s: StartSamples, records: number, organisations: number): BenchRow[] {
  const coldMedian = median(s.cold);
  const ratioMedian = median(s.ratio);
  const vsCold = (list: number[]) => `${round(median(list) / coldMedian, 2)}× cold`;
  const vsLoopback = (list: number[]) =>
    `${round(median(list) / median(s.coldLoopback), 2)}× cold over loopback`;
  return [
    sampledRow({
      figure: 'Start, cold: fresh profile, mobile network → list usable',
      unit: 'ms',
      samples: s.cold,
      budget: 'baseline',
      pass: () => true,
      note: 'slow 4G as Lighthouse mobile; not logged in, empty list',
      digits: 0,
    }),
    sampledRow({
      figure: 'Start, warm: same profile offline (service worker) → list usable',
      unit: 'ms',
      samples: s.warm,
      budget: `≤ ${WARM_LIMIT_MS} ms and ≤ ${WARM_RATIO}× cold`,
      pass: ({ median: m }) => m <= WARM_LIMIT_MS && ratioMedian <= WARM_RATIO,
      note: `service worker stopped before each start; ${vsLoopback(s.warm)}`,
      digits: 0,
    }),
    sampledRow({
      figure: 'Start, warm / cold (paired per round)',
      unit: '×',
      samples: s.ratio,
      budget: `≤ ${WARM_RATIO}`,
      pass: ({ median: m }) => m <= WARM_RATIO,
      note: `ratio of medians ${vsCold(s.warm)}`,
      digits: 2,
    }),
    sampledRow({
      figure: 'Start, cold over loopback (no network delay) → list usable',
      unit: 'ms',
      samples: s.coldLoopback,
      budget: 'for comparison',
      pass: () => true,
      note: 'fresh profile; what the machine alone costs',
      digits: 0,
    }),
    sampledRow({
      figure: `Start, warm offline with ${records} records → rows shown`,
      unit: 'ms',
      samples: s.warmData,
      budget: `≤ ${WARM_LIMIT_MS} ms`,
      pass: ({ median: m }) => m <= WARM_LIMIT_MS,
      note: `logged in, ${organisations} organisations; ${vsCold(s.warmData)}`,
      digits: 0,
    }),
  ];
}

/** The bench runner's entry point (a `BenchRun`, see benchRow.ts). */
export async function startBench(options: StartOptions = {}): Promise<BenchRow[]> {
  const rounds = options.rounds ?? (options.quick ? 3 : 10);
  const records = options.records ?? 1000;
  const log = options.log ?? (() => undefined);
  log('building the app');
  const server = await startAppServer(await builtApp());
  const browser = await launchBrowser();
  try {
    const seeded = await seedRecords(server, records);
    log(`seeded ${seeded.total} records; preparing the logged-in profile`);
    const data = await dataProfile(browser, server, seeded.total);
    const samples: StartSamples = { cold: [], warm: [], ratio: [], coldLoopback: [], warmData: [] };
    for (let i = 0; i < rounds; i += 1) {
      await oneRound(browser, server.baseUrl, data, samples);
      log(`round ${i + 1}/${rounds}`);
    }
    await data.close();
    return startRows(samples, seeded.total, seeded.organisations);
  } finally {
    await browser.close();
    await server.stop();
  }
}

function arg(name: string): number | undefined {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await startBench({ rounds: arg('rounds'), records: arg('records') });
  printRows(rows);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}
