import type { BenchModule } from './benchRow';

/**
 * Every benchmark module of `npm run bench`, in the order they run. Adding one is one line:
 * `{ name, load: async () => (await import('./myBench')).myBench }` where `myBench` is a
 * `BenchRun` (see benchRow.ts and README.md).
 */
export const benchModules: readonly BenchModule[] = [
  { name: 'bundle', load: async () => (await import('./bundleBench')).bundleBench },
  { name: 'sync', load: async () => (await import('./syncBudgets')).syncBudgets },
  {
    name: 'scale',
    load: async () => (await import('./scaleBench')).scaleBudgets,
    usesBuiltApp: true,
  },
  {
    name: 'start',
    load: async () => (await import('./startBench')).startBench,
    usesBuiltApp: true,
  },
  {
    name: 'lighthouse',
    load: async () => (await import('./lighthouseBench')).lighthouseBench,
    usesBuiltApp: true,
  },
  {
    name: 'longtasks',
    load: async () => (await import('./syncLongTasksBench')).syncLongTasksBench,
    usesBuiltApp: true,
  },
];
