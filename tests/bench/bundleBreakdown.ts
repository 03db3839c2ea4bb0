/**
 * What the start page's JavaScript is made of (pure apart from gzip): each module's rendered code
 * in each start chunk is gzipped on its own, and those sizes are scaled so that a chunk's modules
 * add up to the chunk's real gzip size (modules compress better together than alone; this
 * splits the real total in proportion). Grouped by npm package or by source folder.
 */
import { relative } from 'node:path';
import type { BuiltBundle } from './bundleBuild';
import { gzipSize, type StartPageSize } from './bundleMeasure';

export interface ModuleShare {
  /** Module path relative to the repository (or `rolldown/runtime.js` and the like). */
  module: string;
  /** npm package (`react-dom`, `@scope/name`) or source folder (`src/domain`, `locales/de`). */
  group: string;
  chunk: string;
  raw: number;
  /** Share of the chunk's real gzip size. */
  gzip: number;
}

export interface GroupShare {
  group: string;
  raw: number;
  gzip: number;
  modules: number;
}

function cleanId(id: string, root: string): string {
  const withoutQuery = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return withoutQuery.startsWith('/') ? relative(root, withoutQuery) : withoutQuery;
}

/** `node_modules/react-dom/cjs/x.js` → `react-dom`; `src/features/visits/a.tsx` → its folder. */
export function groupOf(module: string): string {
  const nm = module.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = module.slice(nm + 'node_modules/'.length).split('/');
    const [first = '', second = ''] = parts;
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const slash = module.lastIndexOf('/');
  return slash > 0 ? module.slice(0, slash) : module;
}

export function moduleShares(
  bundle: BuiltBundle,
  start: StartPageSize,
  root: string,
): ModuleShare[] {
  const out: ModuleShare[] = [];
  for (const file of start.files) {
    const modules = (bundle.modules.get(file.file) ?? []).filter((m) => m.code.length > 0);
    const alone = modules.map((m) => gzipSize(m.code));
    const total = alone.reduce((s, n) => s + n, 0);
    modules.forEach((m, i) => {
      const module = cleanId(m.id, root);
      out.push({
        module,
        group: groupOf(module),
        chunk: file.file,
        raw: Buffer.byteLength(m.code),
        gzip: total > 0 ? ((alone[i] ?? 0) / total) * file.gzip : 0,
      });
    });
  }
  return out;
}

export function groupShares(shares: readonly ModuleShare[]): GroupShare[] {
  const byGroup = new Map<string, GroupShare>();
  for (const s of shares) {
    const g = byGroup.get(s.group) ?? { group: s.group, raw: 0, gzip: 0, modules: 0 };
    g.raw += s.raw;
    g.gzip += s.gzip;
    g.modules += 1;
    byGroup.set(s.group, g);
  }
  return [...byGroup.values()].sort((a, b) => b.gzip - a.gzip);
}
