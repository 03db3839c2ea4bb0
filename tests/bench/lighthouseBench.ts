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
 *
 * Standalone: `node --import tsx tests/bench/lighthouseBench.ts [--runs=3]`.
 */
import { pathToFileURL } from 'node:url';
import { startAppServer, type AppServer } from './appServer';
import { seedRecords } from './appSeed';
import { checkRow, printRows, sampledRow, type BenchRow } from './browserRows';
import { builtApp } from './builtApp';
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

function pageRows(page: string, results: readonly LighthouseResult[]): BenchRow[] {
  const m = (pick: (r: LighthouseResult) => number) => median(results.map(pick));
  const weak = (category: Category, prefix: string): string => {
    const ids = [...new Set(results.flatMap((r) => r.weakAudits[category]))];
    return ids.length ? `${prefix}below 0.9: ${ids.join(', ')}` : prefix.replace(/; $/, '');
  };
  const slowHost = results.some((r) => r.calibration.tooSlow)
    ? '; host too slow for the calibration (1× used)'
    : '';
  const ms = (pick: (r: LighthouseResult) => number): string => `${round(m(pick), 0)} ms`;
  const metrics =
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
    )}, TBT ${ms((r) => r.tbtAt4x)}`;
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
  try {
    const report = await selfReportUrl(server);
    const pages: PageUnderTest[] = [{ label: 'organisation list', url: `${server.baseUrl}/` }];
    if (typeof report === 'string') pages.push({ label: 'self-report page', url: report });
    const results = new Map<string, LighthouseResult[]>(pages.map((p) => [p.label, []]));
    const chrome = await launchChrome();
    try {
      for (let i = 0; i < runs; i += 1)
        for (const page of pages)
          results.get(page.label)?.push(await runLighthouse(page.url, chrome));
    } finally {
      await chrome.close();
    }
    const rows = pages.flatMap((p) => pageRows(p.label, results.get(p.label) ?? []));
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
    await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = process.argv.find((x) => x.startsWith('--runs='));
  const rows = await lighthouseBench({ runs: a ? Number(a.slice(7)) : undefined });
  printRows(rows);
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}
