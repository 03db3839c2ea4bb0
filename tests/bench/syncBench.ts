/**
 * `npm run bench:sync`: how fast the sync engine moves records, measured end to end and printed
 * as a table (also written to `bench-results-sync.json`). Client: the real engine on
 * fake-indexeddb; server: the real Fastify + SQLite (WAL) server in the same Node process,
 * reached over real HTTP on 127.0.0.1. Exits non-zero when a client does not end up holding
 * exactly what the server holds.
 *
 * Options: `--quick` (1 run per size, for trying changes), `--sizes=1000,10000`, `--runs=5,3`.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { pushOutbox, PUSH_BATCH } from '../../src/sync/pushOutbox';
import { PULL_PAGE, syncOnce } from '../../src/sync/syncOnce';
import { buildBenchData, describeMix, type DataSetMix } from './benchData';
import { newBenchClient, noTraffic, type BenchClient, type Traffic } from './benchClient';
import { gitRevision, versionOf } from './benchEnvironment';
import { EDIT_MUTATIONS, EDIT_OPERATIONS, editMix, makeOfflineEdits } from './benchEdits';
import { seedServer } from './benchSeed';
import { startBenchServer } from './benchServer';
import { bulkPutBaseline, pullRun, VerificationError, type Sample } from './pullRuns';
import {
  formatBytes,
  formatMs,
  formatRate,
  measure,
  median,
  percentile,
  renderTable,
  round,
} from './stats';

const RESULTS_FILE = 'bench-results-sync.json';

interface Measurement {
  size: number;
  key: 'ingest' | 'pull' | 'bulkPut' | 'localEdits' | 'push';
  label: string;
  unit: 'records' | 'mutations';
  samples: Sample[];
}

function parseList(flag: string): number[] | null {
  const arg = process.argv.find((a) => a.startsWith(`--${flag}=`));
  return arg
    ? arg
        .slice(flag.length + 3)
        .split(',')
        .map(Number)
    : null;
}

const quick = process.argv.includes('--quick');
const sizes = parseList('sizes') ?? [1000, 10_000];
const runsPerSize = parseList('runs') ?? (quick ? sizes.map(() => 1) : [5, 3]);

const time = async <T>(
  work: () => Promise<T>,
): Promise<{ ms: number; cpuMs: number; value: T }> => {
  const { wallMs, cpuMs, value } = await measure(work);
  return { ms: wallMs, cpuMs, value };
};

const trafficSince = (now: Traffic, before: Traffic): Traffic => ({
  requests: now.requests - before.requests,
  bytesUp: now.bytesUp - before.bytesUp,
  bytesDown: now.bytesDown - before.bytesDown,
  statuses: Object.fromEntries(
    Object.entries(now.statuses).map(([k, n]) => [k, n - (before.statuses[Number(k)] ?? 0)]),
  ),
});

/** A fresh client pulls everything (untimed), makes the offline edits (timed: local commits), then pushes (timed). */
async function pushRun(
  client: BenchClient,
  offset: number,
): Promise<{ local: Sample; push: Sample }> {
  await syncOnce(client.deps, client.api);
  const edits = await time(() => makeOfflineEdits(client.deps, offset));
  if (edits.value !== EDIT_MUTATIONS) {
    throw new VerificationError(
      `offline edits left ${edits.value} outbox entries, expected ${EDIT_MUTATIONS}`,
    );
  }
  const before = { ...client.traffic, statuses: { ...client.traffic.statuses } };
  const pushed = await time(() => pushOutbox(client.deps, client.api));
  const s = pushed.value;
  const left = await client.deps.db.outbox.count();
  if (s.pushed !== EDIT_MUTATIONS || s.quarantined !== 0 || s.epochChanged || left !== 0) {
    throw new VerificationError(
      `push: ${s.pushed} pushed, ${s.quarantined} quarantined, ${left} left in the outbox`,
    );
  }
  return {
    local: { ms: edits.ms, cpuMs: edits.cpuMs, items: EDIT_MUTATIONS, traffic: noTraffic() },
    push: {
      ms: pushed.ms,
      cpuMs: pushed.cpuMs,
      items: s.pushed,
      traffic: trafficSince(client.traffic, before),
    },
  };
}

async function measureSize(
  size: number,
  runs: number,
  warmUp: boolean,
): Promise<{ mix: DataSetMix; measurements: Measurement[] }> {
  const data = buildBenchData(size);
  const mix = describeMix(data);
  const m = (key: Measurement['key'], label: string, unit: Measurement['unit']): Measurement => ({
    size,
    key,
    label,
    unit,
    samples: [],
  });
  const ingest = m('ingest', `server ingest via push (batches of ${PUSH_BATCH})`, 'records');
  const pull = m('pull', `initial pull into empty client (pages of ${PULL_PAGE})`, 'records');
  const bulk = m('bulkPut', 'baseline: bulkPut per table, 1 tx each', 'records');
  const local = m('localEdits', `${EDIT_OPERATIONS} offline edits, local commits`, 'mutations');
  const push = m('push', `push of ${EDIT_MUTATIONS} offline mutations`, 'mutations');

  const server = await startBenchServer();
  try {
    if (server.journalMode !== 'wal')
      throw new VerificationError(`journal_mode is ${server.journalMode}`);
    process.stderr.write(`[${size}] seeding the server through the push API…\n`);
    ingest.samples.push(await seedServer(server, data));
    const held = [...server.counts().values()].reduce((a, b) => a + b, 0);
    if (held !== size) throw new VerificationError(`server holds ${held} records, seeded ${size}`);

    if (warmUp) {
      process.stderr.write(`[${size}] warm-up (not counted)…\n`);
      await (await pullRun(server, size, false)).client.dispose();
      await bulkPutBaseline(data);
    }
    // Pull and baseline alternate, so both see the same machine load. Each client is dropped
    // right away: fake-indexeddb keeps databases in memory, and a bigger heap slows later runs.
    for (let r = 0; r < runs; r += 1) {
      process.stderr.write(`[${size}] pull + bulkPut run ${r + 1}/${runs}…\n`);
      const run = await pullRun(server, size, r === 0);
      pull.samples.push(run.sample);
      await run.client.dispose();
      bulk.samples.push(await bulkPutBaseline(data));
    }
    // Pushes come last: their new visits and follow-ups would change what later pulls move.
    for (let r = 0; r < runs; r += 1) {
      process.stderr.write(`[${size}] offline edits + push run ${r + 1}/${runs}…\n`);
      const client = await newBenchClient(server.baseUrl, server.token);
      const run = await pushRun(client, r * 31);
      local.samples.push(run.local);
      push.samples.push(run.push);
      await client.dispose();
    }
  } finally {
    await server.stop();
  }
  return { mix, measurements: [ingest, pull, bulk, local, push] };
}

interface Summary {
  size: number;
  key: Measurement['key'];
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  p95Ms: number;
  maxMs: number;
  medianCpuMs: number;
  perSecond: number;
  unit: string;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  /** Responses other than 200 in the first run, by status (e.g. 413 when a batch is too big). */
  otherStatuses: Record<string, number>;
  samplesMs: number[];
}

function summarise(m: Measurement): Summary {
  const ms = m.samples.map((s) => s.ms);
  const med = median(ms);
  const items = median(m.samples.map((s) => s.items));
  return {
    size: m.size,
    key: m.key,
    label: m.label,
    runs: ms.length,
    medianMs: round(med, 2),
    minMs: round(Math.min(...ms), 2),
    p95Ms: round(percentile(ms, 95), 2),
    maxMs: round(Math.max(...ms), 2),
    medianCpuMs: round(median(m.samples.map((s) => s.cpuMs)), 2),
    perSecond: round((items / med) * 1000, 0),
    unit: m.unit,
    requests: median(m.samples.map((s) => s.traffic.requests)),
    bytesUp: median(m.samples.map((s) => s.traffic.bytesUp)),
    bytesDown: median(m.samples.map((s) => s.traffic.bytesDown)),
    otherStatuses: Object.fromEntries(
      Object.entries(m.samples[0]?.traffic.statuses ?? {}).filter(([k, n]) => k !== '200' && n > 0),
    ),
    samplesMs: ms.map((x) => round(x, 2)),
  };
}

function mixLines(size: number, mix: DataSetMix): string[] {
  const tables = mix.rows
    .map((r) => `${r.table} ${r.count} (${(r.share * 100).toFixed(0)}%, ~${r.avgJsonBytes} B)`)
    .join(', ');
  return [
    `  N=${size.toLocaleString('en-US')}: ${tables}; ${formatBytes(mix.jsonBytes)} as JSON`,
    `           checklist entries (not records): ${mix.needsEntries} in organisations' needs, ${mix.checklistUpdateEntries} in visits' checklistUpdates`,
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus();
  const environment = {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    dexie: versionOf('dexie'),
    fakeIndexedDb: versionOf('fake-indexeddb'),
    fastify: versionOf('fastify'),
    betterSqlite3: versionOf('better-sqlite3'),
    commit: gitRevision(),
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
    gcBetweenRuns: typeof (globalThis as { gc?: unknown }).gc === 'function',
    setup:
      'Node + fake-indexeddb (client) + real Fastify/SQLite WAL server in the same process, ' +
      'over loopback HTTP (127.0.0.1, global fetch, Bearer session token)',
  };

  const mixes: { size: number; mix: DataSetMix }[] = [];
  const summaries: Summary[] = [];
  for (const [i, size] of sizes.entries()) {
    const runs = runsPerSize[i] ?? runsPerSize.at(-1) ?? 1;
    const { mix, measurements } = await measureSize(size, runs, i === 0);
    mixes.push({ size, mix });
    summaries.push(...measurements.map(summarise));
  }

  const loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  const ratios = sizes.map((size) => {
    const p = summaries.find((s) => s.size === size && s.key === 'pull');
    const b = summaries.find((s) => s.size === size && s.key === 'bulkPut');
    const paired = p && b ? p.samplesMs.map((ms, i) => ms / (b.samplesMs[i] ?? Number.NaN)) : [];
    return {
      size,
      pullOverBulkPut: p && b ? round(p.medianMs / b.medianMs, 2) : Number.NaN,
      /** The same with CPU time instead of wall time. */
      pullOverBulkPutCpu: p && b ? round(p.medianCpuMs / b.medianCpuMs, 2) : Number.NaN,
      /** Run by run (pull i ÷ bulkPut i, measured back to back): less sensitive to load drift. */
      medianOfPairedRatios: round(median(paired), 2),
    };
  });

  const rows: string[][] = [];
  for (const size of sizes) {
    for (const s of summaries.filter((x) => x.size === size)) {
      const bytes =
        s.bytesUp || s.bytesDown
          ? `${s.bytesUp ? `↑${formatBytes(s.bytesUp)} ` : ''}↓${formatBytes(s.bytesDown)}`
          : '–';
      rows.push([
        size.toLocaleString('en-US'),
        s.label,
        String(s.runs),
        formatMs(s.medianMs),
        formatMs(s.p95Ms),
        formatMs(s.medianCpuMs),
        formatRate(s.perSecond, s.unit === 'records' ? 'rec' : 'mut'),
        bytes,
        s.requests
          ? `${s.requests}${Object.entries(s.otherStatuses)
              .map(([k, n]) => ` (${n}× ${k})`)
              .join('')}`
          : '–',
      ]);
    }
    const ratio = ratios.find((r) => r.size === size);
    rows.push([
      size.toLocaleString('en-US'),
      'RATIO pull ÷ bulkPut (medians)',
      '',
      `${(ratio?.pullOverBulkPut ?? Number.NaN).toFixed(2)}×`,
      '',
      `${(ratio?.pullOverBulkPutCpu ?? Number.NaN).toFixed(2)}×`,
      '',
      '',
      '',
    ]);
  }

  const out = [
    '',
    'Brücke sync benchmark',
    `  ${environment.setup}`,
    `  commit ${environment.commit}; ${environment.node}, ${environment.platform}, ${environment.cpus}; Dexie ${environment.dexie}, fake-indexeddb ${environment.fakeIndexedDb}, Fastify ${environment.fastify}, better-sqlite3 ${environment.betterSqlite3}`,
    `  load average (1/5/15 min) at start ${environment.loadAverageAtStart.join(' ')}, at end ${loadAverageAtEnd.join(' ')} — other work on this machine adds noise`,
    `  median/p95 are wall clock (p95 nearest-rank: the slowest run with ≤ 20 runs); CPU is process CPU time (client + server + GC threads);`,
    `  throughput from the median wall time; bytes are HTTP body sizes (↑ request, ↓ response)${environment.gcBetweenRuns ? '; GC forced before every timed run' : ''}`,
    '',
    'Record mix (demo organisations with their contacts, visits, referrals, follow-ups, copied under fresh ids):',
    ...mixes.flatMap(({ size, mix }) => mixLines(size, mix)),
    `Offline edit mix (${EDIT_OPERATIONS} operations → ${EDIT_MUTATIONS} outbox mutations, through the real repositories):`,
    ...editMix.map(
      (e) =>
        `  ${String(e.operations).padStart(4)} × ${e.what} (${e.mutationsEach} mutation${e.mutationsEach > 1 ? 's' : ''} each)`,
    ),
    '',
    renderTable(
      [
        'N',
        'measurement',
        'runs',
        'median',
        'p95/max',
        'CPU (median)',
        'throughput (median)',
        'bytes (median)',
        'requests',
      ],
      rows,
      2,
    ),
    '',
    "Correctness: after every pull the client held exactly the server's records (count per table, no shadows since nothing was pending; every record and its server version compared on the first run), and every push left the outbox empty with nothing quarantined.",
    `Total bench time ${((performance.now() - started) / 1000).toFixed(1)} s; raw samples in ${RESULTS_FILE}.`,
    '',
  ];
  const above = ratios.filter((r) => r.pullOverBulkPut > 3);
  if (above.length > 0) {
    out.splice(
      out.length - 1,
      0,
      `Pull ÷ bulkPut is above 3× (N=${above.map((r) => r.size).join(', ')}): \`npm run bench:sync:profile\` shows where the time goes.`,
    );
  }
  process.stdout.write(out.join('\n'));

  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify(
      {
        generatedAt: new Date().toISOString(),
        environment: { ...environment, loadAverageAtEnd },
        pullPage: PULL_PAGE,
        pushBatch: PUSH_BATCH,
        recordMix: mixes,
        editMix: { operations: EDIT_OPERATIONS, mutations: EDIT_MUTATIONS, mix: editMix },
        ratios,
        results: summaries,
      },
      null,
      2,
    )}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `\nsync benchmark FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
