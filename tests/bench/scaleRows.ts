/** The scale benchmark's rows in the bench runner's shape, from samples in ms. */
import type { BenchRow } from './benchRow';
import { median, percentile, round } from './stats';

export type { BenchRow };

/** A timing figure judged by its p95 (null: reported only). */
export function figureRow(
  figure: string,
  samples: readonly number[],
  budgetMs: number | null,
  note: string,
): BenchRow {
  const p95 = round(percentile(samples, 95));
  return {
    figure,
    value: p95,
    unit: 'ms (p95)',
    budget: budgetMs === null ? 'info' : `p95 ≤ ${budgetMs} ms`,
    pass: budgetMs === null || p95 <= budgetMs,
    runs: samples.length,
    median: round(median(samples)),
    p95,
    note,
  };
}

/**
 * How much slower than the baseline, by medians (interleaved samples, so both saw the same
 * machine); the p95 ratio is in the note.
 */
export function ratioRow(
  figure: string,
  samples: readonly number[],
  baseline: readonly number[],
  budget: number,
): BenchRow {
  const ratio = round(median(samples) / median(baseline), 2);
  const p95Ratio = round(percentile(samples, 95) / percentile(baseline, 95), 2);
  return {
    figure,
    value: ratio,
    unit: '×',
    budget: `≤ ${budget}× (medians)`,
    pass: ratio <= budget,
    runs: samples.length,
    median: ratio,
    p95: p95Ratio,
    note: `raw transaction median ${round(median(baseline))} ms, p95 ${round(percentile(baseline, 95))} ms; p95 ratio ${p95Ratio}×`,
  };
}

export function infoRow(
  figure: string,
  value: number,
  unit: string,
  budget: string,
  pass: boolean,
  note: string,
): BenchRow {
  return { figure, value, unit, budget, pass, runs: 1, median: value, p95: value, note };
}
