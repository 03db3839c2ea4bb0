/**
 * Scale in the browser (issue 6, budget 4): real Chromium, the built app on the real server, the
 * app's IndexedDB seeded with 1,000 organisations, 20,000 visits (200,000 checklist entries in
 * their updates), referrals and follow-ups; then search and filter on the list, profile opens
 * and visit saves are timed in the real UI, and the visit repository is compared with a raw
 * IndexedDB transaction of the same records. Returns one row per figure in the bench runner's
 * shape.
 *
 * Standalone: `node --import tsx tests/bench/scaleBench.ts [--quick]` prints the table.
 * `BRUECKE_BENCH_DIST=dist` uses an existing build instead of building the app.
 */
import { pathToFileURL } from 'node:url';
import { fullScale, type ScaleSpec } from './scaleData';
import { measureCommits } from './scaleCommit';
import { measureList } from './scaleList';
import { measureProfiles } from './scaleProfile';
import { loadAverage } from './benchEnvironment';
import type { BenchRow, BenchRun } from './benchRow';
import { figureRow, infoRow, ratioRow } from './scaleRows';
import { openScaleSession } from './scaleSession';
import { renderTable } from './stats';

/** The bench runner's entry (registry.ts): `--quick` takes 12 samples per figure instead of 32. */
export const scaleBudgets: BenchRun = (options) =>
  scaleBench({ samples: options.quick ? 12 : 32, log: options.log });

export interface ScaleOptions {
  spec?: ScaleSpec;
  /** Samples per figure (at least 30 for the budget figures). */
  samples?: number;
  log?: (line: string) => void;
}

export async function scaleBench(options: ScaleOptions = {}): Promise<BenchRow[]> {
  const spec = options.spec ?? fullScale;
  const samples = options.samples ?? 32;
  const load = loadAverage()[0] ?? 0;
  const started = performance.now();
  const elapsed = (): string => `${Math.round((performance.now() - started) / 1000)} s`;
  const log = (line: string): void => options.log?.(`${line} (${elapsed()})`);
  const session = await openScaleSession(spec);
  try {
    const { page, seed, orgs } = session;
    log(
      `seeded ${JSON.stringify(seed.counts)}, ${seed.checklistEntries.updates} checklist entries in visits ` +
        `(+${seed.checklistEntries.needs} in needs) in ${session.setupSeconds.toFixed(1)} s`,
    );
    const list = await measureList(page, samples);
    log(`list: ${list.search.length} keystrokes, ${list.filter.length} filter changes`);
    const profiles = await measureProfiles(page, orgs, samples);
    log(`profiles: ${profiles.open.length} opens`);
    const commits = await measureCommits(page, orgs, samples, samples + 4);
    log(`commits: ${commits.form.length} form saves, ${commits.repo.length} repository/raw pairs`);
    const total = orgs.length;
    return [
      figureRow(
        'Search: keystroke → list updated',
        list.search,
        50,
        'input event → expected rows in the DOM, laid out',
      ),
      figureRow(
        'Filter change → list updated',
        list.filter,
        50,
        'select input event → expected rows in the DOM, laid out',
      ),
      infoRow(
        'Organisation list: rows in the DOM (virtualised)',
        list.maxRowsInDom,
        'rows',
        `≤ 100 of ${total}`,
        list.maxRowsInDom <= 100,
        `most li elements seen while filtering ${total} organisations`,
      ),
      figureRow(
        'Open profile with visit history',
        profiles.open,
        100,
        `click on the list row → name and all visits shown, laid out; busiest has ${profiles.maxVisits} visits`,
      ),
      figureRow(
        'Back to the list (navigation)',
        profiles.back,
        null,
        'nav click → expected rows shown; not budgeted',
      ),
      figureRow(
        'Commit a visit (saveVisit, in page)',
        commits.repo,
        30,
        'app repository on the real Dexie: validation, reads, records + outbox in one transaction',
      ),
      ratioRow('Commit / raw IndexedDB transaction', commits.repo, commits.raw, 2),
      figureRow(
        'Save a visit through the form',
        commits.form,
        30,
        'click on "save" → "saved" shown, laid out (validation, saveVisit, two renders)' +
          (commits.formTimeouts.length > 0
            ? `; ${commits.formTimeouts.length} never said "saved" (counted as 15 s): ${commits.formTimeouts.join(' / ')}`
            : ''),
      ),
      infoRow(
        'Seed the device (generate, validate, bulkPut)',
        Math.round((seed.generateMs + seed.validateMs + seed.writeMs) / 100) / 10,
        's',
        'info',
        true,
        `${seed.counts.visits} visits, ${seed.checklistEntries.updates} checklist entries; write ${Math.round(seed.writeMs)} ms; load average ${load} at start`,
      ),
    ];
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rows = await scaleBudgets({ quick, log: (line) => console.log(line) });
  console.log(
    renderTable(
      ['figure', 'value', 'budget', 'pass', 'runs', 'median', 'p95', 'note'],
      rows.map((r) => [
        r.figure,
        `${r.value} ${r.unit}`,
        r.budget,
        r.pass ? 'yes' : 'NO',
        String(r.runs),
        String(r.median),
        String(r.p95),
        r.note,
      ]),
    ),
  );
  if (rows.some((r) => !r.pass)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
