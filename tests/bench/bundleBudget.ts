/**
 * Issue 6, budget 1 (pure): the JavaScript the start page loads, gzip, may be at most 1.4× the
 * floor build made in the same run and at most 170 KB, counted as 170,000 bytes (the stricter
 * reading of "KB").
 */

export const FLOOR_RATIO_BUDGET = 1.4;
export const ABSOLUTE_BUDGET_BYTES = 170_000;

export interface BundleVerdict {
  appGzip: number;
  floorGzip: number;
  ratio: number;
  /** min(1.4 × floor, 170,000): the number the app has to stay at or under. */
  limit: number;
  ratioPass: boolean;
  absolutePass: boolean;
  pass: boolean;
  /** Human-readable reasons for a failure; empty when it passes. */
  failures: string[];
}

export function judgeBundle(appGzip: number, floorGzip: number): BundleVerdict {
  if (!(floorGzip > 0)) throw new Error(`floor size must be positive, got ${floorGzip}`);
  const ratio = appGzip / floorGzip;
  const ratioLimit = Math.floor(FLOOR_RATIO_BUDGET * floorGzip);
  const ratioPass = appGzip <= FLOOR_RATIO_BUDGET * floorGzip;
  const absolutePass = appGzip <= ABSOLUTE_BUDGET_BYTES;
  const failures: string[] = [];
  if (!ratioPass)
    failures.push(
      `start page JS ${appGzip} B gzip is ${ratio.toFixed(3)}× the floor (${floorGzip} B); budget ≤ ${FLOOR_RATIO_BUDGET}× = ${ratioLimit} B, over by ${appGzip - ratioLimit} B`,
    );
  if (!absolutePass)
    failures.push(
      `start page JS ${appGzip} B gzip is over the absolute budget of ${ABSOLUTE_BUDGET_BYTES} B by ${appGzip - ABSOLUTE_BUDGET_BYTES} B`,
    );
  return {
    appGzip,
    floorGzip,
    ratio,
    limit: Math.min(ratioLimit, ABSOLUTE_BUDGET_BYTES),
    ratioPass,
    absolutePass,
    pass: ratioPass && absolutePass,
    failures,
  };
}
