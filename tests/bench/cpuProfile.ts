import { Session, type Profiler } from 'node:inspector';

/** Self time of a V8 CPU profile, summed by where the code comes from and by function. */
export interface ProfileSummary {
  totalMs: number;
  byCategory: { name: string; ms: number }[];
  byFunction: { name: string; ms: number }[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params, (error, result) => {
      if (error) reject(error);
      else resolve(result as T);
    });
  });
}

/** Runs `work` under the V8 sampling profiler (in this process: client and server alike). */
export async function profile(
  work: () => Promise<void>,
  intervalUs = 200,
): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await post(session, 'Profiler.start');
    await work();
    const { profile: p } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
    return summarise(p);
  } finally {
    session.disconnect();
  }
}

export function category(url: string, functionName: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    if (
      pkg === 'fastify' ||
      pkg.startsWith('@fastify/') ||
      [
        'avvio',
        'find-my-way',
        'light-my-request',
        'fast-json-stringify',
        'pino',
        'abstract-logging',
      ].includes(pkg)
    )
      return 'fastify (server framework)';
    return pkg;
  }
  const src = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url)?.[1];
  if (src) return src;
  if (url.includes('/tests/bench/')) return 'tests/bench (harness)';
  if (url.includes('undici')) return 'undici (Node fetch client)';
  if (url.startsWith('node:')) return 'node core (http, streams, timers)';
  if (url === '') {
    if (functionName === '(garbage collector)') return 'V8 garbage collector';
    if (functionName === '(program)' || functionName === '(idle)') return `V8 ${functionName}`;
    if (['all', 'get', 'run', 'exec', 'iterate', 'prepare', 'pragma'].includes(functionName))
      return 'SQLite (better-sqlite3 native calls)';
    if (functionName === 'parse' || functionName === 'stringify')
      return 'JSON.parse/stringify (builtin)';
    if (
      functionName === 'writev' ||
      functionName === 'writeUtf8String' ||
      functionName === 'writeBuffer'
    )
      return 'socket writes (native)';
    return 'other native/builtin';
  }
  return 'other';
}

function summarise(p: Profiler.Profile): ProfileSummary {
  // The profiler's own protocol traffic (serialising the profile on stop) is not the workload.
  const parentOf = new Map<number, number>();
  for (const node of p.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const isProfilerOwn = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      if (byId.get(at)?.callFrame.url === 'node:inspector') return true;
    return false;
  };
  const selfUs = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (const [i, id] of samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0));
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0 || isProfilerOwn(node.id)) continue;
    total += us;
    const { url, functionName, lineNumber } = node.callFrame;
    const cat = category(url, functionName);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + us);
    const file = url.replace(/^.*\/(node_modules|src|tests)\//, '$1/');
    const fn = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): { name: string; ms: number }[] =>
    [...m.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, byCategory: sorted(byCategory), byFunction: sorted(byFunction) };
}
