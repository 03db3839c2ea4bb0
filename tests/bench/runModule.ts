/**
 * Runs one benchmark module of the registry in this process and writes its rows as JSON to
 * `--out=<file>`. Started by runBench.ts, one Node process per module (own heap, own timers).
 */
import { writeFileSync } from 'node:fs';
import { benchModules } from './registry';

async function main(): Promise<void> {
  const name = process.argv[2];
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  const module = benchModules.find((m) => m.name === name);
  if (!module || !out)
    throw new Error(
      `usage: runModule.ts <${benchModules.map((m) => m.name).join('|')}> --out=<file>`,
    );
  const run = await module.load();
  const rows = await run({
    quick: process.argv.includes('--quick'),
    log: (line) => process.stderr.write(`[${module.name}] ${line}\n`),
  });
  writeFileSync(out, JSON.stringify(rows));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `benchmark module ${process.argv[2] ?? '?'} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
