/**
 * Lighthouse and installability (issue 6, budget 2): Lighthouse 12.2.3, mobile (its default
 * config), against the built app served by the real server, for the organisation list (a first
 * visit: not logged in) and the self-report page `/#/report/<token>` (a real invitation made
 * through `POST /api/invitations` for a seeded organisation). The pages take turns, `runs` times
 * each; each figure is the median score. Lighthouse 12 has no PWA category: installability is
 * checked in Chromium itself (installability.ts) and reported as one row.
 *
 * Budgets: performance ≥ 0.95, accessibility = 1, best practices ≥ 0.95, installable. Performance
 * is scored with the CPU multiplier Lighthouse's documented calibration gives for the run's own
 * `benchmarkIndex` (lighthouseRun.ts); the note also gives the score at the default 4×.
 * In the same rounds, the floor build (the bundle budget's one-screen app of the card's runtime
 * packages, served by the same server) is scored as a baseline: what those packages alone reach
 * on this machine, in this run.
 *
 * Standalone: `node --import tsx tests/bench/lighthouseBench.ts [--runs=3]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startAppServer, type AppServer } from './appServer';
import { seedRecords } from './appSeed';
import { checkRow, printRows, sampledRow, type BenchRow } from './browserRows';
import { builtApp } from './builtApp';
import { buildFloor } from './bundleBuild';
import type { Check } from './installChecks';
import { checkInstallability } from './installability';
import { launchChrome, runLighthouse, type LighthouseResult } from './lighthouseRun';
import { median, round } from './stats';

export interface LighthouseOptions {
  /** Lighthouse runs per page (default 3; 1 with `quick`). */
  runs?: number;
  quick?: boolean;
  log?: (line: string) => void;
}

/** The label of the floor build's page (a baseline, not a budget). */
const FLOOR = 'floor build';

interface PageUnderTest {
  label: string;
  url: string;
}

/** A self-report link for a seeded organisation, or why there is none. */
async function selfReportUrl(server: AppServer): Promise<string | { missing: string }> {
  const seeded = await seedRecords(server, 20);
  const organisationId = seeded.organisationIds[0];
  if (!organisationId) return { missing: 'no organisation was seeded' };
  const response = await fetch(`${server.baseUrl}/api/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ organisationId }),
  });
  if (!response.ok) return { missing: `POST /api/invitations answered ${response.status}` };
  const { token } = (await response.json()) as { token?: string };
  return token ? `${server.baseUrl}/#/report/${token}` : { missing: 'no token in the answer' };
}

type Category = keyof LighthouseResult['weakAudits'];

/** The page's metrics, CPU multipliers and the score at the default 4×, for the row's note. */
function metricsNote(results: readonly LighthouseResult[]): string {
  const m = (pick: (r: LighthouseResult) => number) => median(results.map(pick));
  const slowHost = results.some((r) => r.calibration.tooSlow)
    ? '; host too slow for the calibration (1× used)'
    : '';
  const ms = (pick: (r: LighthouseResult) => number): string => `${round(m(pick), 0)} ms`;
  return (
    `FCP ${ms((r) => r.metrics.fcp)}, LCP ${ms((r) => r.metrics.lcp)}, ` +
    `TBT ${ms((r) => r.metrics.tbt)}, CLS ${round(
      m((r) => r.metrics.cls),
      3,
    )}; CPU ${results.map((r) => `${round(r.calibration.multiplier, 2)}×`).join('/')} ` +
    `from benchmarkIndex ${results.map((r) => round(r.benchmarkIndex, 0)).join('/')} ` +
    `(Lighthouse's documented calibration)${slowHost}; at the default 4×: ` +
    `${round(
      m((r) => r.performanceAt4x),
      2,
    )}, TBT ${ms((r) => r.tbtAt4x)}`
  );
}

function pageRows(page: string, results: readonly LighthouseResult[]): BenchRow[] {
  const weak = (category: Category, prefix: string): string => {
    const ids = [...new Set(results.flatMap((r) => r.weakAudits[category]))];
    return ids.length ? `${prefix}below 0.9: ${ids.join(', ')}` : prefix.replace(/; $/, '');
  };
  const metrics = metricsNote(results);
  return [
    sampledRow({
      figure: `Lighthouse performance, mobile (${page})`,
      unit: 'score',
      samples: results.map((r) => r.performance),
      budget: '≥ 0.95',
      pass: ({ median: v }) => v >= 0.95,
      note: weak('performance', `${metrics}; `),
      digits: 2,
    }),
    sampledRow({
      figure: `Lighthouse accessibility (${page})`,
      unit: 'score',
      samples: results.map((r) => r.accessibility),
      budget: '= 1.00',
      pass: ({ median: v }) => v >= 1,
      note: weak('accessibility', 'axe-core via Lighthouse; '),
      digits: 2,
    }),
    sampledRow({
      figure: `Lighthouse best practices (${page})`,
      unit: 'score',
      samples: results.map((r) => r.bestPractices),
      budget: '≥ 0.95',
      pass: ({ median: v }) => v >= 0.95,
      note: weak('bestPractices', 'median of runs; '),
      digits: 2,
    }),
  ];
}

/**
 * The floor build (bundleBuild.ts: one screen with only the card's runtime packages) under the
 * same Lighthouse setup, served by the same server: what those packages alone score on this
 * machine in this run, to read the app's scores against.
 */
function floorRow(results: readonly LighthouseResult[]): BenchRow {
  return sampledRow({
    figure:
      'Baseline: Lighthouse performance of the floor build (one screen, runtime packages only)',
    unit: 'score',
    samples: results.map((r) => r.performance),
    budget: 'baseline',
    pass: () => true,
    note: metricsNote(results),
    digits: 2,
  });
}

export function installRow(checks: readonly Check[]): BenchRow {
  const failed = checks.filter((c) => !c.ok);
  return checkRow(
    'Installable PWA (manifest, icons incl. maskable, service worker, start_url offline)',
    failed.length === 0,
    'all checks pass',
    failed.length === 0
      ? `${checks.length} checks pass`
      : `failed: ${failed.map((c) => `${c.name} (${c.detail ?? ''})`).join('; ')}`,
  );
}

/** The bench runner's entry point (a `BenchRun`, see benchRow.ts). */
export async function lighthouseBench(options: LighthouseOptions = {}): Promise<BenchRow[]> {
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const log = options.log ?? (() => undefined);
  log('building the app');
  const server = await startAppServer(await builtApp());
  const floorDir = mkdtempSync(join(tmpdir(), 'bruecke-lighthouse-floor-'));
  let floor: AppServer | null = null;
  try {
    log('building the floor');
    await buildFloor(floorDir);
    floor = await startAppServer(floorDir);
    const report = await selfReportUrl(server);
    const pages: PageUnderTest[] = [{ label: 'organisation list', url: `${server.baseUrl}/` }];
    if (typeof report === 'string') pages.push({ label: 'self-report page', url: report });
    pages.push({ label: FLOOR, url: `${floor.baseUrl}/` });
    const results = new Map<string, LighthouseResult[]>(pages.map((p) => [p.label, []]));
    const chrome = await launchChrome();
    try {
      for (let i = 0; i < runs; i += 1)
        for (const page of pages)
          results.get(page.label)?.push(await runLighthouse(page.url, chrome));
    } finally {
      await chrome.close();
    }
    const rows = pages
      .filter((p) => p.label !== FLOOR)
      .flatMap((p) => pageRows(p.label, results.get(p.label) ?? []));
    rows.push(floorRow(results.get(FLOOR) ?? []));
    if (typeof report !== 'string')
      rows.push(
        checkRow(
          'Lighthouse (self-report page)',
          false,
          'measured',
          `TODO: not measured, ${report.missing}`,
        ),
      );
    log('installability');
    rows.push(installRow(await checkInstallability(server.baseUrl)));
    return rows;
  } finally {
    await floor?.stop();
    await server.stop();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = process.argv.find((x) => x.startsWith('--runs='));
  const rows = await lighthouseBench({ runs: a ? Number(a.slice(7)) : undefined });
  printRows(rows);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}
