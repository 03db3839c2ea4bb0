/**
 * Chunks of the two start pages (build only). main.tsx is a small router: it imports either the
 * coordinator's app (src/app/startCoordinator.tsx) or a representative's self-report page
 * (src/app/startSelfReportPage.ts). Their static imports make three chunks:
 *
 * - `start`: main.tsx's own static imports and everything both pages import (React, i18next,
 *   Dexie, …);
 * - `app`: what only the coordinator's start imports (the list, the layout, sync, …);
 * - `report`: what only the self-report page imports.
 *
 * The entry and the two start modules stay small chunks of their own. So a page loads the entry,
 * `start`, its start module and its chunk, plus its translations (all requested at once, see
 * startPreload.ts), and a representative's phone never downloads the coordinator's app. Lazy
 * screens keep Rolldown's automatic splitting (and import from these chunks; the coordinator's
 * forms share zod and field code with the self-report page, so they load `report` too).
 */
import type { Plugin } from 'vite';

type ModuleGraph = ReadonlyMap<string, readonly string[]>;

/** Every module `from` reaches through static imports, itself included. */
export function staticClosure(graph: ModuleGraph, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(graph.get(id) ?? []));
  }
  return seen;
}

export type StartChunkName = 'start' | 'app' | 'report';

export interface StartModules {
  entry: string;
  app: string;
  report: string;
}

/** Which start chunk a module belongs to, if any (pure). */
export function startChunkOf(
  graph: ModuleGraph,
  modules: StartModules,
): (id: string) => StartChunkName | undefined {
  const entry = staticClosure(graph, modules.entry);
  const app = staticClosure(graph, modules.app);
  const report = staticClosure(graph, modules.report);
  const own = new Set([modules.entry, modules.app, modules.report]);
  return (id) => {
    // Each start module stays its chunk's own module (the entry, and the two pages' dynamic
    // entries, keyed by their source path in Vite's manifest); the groups hold their imports.
    if (own.has(id)) return undefined;
    if (entry.has(id) || (app.has(id) && report.has(id))) return 'start';
    if (app.has(id)) return 'app';
    if (report.has(id)) return 'report';
    return undefined;
  };
}

export interface StartChunks {
  plugin: Plugin;
  /** For `build.rolldownOptions.output.codeSplitting.groups`. */
  groups: { name: StartChunkName; test: (id: string) => boolean; priority: number }[];
}

/** `modules`: absolute paths of the entry and the two start modules. */
export function startChunks(modules: StartModules): StartChunks {
  const found: { chunkOf?: (id: string) => StartChunkName | undefined } = {};
  const plugin: Plugin = {
    name: 'bruecke:start-chunks',
    apply: 'build',
    buildEnd() {
      const graph = new Map<string, readonly string[]>();
      for (const id of this.getModuleIds())
        graph.set(id, this.getModuleInfo(id)?.importedIds ?? []);
      const missing = [modules.entry, modules.app, modules.report].filter((id) => !graph.has(id));
      if (missing.length > 0) this.error(`start modules not in the build: ${missing.join(', ')}`);
      found.chunkOf = startChunkOf(graph, modules);
    },
  };
  const group = (name: StartChunkName, priority: number) => ({
    name,
    priority,
    test: (id: string): boolean => found.chunkOf?.(id) === name,
  });
  return { plugin, groups: [group('start', 3), group('app', 2), group('report', 1)] };
}
