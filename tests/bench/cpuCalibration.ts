/**
 * Lighthouse's documented CPU slowdown calibration (docs/throttling.md, "Calibrating the CPU
 * slowdown"): the default 4× assumes a high-end desktop host and turns it into a mid-tier phone;
 * on a slower host the docs point to the Lighthouse CPU slowdown calculator, which derives the
 * multiplier from the run's `benchmarkIndex`. This is that calculator's rule
 * (patrickhulce/lighthouse-cpu-throttling-calculator, `computeMultiplierMessages`), unchanged:
 * piecewise linear, 150 → 1×, 800 → 2×, 1300 → 3×, then +1× per 233.
 */
export interface CpuCalibration {
  benchmarkIndex: number;
  /** The multiplier for `throttling.cpuSlowdownMultiplier`. */
  multiplier: number;
  /** Set when the host is too slow to emulate the target device (then 1×). */
  tooSlow?: boolean;
}

export function calibratedCpuSlowdown(benchmarkIndex: number): CpuCalibration {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150)
    return { benchmarkIndex, multiplier: 1, tooSlow: true };
  if (benchmarkIndex >= 1300)
    return { benchmarkIndex, multiplier: 3 + (benchmarkIndex - 1300) / 233 };
  if (benchmarkIndex >= 800)
    return { benchmarkIndex, multiplier: 2 + (benchmarkIndex - 800) / 500 };
  return { benchmarkIndex, multiplier: 1 + (benchmarkIndex - 150) / 650 };
}
