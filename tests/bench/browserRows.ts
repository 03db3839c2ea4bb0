/**
 * Rows of the browser benchmarks (start, Lighthouse, long tasks) in the bench runner's shape
 * `{ figure, value, unit, budget, pass, runs, median, p95, note }`, and how to print them when a
 * benchmark runs on its own.
 */
import type { BenchRow } from './benchRow';
import { median, percentile, renderTable, round } from './stats';

export type { BenchRow };

export interface SampledFigure {
  figure: string;
  unit: string;
  samples: readonly number[];
  budget: string;
  /** Checked against the median (and the p95 where the budget says so). */
  pass: (stats: { median: number; p95: number }) => boolean;
  note: string;
  digits?: number;
}

/** A row from repeated measurements: value = median, with the p95 and the number of runs. */
export function sampledRow(f: SampledFigure): BenchRow {
  const digits = f.digits ?? 1;
  const stats = { median: median(f.samples), p95: percentile(f.samples, 95) };
  const ok = f.samples.length > 0 && f.pass(stats);
  return {
    figure: f.figure,
    value: round(stats.median, digits),
    unit: f.unit,
    budget: f.budget,
    pass: ok,
    runs: f.samples.length,
    median: round(stats.median, digits),
    p95: round(stats.p95, digits),
    note: f.note,
  };
}

/** A yes/no check (e.g. installability) as a row: value 1 = pass, 0 = fail. */
export function checkRow(figure: string, pass: boolean, budget: string, note: string): BenchRow {
  const value = pass ? 1 : 0;
  return { figure, value, unit: 'pass', budget, pass, runs: 1, median: value, p95: value, note };
}

export function printRows(rows: readonly BenchRow[]): void {
  console.log(
    renderTable(
      ['figure', 'value', 'unit', 'budget', 'pass', 'runs', 'median', 'p95', 'note'],
      rows.map((r) => [
        r.figure,
        String(r.value),
        r.unit,
        r.budget,
        r.pass ? 'pass' : 'FAIL',
        String(r.runs),
        String(r.median),
        String(r.p95),
        r.note,
      ]),
    ),
  );
}
