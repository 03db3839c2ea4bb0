/**
 * Runs Lighthouse (npm `lighthouse`, pinned to 12.2.3) through its Node API against headless
 * Debian Chromium (`CHROME_PATH`, default /usr/bin/chromium), with Lighthouse's default config:
 * mobile emulation (moto g power screen and user agent) and simulated slow-4G / 4× CPU throttling.
 * Each run opens its own tab; Lighthouse clears the origin's storage first (a first visit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** ms, except CLS (unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  /** Lighthouse's measure of this machine's speed (a mid-range desktop is about 1000–2000). */
  benchmarkIndex: number;
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
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export async function runLighthouse(url: string, chrome: Chrome): Promise<LighthouseResult> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
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
    weakAudits: {
      performance: weak('performance'),
      accessibility: weak('accessibility'),
      bestPractices: weak('best-practices'),
    },
    warnings: lhr.runWarnings.map((w) => w.split('. ')[0] ?? w),
  };
}
