/**
 * What every benchmark module of `npm run bench` returns: one row per figure. See README.md in
 * this folder for how to add a module.
 */
export interface BenchRow {
  /** What was measured, in words (e.g. "Initial pull of 10,000 records ÷ Dexie bulkPut"). */
  figure: string;
  /** The figure that is judged against the budget (usually the median). */
  value: number;
  /** Unit of `value`, `median` and `p95`: `ms`, `×`, `B`, `rec/s`, … */
  unit: string;
  /** The budget in words, e.g. `≤ 3×`; `baseline` or `info` for rows that are not judged. */
  budget: string;
  /** Whether `value` is within the budget (rows without a budget pass). */
  pass: boolean;
  /** How many measured runs the figure comes from (warm-up runs not counted). */
  runs: number;
  median: number;
  /** Nearest-rank 95th percentile: with fewer than 20 runs, the worst run. */
  p95: number;
  /** Anything a reader needs to trust the figure: setup, baseline values, why it fails. */
  note: string;
}

export interface BenchOptions {
  /** `--quick`: fewer runs, for trying changes; budgets are still judged. */
  quick: boolean;
  /** Progress lines (stderr), not part of the table. */
  log: (line: string) => void;
}

/** A benchmark module: `run` measures and returns its rows; it must not print the table itself. */
export type BenchRun = (options: BenchOptions) => Promise<BenchRow[]>;

export interface BenchModule {
  /** Short name for `--only=<name>`. */
  name: string;
  /** Loaded only when the module runs (each module runs in its own Node process). */
  load: () => Promise<BenchRun>;
  /** Minutes after which the module is stopped and counted as failed. */
  timeoutMinutes?: number;
  /**
   * Serves the production build (builtApp.ts): the runner builds the app once for all such
   * modules and hands the folder over in `BRUECKE_BENCH_DIST`.
   */
  usesBuiltApp?: boolean;
}
