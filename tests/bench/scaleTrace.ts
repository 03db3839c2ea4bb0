/**
 * Where the scale benchmark's slow reactions spend their time: opens organisation profiles and
 * saves visits through the form like the benchmark does, with the V8 sampling profiler running
 * (CDP, in the page) from just before each timed click until the reaction is seen. Prints the
 * timings (and the CPU time sampled in each run: the rest is waiting, e.g. for IndexedDB) and the
 * self and inclusive time per function and module, summed over all runs.
 *
 * `npx vite build --minify false --outDir /tmp/x` then
 * `BRUECKE_BENCH_DIST=/tmp/x node --import tsx tests/bench/scaleTrace.ts [profile|save] [runs]`.
 * Profiling slows the page down; compare figures with each other, not with budgets.
 */
import type { CDPSession, Page } from 'playwright-core';
import { builtApp } from './builtApp';
import { startPageProfile, stopPageProfile, type PageProfileSummary } from './pageProfile';
import { fullScale } from './scaleData';
import type { OrgSummary } from './scalePage';
import { fillVisitForm, lookOver } from './scaleCommit';
import { findProfileLink, profileTargets } from './scaleProfile';
import { startTrace, stopTrace, type TraceSummary } from './scaleTraceEvents';
import { openScaleSession, react, type BenchWindow } from './scaleSession';

interface Run {
  label: string;
  ms: number;
  summary: PageProfileSummary;
  timeline: string;
  trace?: TraceSummary;
}

interface RawProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * What ran, in 4 ms steps from the click's dispatch: per step the share of samples that were not
 * idle and the app function (innermost non-library frame, else the library) seen most.
 */
function timelineOf(profile: RawProfile): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (id: number): string => {
    let lib = '';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f) continue;
      if (f.functionName === '(idle)') return 'idle';
      if (f.functionName === 'dispatchDiscreteEvent') return lib || 'click';
      if (!lib && f.url === '' && f.functionName.startsWith('(')) lib = f.functionName;
      else if (!lib && f.url !== '') lib = f.functionName || '(anon)';
    }
    return lib || 'native';
  };
  const isClick = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      if (byId.get(at)?.callFrame.functionName === 'dispatchDiscreteEvent') return true;
    return false;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let t = 0;
  let start: number | null = null;
  const steps = new Map<number, Map<string, number>>();
  samples.forEach((id, i) => {
    t += deltas[i] ?? 0;
    if (start === null && isClick(id)) start = t;
    if (start === null) return;
    const step = Math.floor((t - start) / 4000);
    const m = steps.get(step) ?? new Map<string, number>();
    const l = label(id);
    m.set(l, (m.get(l) ?? 0) + 1);
    steps.set(step, m);
  });
  const out: string[] = [];
  for (const [step, m] of [...steps].sort((a, b) => a[0] - b[0])) {
    const all = [...m.values()].reduce((a, b) => a + b, 0);
    const busy = all - (m.get('idle') ?? 0);
    const top = [...m].filter(([k]) => k !== 'idle').sort((a, b) => b[1] - a[1])[0];
    out.push(`${step * 4}:${Math.round((100 * busy) / all)}%${top ? ` ${top[0]}` : ''}`);
  }
  return out.join(' | ');
}

/** Stops the profile and keeps the raw one for the timeline as well. */
async function stopProfile(cdp: CDPSession, dist: string) {
  const seen: { raw: RawProfile | null } = { raw: null };
  const send = cdp.send.bind(cdp);
  const spy = (async (method: string, params?: object) => {
    const result = (await send(method as 'Profiler.stop', params)) as { profile: RawProfile };
    if (method === 'Profiler.stop') seen.raw = result.profile;
    return result;
  }) as CDPSession['send'];
  cdp.send = spy;
  const summary = await stopPageProfile(cdp, dist);
  return { summary, timeline: seen.raw ? timelineOf(seen.raw) : '' };
}

type Profiled = Pick<Run, 'ms' | 'summary' | 'timeline' | 'trace'>;

let distDir = '';
const tracing = process.argv.includes('--trace');
const noSummary: PageProfileSummary = { totalMs: 0, byModule: [], byFunction: [], inclusive: [] };

/** Profiles (or traces) `work` (which returns the reaction's time) and stops right after it. */
async function profiled(page: Page, work: () => Promise<number>): Promise<Profiled> {
  if (tracing) {
    const trace = await startTrace(page);
    const ms = await work();
    return { ms, summary: noSummary, timeline: '', trace: await stopTrace(trace) };
  }
  const cdp = await startPageProfile(page.context(), page);
  const ms = await work();
  return { ms, ...(await stopProfile(cdp, distDir)) };
}

async function openProfile(page: Page, org: OrgSummary): Promise<Profiled> {
  const { link, profile } = await findProfileLink(page, org);
  const result = await profiled(page, async () => {
    const t = await react(page, { trigger: 'click', expect: { kind: 'profile', ...profile } }, () =>
      link.click(),
    );
    return t.domMs;
  });
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Organisationen' })
    .click();
  await page.locator('#org-search').waitFor();
  return result;
}

async function saveVisit(page: Page, org: OrgSummary): Promise<Profiled> {
  await fillVisitForm(page, org);
  await lookOver(page);
  return profiled(page, async () => {
    const t = await react(page, { trigger: 'click', expect: { kind: 'saved' } }, () =>
      page.getByTestId('visit-save').click(),
    );
    return t.domMs;
  });
}

let pairs = 0;

/** The in-page repository commit (`saveVisit` on the page's own Dexie) and its raw twin. */
function commitPair(page: Page, org: OrgSummary): Promise<Profiled> {
  pairs += 1;
  return profiled(page, async () => {
    const t = await page.evaluate(
      ([id, n]) => (window as unknown as BenchWindow).scaleBench.commitPair(id, n),
      [org.id, pairs] as const,
    );
    return t.repoMs;
  });
}

function sumUp(
  runs: readonly Run[],
  pick: (s: PageProfileSummary) => { name: string; ms: number }[],
) {
  const total = new Map<string, number>();
  for (const r of runs)
    for (const e of pick(r.summary)) total.set(e.name, (total.get(e.name) ?? 0) + e.ms);
  return [...total].sort((a, b) => b[1] - a[1]);
}

function print(title: string, rows: [string, number][], runs: number, top = 30): void {
  console.log(`\n${title} (ms per run)`);
  for (const [name, ms] of rows.slice(0, top))
    console.log(`${(ms / runs).toFixed(2).padStart(8)}  ${name}`);
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'profile';
  const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 12);
  distDir = await builtApp();
  const session = await openScaleSession(fullScale);
  try {
    const { page, orgs } = session;
    const targets = mode === 'profile' ? profileTargets(orgs, count) : orgs.slice(0, count);
    const once = mode === 'profile' ? openProfile : mode === 'commit' ? commitPair : saveVisit;
    const warmUp = orgs[orgs.length - 1];
    if (warmUp) await once(page, warmUp);
    const runs: Run[] = [];
    for (const org of targets) {
      runs.push({ label: `${org.name} (${org.visits} visits)`, ...(await once(page, org)) });
    }
    for (const r of runs)
      console.log(
        `${r.ms.toFixed(1).padStart(7)} ms, profiled ${r.summary.totalMs.toFixed(1)} ms  ${r.label}`,
      );
    if (tracing) {
      for (const r of runs)
        console.log(`\n${r.ms.toFixed(1)} ms ${r.label}\n  ${r.trace?.tasks ?? ''}`);
      const total = new Map<string, number>();
      for (const r of runs)
        for (const [k, v] of r.trace?.byEvent ?? []) total.set(k, (total.get(k) ?? 0) + v);
      print(
        'main thread self time by trace event',
        [...total].sort((a, b) => b[1] - a[1]),
        runs.length,
        40,
      );
      return;
    }
    for (const r of runs) console.log(`\n${r.ms.toFixed(1)} ms ${r.label}\n${r.timeline}`);
    print(
      'self time by module',
      sumUp(runs, (s) => s.byModule),
      runs.length,
    );
    print(
      'self time by function',
      sumUp(runs, (s) => s.byFunction),
      runs.length,
      40,
    );
    print(
      'inclusive time by function',
      sumUp(runs, (s) => s.inclusive),
      runs.length,
      60,
    );
  } finally {
    await session.close();
  }
}

await main();
