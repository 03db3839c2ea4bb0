/**
 * `npm run bench`: runs every module of the registry (each in its own Node process), prints one
 * table of all figures with their budgets, writes `bench-results.json` at the repository root and
 * exits non-zero if any figure misses its budget or a module fails.
 *
 * Options: `--quick` (fewer runs per figure), `--only=sync,bundle` (some modules only).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnvironment, loadAverage } from './benchEnvironment';
import type { BenchModule, BenchRow } from './benchRow';
import { benchModules } from './registry';
import { formatBytes, formatMs, renderTable, round } from './stats';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results.json', import.meta.url));
const MODULE_SCRIPT = fileURLToPath(new URL('./runModule.ts', import.meta.url));
const DEFAULT_TIMEOUT_MINUTES = 8;
const VITE_BIN = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));

interface ModuleOutcome {
  name: string;
  seconds: number;
  rows: BenchRow[];
  /** Why the module produced no rows (crash, timeout), if it did not. */
  error: string | null;
}

/**
 * Production build for every module that serves the app (`usesBuiltApp`), made once by Vite's
 * CLI exactly as `npm run build` does, into `dir`. `BRUECKE_BENCH_DIST` set by the caller wins.
 */
function buildSharedApp(dir: string): Promise<{ dist: string; seconds: number }> {
  const dist = join(dir, 'dist');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [VITE_BIN, 'build', '--outDir', dist, '--logLevel', 'warn'],
      {
        stdio: ['ignore', 2, 2],
      },
    );
    child.on('exit', (code) => {
      if (code === 0) resolve({ dist, seconds: round((performance.now() - started) / 1000, 1) });
      else reject(new Error(`vite build exited with ${String(code)}`));
    });
  });
}

function runModule(
  module: BenchModule,
  quick: boolean,
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<ModuleOutcome> {
  const out = join(dir, `${module.name}.json`);
  const started = performance.now();
  const timeoutMs = (module.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES) * 60_000;
  return new Promise((resolve) => {
    const args = ['--expose-gc', '--import', 'tsx', MODULE_SCRIPT, module.name, `--out=${out}`];
    if (quick) args.push('--quick');
    // The child's stdout goes to our stderr: stdout is only the table.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 2, 2], env });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const seconds = round((performance.now() - started) / 1000, 1);
      let rows: BenchRow[] = [];
      let error: string | null = null;
      try {
        if (timedOut) throw new Error(`stopped after ${timeoutMs / 60_000} min`);
        if (code !== 0) throw new Error(`exited with ${String(code)}`);
        rows = JSON.parse(readFileSync(out, 'utf8')) as BenchRow[];
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      resolve({ name: module.name, seconds, rows, error });
    });
  });
}

function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'B':
      return formatBytes(value);
    case '×':
      return `${value.toFixed(2)}×`;
    default:
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
  }
}

/** The unit of the median and p95 columns: a value unit such as `ms (p95)` names its statistic. */
const statUnit = (unit: string): string => unit.replace(/ \((median|p95)\)$/, '');

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const modules = benchModules.filter((m) => !only || only.includes(m.name));
  if (modules.length === 0) throw new Error(`no such module: ${only?.join(', ') ?? ''}`);
  const environment = benchEnvironment();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'bruecke-bench-'));
  const outcomes: ModuleOutcome[] = [];
  let buildNote = '';
  try {
    const env = { ...process.env };
    if (!env.BRUECKE_BENCH_DIST && modules.some((m) => m.usesBuiltApp)) {
      process.stderr.write('\n=== building the app once for the browser modules ===\n');
      const build = await buildSharedApp(dir);
      env.BRUECKE_BENCH_DIST = build.dist;
      buildNote = `shared app build ${build.seconds} s, `;
    }
    for (const module of modules) {
      process.stderr.write(`\n=== ${module.name} ===\n`);
      outcomes.push(await runModule(module, quick, dir, env));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const totalSeconds = round((performance.now() - started) / 1000, 1);

  const rows = outcomes.flatMap((o) =>
    o.error
      ? [
          {
            module: o.name,
            figure: `module ${o.name} did not finish`,
            value: Number.NaN,
            unit: '',
            budget: 'finishes',
            pass: false,
            runs: 0,
            median: Number.NaN,
            p95: Number.NaN,
            note: o.error,
          },
        ]
      : o.rows.map((r) => ({ module: o.name, ...r })),
  );
  const failed = rows.filter((r) => !r.pass);
  const table = renderTable(
    ['#', 'module', 'figure', 'value', 'budget', 'result', 'runs', 'median', 'p95'],
    rows.map((r, i) => [
      String(i + 1),
      r.module,
      r.figure,
      formatValue(r.value, r.unit),
      r.budget,
      r.pass ? 'pass' : 'FAIL',
      String(r.runs),
      formatValue(r.median, statUnit(r.unit)),
      formatValue(r.p95, statUnit(r.unit)),
    ]),
    3,
  );
  const notes = rows.flatMap((r, i) => (r.note ? [`  [${i + 1}] ${r.note}`] : []));
  process.stdout.write(
    [
      '',
      `Brücke benchmarks${quick ? ' (--quick)' : ''}: ${String(environment.commit)}; ${String(environment.node)}, ${String(environment.cpus)}`,
      '',
      table,
      '',
      'Notes:',
      ...notes,
      '',
      `${rows.length - failed.length} of ${rows.length} figures within budget; ${modules.length} module(s) in ${totalSeconds} s (${buildNote}${outcomes.map((o) => `${o.name} ${o.seconds} s`).join(', ')}); load average at end ${loadAverage().join(' ')}.`,
      `Results: ${RESULTS_FILE}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        quick,
        environment: { ...environment, loadAverageAtEnd: loadAverage() },
        totalSeconds,
        passed: failed.length === 0,
        modules: outcomes.map(({ name, seconds, error }) => ({ name, seconds, error })),
        rows,
      },
      null,
      2,
    )}\n`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
