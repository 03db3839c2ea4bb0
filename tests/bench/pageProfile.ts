/**
 * A V8 CPU profile of a page's main thread (CDP `Profiler`), summed by self time per source
 * module and per function. Module names come from the `// <path>` comments that an unminified
 * build puts before each module (`vite build --minify false`); with a minified build the figures
 * are per output file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface PageProfileSummary {
  totalMs: number;
  /** Self time per source module. */
  byModule: { name: string; ms: number }[];
  /** Self time per function. */
  byFunction: { name: string; ms: number }[];
  /** Time with the function anywhere on the stack (each sample counted once per function). */
  inclusive: { name: string; ms: number }[];
}

export async function startPageProfile(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Module start lines of one output file, from the unminified build's `// path` comments. */
function moduleMap(distDir: string, file: string): { line: number; module: string }[] {
  let text: string;
  try {
    text = readFileSync(join(distDir, file), 'utf8');
  } catch {
    return [];
  }
  const out: { line: number; module: string }[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:\.\.\/)*[^\s]+\.[cm]?[jt]sx?)$/.exec(line);
    if (m?.[1]) out.push({ line: i, module: m[1].replace(/^(\.\.\/)+(work\/main\/)?/, '') });
  });
  return out;
}

export async function stopPageProfile(
  cdp: CDPSession,
  distDir: string,
): Promise<PageProfileSummary> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.detach();
  const maps = new Map<string, { line: number; module: string }[]>();
  const moduleOf = (url: string, line: number): string => {
    const at = url.indexOf('/assets/');
    if (at === -1) return url === '' ? '(browser, GC, idle)' : url;
    const file = url.slice(at + 1);
    let map = maps.get(file);
    if (!map) {
      map = moduleMap(distDir, file);
      maps.set(file, map);
    }
    let found = file;
    for (const entry of map) {
      if (entry.line > line) break;
      found = entry.module;
    }
    return found;
  };
  const selfUs = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  });
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (us === 0 || functionName === '(idle)') continue;
    total += us;
    const module = moduleOf(url, lineNumber);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} · ${module}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  // Inclusive time: walk each sampled node's ancestors once.
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node || node.callFrame.url === '') continue;
      const { functionName, url, lineNumber } = node.callFrame;
      const name = `${functionName || '(anonymous)'} · ${moduleOf(url, lineNumber)}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return {
    totalMs: total / 1000,
    byModule: sorted(byModule),
    byFunction: sorted(byFunction),
    inclusive: sorted(inclusive),
  };
}
