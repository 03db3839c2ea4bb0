/**
 * Runs Lighthouse (npm `lighthouse`, pinned to 12.2.3) through its Node API against headless
 * Debian Chromium (`CHROME_PATH`, default /usr/bin/chromium), with Lighthouse's default config:
 * mobile emulation (moto g power screen and user agent) and simulated slow-4G throttling.
 * Each run opens its own tab; Lighthouse clears the origin's storage first (a first visit).
 *
 * CPU: simulated throttling multiplies the CPU time observed in the (unthrottled) page load.
 * Lighthouse's default 4× assumes a high-end desktop host; this machine (2 cores, shared) scores a
 * far lower `benchmarkIndex`, so 4× would emulate a much slower device than Lighthouse's mid-tier
 * phone. Each run is therefore gathered once and audited with the multiplier that Lighthouse's
 * documented calibration gives for the `benchmarkIndex` measured in that same run
 * (cpuCalibration.ts); the same gathered page load audited at the default 4× is reported next to it.
 *
 * `BRUECKE_LIGHTHOUSE_OUT=<dir>` keeps each run's full report (calibrated) there as JSON, to see
 * where the time goes (`bootup-time`, `mainthread-work-breakdown`, `long-tasks`, …).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Artifacts, Config, Flags, RunnerResult } from 'lighthouse';
import { navigationGather } from 'lighthouse/core/gather/navigation-runner.js';
import { Runner } from 'lighthouse/core/runner.js';
import { calibratedCpuSlowdown, type CpuCalibration } from './cpuCalibration';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** ms, except CLS (unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  /** Lighthouse's measure of this machine's speed (a mid-range desktop is about 1000–2000). */
  benchmarkIndex: number;
  /** The CPU multiplier the scores above were computed with (from `benchmarkIndex`). */
  calibration: CpuCalibration;
  /** Performance score of the same page load at Lighthouse's default 4× CPU multiplier. */
  performanceAt4x: number;
  /** TBT (ms) at the default 4×. */
  tbtAt4x: number;
  /** Per category: its scored audits below 0.9, e.g. `errors-in-console`. */
  weakAudits: Record<'performance' | 'accessibility' | 'bestPractices', string[]>;
  /** Lighthouse's own warnings, e.g. that this machine's CPU is slower than it expects. */
  warnings: string[];
}

export interface Chrome {
  port: number;
  close(): Promise<void>;
}

/** Starts headless Chromium with a remote-debugging port for Lighthouse. */
export async function launchChrome(): Promise<Chrome> {
  const profile = mkdtempSync(join(tmpdir(), 'bruecke-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROME_PATH,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not start in 30 s')), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${String(code)}) before listening: ${text.slice(-500)}`));
    });
  });
  return {
    port,
    close: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      // Chromium's helper processes may still write into the profile for a moment after the
      // browser exited (ENOTEMPTY seen here): retry instead of failing the module.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

/** What `lighthouse()` does in two steps (its own two calls), typed here: the .d.ts files of these
 * deep imports name types that do not resolve outside Lighthouse's own build. */
interface Gathered {
  artifacts: Artifacts;
  runnerOptions: { resolvedConfig: Config.ResolvedConfig };
}
const gather = navigationGather as unknown as (
  page: undefined,
  url: string,
  options: { flags: Flags },
) => Promise<Gathered>;
const audit = (Runner as unknown as { audit: RunnerAudit }).audit.bind(Runner);
type RunnerAudit = (
  artifacts: Artifacts,
  options: { resolvedConfig: Config.ResolvedConfig; computedCache: Map<string, unknown> },
) => Promise<RunnerResult | undefined>;

/** Audits gathered artifacts with `cpuSlowdownMultiplier` set (gathering does not use it). */
async function auditWith(gathered: Gathered, cpuSlowdownMultiplier: number): Promise<RunnerResult> {
  const { resolvedConfig } = gathered.runnerOptions;
  const settings = {
    ...resolvedConfig.settings,
    throttling: { ...resolvedConfig.settings.throttling, cpuSlowdownMultiplier },
  };
  // Runner.audit refuses settings that differ from the gathered ones: both get the multiplier.
  const result = await audit(
    { ...gathered.artifacts, settings },
    { resolvedConfig: { ...resolvedConfig, settings }, computedCache: new Map() },
  );
  if (!result) throw new Error('Lighthouse returned no result');
  return result;
}

export async function runLighthouse(url: string, chrome: Chrome): Promise<LighthouseResult> {
  const gathered = await gather(undefined, url, {
    flags: { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
  });
  const calibration = calibratedCpuSlowdown(gathered.artifacts.BenchmarkIndex);
  const result = await auditWith(gathered, calibration.multiplier);
  const atDefault = (await auditWith(gathered, 4)).lhr;
  const { lhr } = result;
  const out = process.env.BRUECKE_LIGHTHOUSE_OUT;
  if (out) {
    const name = `${new URL(url).hash.startsWith('#/report/') ? 'self-report' : 'list'}-${Date.now()}`;
    writeFileSync(join(out, `${name}.json`), JSON.stringify(lhr));
  }
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const score = (id: string): number => lhr.categories[id]?.score ?? Number.NaN;
  const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
  const weak = (category: string): string[] =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .flatMap((ref) => {
        const audit = lhr.audits[ref.id];
        return audit && audit.score !== null && audit.score < 0.9 ? [audit.id] : [];
      });
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    metrics: {
      fcp: numeric('first-contentful-paint'),
      lcp: numeric('largest-contentful-paint'),
      tbt: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      speedIndex: numeric('speed-index'),
    },
    benchmarkIndex: lhr.environment.benchmarkIndex,
    calibration,
    performanceAt4x: atDefault.categories.performance?.score ?? Number.NaN,
    tbtAt4x: atDefault.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    weakAudits: {
      performance: weak('performance'),
      accessibility: weak('accessibility'),
      bestPractices: weak('best-practices'),
    },
    warnings: lhr.runWarnings.map((w) => w.split('. ')[0] ?? w),
  };
}
