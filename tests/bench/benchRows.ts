import type { BenchRow } from './benchRow';
import { median, percentile, round } from './stats';

/** A measured figure that is not judged itself (a baseline, or the parts of a ratio). */
export function infoRow(
  figure: string,
  samples: readonly number[],
  unit: string,
  note: string,
  budget = 'info',
): BenchRow {
  const m = round(median(samples), 2);
  return {
    figure,
    value: m,
    unit,
    budget,
    pass: true,
    runs: samples.length,
    median: m,
    p95: round(percentile(samples, 95), 2),
    note,
  };
}

/**
 * A ratio judged against a ceiling (`max`) or a floor (`min`): one ratio per run, each from
 * figures measured back to back, so that both sides see the same machine load; the median of
 * those is judged. p95 is the worst run's ratio on the side that matters.
 */
export function ratioRow(
  figure: string,
  ratios: readonly number[],
  limit: { max: number } | { min: number },
  note: string,
): BenchRow {
  const value = round(median(ratios), 2);
  const upper = 'max' in limit;
  const worst = upper
    ? percentile(ratios, 95)
    : -percentile(
        ratios.map((r) => -r),
        95,
      );
  return {
    figure,
    value,
    unit: '×',
    budget: upper ? `≤ ${limit.max}×` : `≥ ${limit.min}×`,
    pass: upper ? value <= limit.max : value >= limit.min,
    runs: ratios.length,
    median: value,
    p95: round(worst, 2),
    note,
  };
}
