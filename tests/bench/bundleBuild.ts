/**
 * Production builds for the bundle budget, made with Vite's JS API into temporary folders: the
 * app (the repository's own vite.config.ts, plus `build.manifest`) and the floor app in
 * tests/bench/floor (same Vite, same @vitejs/plugin-react, same target). Each result carries
 * Vite's manifest (which chunk imports which, statically or dynamically) and the rendered code of
 * every module per chunk, for the size breakdown.
 */
import react from '@vitejs/plugin-react';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type InlineConfig, type Manifest, type Rolldown } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const FLOOR_ROOT = resolve(import.meta.dirname, 'floor');
/** Same as vite.config.ts `build.target`, so both builds down-level the same way. */
const TARGET = 'es2022';

/** One module's share of an output chunk: its id and its rendered (minified) code. */
export interface ModuleCode {
  id: string;
  code: string;
}

export interface BuiltBundle {
  /** `app` or `floor`. */
  name: string;
  outDir: string;
  manifest: Manifest;
  /** Output chunk file name (e.g. `assets/index-abc.js`) → the modules rendered into it. */
  modules: Map<string, ModuleCode[]>;
}

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rolldown.RolldownOutput[] {
  if (Array.isArray(result)) return result;
  if ('output' in result) return [result];
  throw new Error('unexpected watcher from vite build()');
}

/**
 * Runs one build with NODE_ENV=production: vitest sets NODE_ENV=test, and Vite would then bundle
 * React's development build (several times larger).
 */
async function runBuild(name: string, config: InlineConfig, outDir: string): Promise<BuiltBundle> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      ...config,
      mode: 'production',
      logLevel: 'warn',
      build: {
        ...config.build,
        outDir,
        emptyOutDir: true,
        manifest: true,
        write: true,
      },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const modules = new Map<string, ModuleCode[]>();
  for (const output of outputsOf(result)) {
    for (const item of output.output) {
      if (item.type !== 'chunk') continue;
      modules.set(
        item.fileName,
        Object.entries(item.modules).map(([id, m]) => ({ id, code: m.code ?? '' })),
      );
    }
  }
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Manifest;
  return { name, outDir, manifest, modules };
}

/** The app exactly as `npm run build` makes it (vite.config.ts), plus the manifest. */
export function buildApp(outDir: string): Promise<BuiltBundle> {
  return runBuild(
    'app',
    { root: REPO_ROOT, configFile: join(REPO_ROOT, 'vite.config.ts') },
    outDir,
  );
}

/** The floor: one screen with react-dom, dexie, i18next, react-i18next and workbox-window. */
export function buildFloor(outDir: string): Promise<BuiltBundle> {
  return runBuild(
    'floor',
    {
      root: FLOOR_ROOT,
      configFile: false,
      plugins: [react()],
      publicDir: false,
      build: { target: TARGET, sourcemap: false },
    },
    outDir,
  );
}

export interface BundlePair {
  app: BuiltBundle;
  floor: BuiltBundle;
  /** Removes both temporary output folders. */
  cleanup: () => void;
}

/** Builds the app and the floor in the same run, each into its own temporary folder. */
export async function buildAppAndFloor(): Promise<BundlePair> {
  const root = mkdtempSync(join(tmpdir(), 'bruecke-bundle-'));
  const cleanup = (): void => rmSync(root, { recursive: true, force: true });
  try {
    const app = await buildApp(join(root, 'app'));
    const floor = await buildFloor(join(root, 'floor'));
    return { app, floor, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
