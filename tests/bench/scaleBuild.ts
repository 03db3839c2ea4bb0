/**
 * The scale benchmark's page script, built with Vite's JS API: scalePage.ts with the app's own
 * Dexie schema, queries and repository code, as one classic script. (The app itself comes from
 * builtApp.ts, shared by the browser benchmarks.)
 */
import { join, resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** Vitest sets NODE_ENV=test, and Vite would then bundle React's development build. */
async function productionBuild(config: InlineConfig): Promise<Awaited<ReturnType<typeof build>>> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build({ ...config, mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** scalePage.ts as one IIFE script (it sets `globalThis.scaleBench`). */
export async function buildPageScript(): Promise<string> {
  const result = await productionBuild({
    root: REPO_ROOT,
    configFile: false,
    publicDir: false,
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: {
        entry: join(REPO_ROOT, 'tests', 'bench', 'scalePage.ts'),
        formats: ['iife'],
        name: 'scaleBenchBundle',
        fileName: () => 'scale-page.js',
      },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    for (const item of out.output) if (item.type === 'chunk') return item.code;
  }
  throw new Error('page script build produced no chunk');
}
