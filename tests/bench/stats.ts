/** Small helpers for the sync benchmark's figures and table. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile (with 3–5 samples, p95 is the maximum). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export const round = (x: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function formatRate(perSecond: number, unit: string): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} ${unit}/s`;
}

/** A plain-text table with right-aligned columns except the first `leftColumns`. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Frees what earlier runs left behind, when node runs with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Wall-clock and CPU time (this process, all threads) of one run, in ms. */
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Times `work` after a forced GC (when available). */
export async function measure<T>(work: () => Promise<T>): Promise<Timing & { value: T }> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * Runs the variants round-robin (A B C, A B C, …) so that each sees the same machine load, and
 * returns the median wall and CPU time of each.
 */
export async function roundRobin(
  runs: number,
  variants: Record<string, () => Promise<Timing>>,
): Promise<Record<string, Timing>> {
  const samples = new Map<string, Timing[]>();
  for (let r = 0; r < runs; r += 1) {
    for (const [name, run] of Object.entries(variants)) {
      const list = samples.get(name) ?? [];
      list.push(await run());
      samples.set(name, list);
    }
  }
  return Object.fromEntries(
    [...samples.entries()].map(([name, list]) => [
      name,
      { wallMs: median(list.map((t) => t.wallMs)), cpuMs: median(list.map((t) => t.cpuMs)) },
    ]),
  );
}
