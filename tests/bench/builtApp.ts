/**
 * The built app for the browser benchmarks (scale, start, Lighthouse, long tasks). `npm run bench`
 * builds it once and passes the folder to every module in `BRUECKE_BENCH_DIST` (set it yourself to
 * use an existing build, e.g. `dist/` after `npm run build`). A module run on its own without it
 * makes one production build into a temporary folder, removed when the process exits.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from './bundleBuild';

let pending: Promise<string> | null = null;

async function buildOnce(): Promise<string> {
  const given = process.env.BRUECKE_BENCH_DIST;
  if (given) {
    const dir = resolve(given);
    if (!existsSync(join(dir, 'index.html')))
      throw new Error(`BRUECKE_BENCH_DIST=${given} has no index.html`);
    return dir;
  }
  const root = mkdtempSync(join(tmpdir(), 'bruecke-browser-bench-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const outDir = join(root, 'dist');
  await buildApp(outDir);
  return outDir;
}

/** The folder of the built app (index.html, sw.js, assets/); built on the first call. */
export function builtApp(): Promise<string> {
  pending ??= buildOnce();
  return pending;
}
