/**
 * Bundle budget rows for `npm run bench` (issue 6, budget 1): builds the app and the floor in
 * this run, measures the start page's JavaScript (gzip level 9) and returns one row per figure in
 * the bench runner's shape (benchRow.ts). Sizes are deterministic: one build, `runs: 1`,
 * median = p95 = value.
 *
 * Standalone: `node --import tsx tests/bench/bundleBench.ts [--breakdown]` prints the table (and,
 * with `--breakdown`, which packages and folders the start page's bytes come from).
 */
import { pathToFileURL } from 'node:url';
import { ABSOLUTE_BUDGET_BYTES, FLOOR_RATIO_BUDGET } from './bundleBudget';
import { groupShares, moduleShares } from './bundleBreakdown';
import { buildAppAndFloor, REPO_ROOT, type BundlePair } from './bundleBuild';
import { measureBundles, type BundleFigures, type LanguageFigure } from './bundleFigures';
import type { BenchOptions, BenchRow, BenchRun } from './benchRow';
import { renderTable, round } from './stats';

function row(
  figure: string,
  value: number,
  unit: string,
  budget: string,
  pass: boolean,
  note: string,
): BenchRow {
  return { figure, value, unit, budget, pass, runs: 1, median: value, p95: value, note };
}

function languageRows(f: LanguageFigure, which: string): BenchRow[] {
  const v = f.verdict;
  const files = `${f.size.files.length} files, ${f.size.raw} B raw`;
  return [
    row(
      `Start page JS, gzip (${which}: ${f.language})`,
      v.appGzip,
      'B',
      `≤ ${v.limit} B (min of ${FLOOR_RATIO_BUDGET}× floor, ${ABSOLUTE_BUDGET_BYTES} B)`,
      v.pass,
      files,
    ),
    row(
      `Start page JS / floor (${which}: ${f.language})`,
      round(v.ratio, 3),
      '×',
      `≤ ${FLOOR_RATIO_BUDGET}`,
      v.ratioPass,
      `floor ${v.floorGzip} B gzip`,
    ),
  ];
}

export function bundleRows(figures: BundleFigures): BenchRow[] {
  const rows = [
    row(
      'Floor app JS, gzip (baseline)',
      figures.floor.gzip,
      'B',
      'baseline',
      true,
      'react, react-dom, dexie, i18next, react-i18next, workbox-window',
    ),
    ...languageRows(figures.byDefault, 'default language'),
  ];
  if (figures.heaviest.language !== figures.byDefault.language)
    rows.push(...languageRows(figures.heaviest, 'heaviest language'));
  return rows;
}

/** Builds, measures, cleans up: the bench runner's module for this budget (registry: `bundle`). */
export const bundleBench: BenchRun = async (options: BenchOptions) => {
  options.log('building the app and the floor app');
  const pair = await buildAppAndFloor();
  try {
    const figures = measureBundles(pair);
    options.log(
      `start page JS per language: ${figures.languages.map((l) => `${l.language} ${l.size.gzip} B`).join(', ')}`,
    );
    return bundleRows(figures);
  } finally {
    pair.cleanup();
  }
};

function printBreakdown(pair: BundlePair, figures: BundleFigures): void {
  const start = figures.byDefault.size;
  console.log(`\nStart page files (${start.label}):`);
  console.log(
    renderTable(
      ['file', 'via', 'raw B', 'gzip B'],
      start.files.map((f) => [f.file, f.via, String(f.raw), String(f.gzip)]),
      2,
    ),
  );
  const shares = moduleShares(pair.app, start, REPO_ROOT);
  console.log('\nBy package / folder (gzip share):');
  console.log(
    renderTable(
      ['group', 'modules', 'raw B', 'gzip B'],
      groupShares(shares).map((g) => [
        g.group,
        String(g.modules),
        String(g.raw),
        String(Math.round(g.gzip)),
      ]),
    ),
  );
  console.log('\nLargest modules (gzip share):');
  console.log(
    renderTable(
      ['module', 'raw B', 'gzip B'],
      [...shares]
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 40)
        .map((s) => [s.module, String(s.raw), String(Math.round(s.gzip))]),
    ),
  );
}

async function main(): Promise<void> {
  const pair = await buildAppAndFloor();
  try {
    const figures = measureBundles(pair);
    const rows = bundleRows(figures);
    console.log(
      renderTable(
        ['figure', 'value', 'unit', 'budget', 'pass', 'note'],
        rows.map((r) => [
          r.figure,
          String(r.value),
          r.unit,
          r.budget,
          r.pass ? 'pass' : 'FAIL',
          r.note,
        ]),
      ),
    );
    console.log(
      `\nPer language: ${figures.languages.map((l) => `${l.language} ${l.size.gzip} B`).join(', ')}`,
    );
    if (process.argv.includes('--breakdown')) printBreakdown(pair, figures);
    if (rows.some((r) => !r.pass)) process.exitCode = 1;
  } finally {
    pair.cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
