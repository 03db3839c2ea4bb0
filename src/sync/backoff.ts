/** Exponential backoff with "equal jitter": half fixed, half random, capped. Pure. */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = 2_000,
  maxMs = 5 * 60_000,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
