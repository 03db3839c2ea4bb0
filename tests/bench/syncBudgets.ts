/**
 * The sync budgets of `npm run bench` (issue 6, budgets 6–8), all on the same 10,000 records
 * (demo organisations with their contacts, visits, referrals and follow-ups):
 *
 * - 6a initial pull into an empty client ≤ 3× Dexie bulkPut of the same records;
 * - 6b applying the pulled pages batched ≥ 10× faster than one transaction per record;
 * - 7  our initial sync ≥ 3× faster than PouchDB 9 replicating the same records;
 * - 8  server ingest through the HTTP push ≥ 0.3× the throughput of raw better-sqlite3.
 *
 * Every ratio is taken run by run from figures measured back to back, and its median is judged.
 */
import 'fake-indexeddb/auto';
import type { BenchRow, BenchRun } from './benchRow';
import { buildBenchData, describeMix, type BenchDataSet } from './benchData';
import { infoRow, ratioRow } from './benchRows';
import { startBenchServer, type BenchServer } from './benchServer';
import { applyRun, fetchPages, oneRecordPages } from './applyBench';
import { checkpointRest, planPush, pushPlan, rawSqliteWrite } from './ingestBench';
import { pouchReplicationRun, pouchVersions, startRemotePouchPeer } from './pouchPeer';
import { serveFromOwnProcess } from './remoteServer';
import { bulkPutBaseline, pullRun, VerificationError } from './pullRuns';
import { formatBytes, median, round, type Timing } from './stats';
import { PUSH_BATCH } from '../../src/sync/pushOutbox';
import { PULL_PAGE } from '../../src/sync/syncOnce';

const SIZE = 10_000;
const ms = (samples: readonly Timing[]): number[] => samples.map((s) => round(s.wallMs, 1));
const perSecond = (items: number, t: Timing): number => Math.round((items / t.wallMs) * 1000);

interface Runs {
  ingest: number;
  pull: number;
  apply: number;
  /** Pull pages (of PULL_PAGE records) that the apply comparison uses. */
  applyPages: number;
  peer: number;
}

async function ingestRows(
  seeded: BenchServer,
  data: BenchDataSet,
  runs: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const plan = await planPush(seeded.baseUrl, seeded.token, data);
  const push: Timing[] = [];
  const raw: Timing[] = [];
  /** The final checkpoint of each run (ms), included in `push`. */
  const checkpoints: number[] = [];
  let rawRows = 0;
  for (let r = 0; r < runs; r += 1) {
    log(
      `ingest run ${r + 1}/${runs}: ${plan.mutations} mutations in ${plan.bodies.length} pushes…`,
    );
    // The first run fills the server that the pulls below read from.
    const server = r === 0 ? seeded : await startBenchServer();
    try {
      // A server process that has taken pushes before (of other records, on a scratch database).
      const remote = await serveFromOwnProcess(server, { warmUp: true });
      let pushed: Timing;
      try {
        pushed = await pushPlan(remote.server, plan);
      } finally {
        await remote.stop();
      }
      const rest = checkpointRest(server);
      checkpoints.push(rest.wallMs);
      push.push({ wallMs: pushed.wallMs + rest.wallMs, cpuMs: pushed.cpuMs + rest.cpuMs });
      const baseline = rawSqliteWrite(server);
      raw.push(baseline);
      rawRows = baseline.rows;
    } finally {
      if (server !== seeded) await server.stop();
    }
  }
  const throughput = push.map((t) => perSecond(plan.mutations, t));
  return [
    infoRow(
      `Server ingest: ${plan.mutations.toLocaleString('en-US')} mutations pushed over HTTP`,
      ms(push),
      'ms',
      `real Fastify + SQLite (WAL) server in a Node process of its own, warmed up by pushes of 2,000 other records to a scratch database (the pushing client in the benchmark's process, as a device would be), loopback; ${plan.bodies.length} pushes of ≤ ${PUSH_BATCH} new-record mutations (${formatBytes(plan.bytes)} of JSON, serialised before timing); includes the checkpoint of what the WAL still held after the last push (median ${round(median(checkpoints), 0)} ms), as the raw transaction ends checkpointed; throughput ${throughput.join(', ')} mut/s`,
    ),
    infoRow(
      'Baseline: raw better-sqlite3 transaction writing the same rows',
      ms(raw),
      'ms',
      `${rawRows.toLocaleString('en-US')} rows (records with their field metadata, the mutation log, the version counter) into a fresh database of the server's schema, one transaction, prepared statements`,
      'baseline',
    ),
    ratioRow(
      'Server ingest throughput ÷ raw SQLite throughput',
      push.map((t, i) => (raw[i]?.wallMs ?? Number.NaN) / t.wallMs),
      { min: 0.3 },
      'per run: raw transaction time ÷ push time (same mutations, same rows)',
    ),
  ];
}

async function pullRows(
  server: BenchServer,
  data: BenchDataSet,
  runs: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  log('pull warm-up (not counted)…');
  await (await pullRun(server, data.total, false)).client.dispose();
  await bulkPutBaseline(data);
  const pull: Timing[] = [];
  const bulk: Timing[] = [];
  for (let r = 0; r < runs; r += 1) {
    log(`pull + bulkPut run ${r + 1}/${runs}…`);
    const run = await pullRun(server, data.total, r === 0);
    pull.push({ wallMs: run.sample.ms, cpuMs: run.sample.cpuMs });
    await run.client.dispose();
    const b = await bulkPutBaseline(data);
    bulk.push({ wallMs: b.ms, cpuMs: b.cpuMs });
  }
  const mix = describeMix(data)
    .rows.map((r) => `${r.table} ${r.count}`)
    .join(', ');
  return [
    infoRow(
      `Initial pull of ${data.total.toLocaleString('en-US')} records into an empty client`,
      ms(pull),
      'ms',
      `syncOnce on fake-indexeddb from the real server (in a Node process of its own, on the same SQLite file) over loopback HTTP, pages of ${PULL_PAGE}; checked against the server after every run (every record and version on the first); ${mix}`,
    ),
    infoRow(
      'Baseline: the same records with plain Dexie bulkPut',
      ms(bulk),
      'ms',
      'one bulkPut transaction per table into an empty database, fake-indexeddb',
      'baseline',
    ),
    ratioRow(
      'Initial pull ÷ Dexie bulkPut',
      pull.map((t, i) => t.wallMs / (bulk[i]?.wallMs ?? Number.NaN)),
      { max: 3 },
      `per run: pull time ÷ bulkPut time measured right after it (wall clock; the server runs in its own process, as on a real device, where it is another machine); CPU time of the client's process, pull ÷ bulkPut, median of runs: ${round(
        median(pull.map((t, i) => t.cpuMs / (bulk[i]?.cpuMs ?? Number.NaN))),
        2,
      )}×`,
    ),
  ];
}

async function applyRows(
  server: BenchServer,
  runs: Runs,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const all = await fetchPages(server);
  // One transaction per record costs ~2 ms of CPU each on fake-indexeddb: both modes apply the
  // same first pages only, so that the record-by-record runs fit the time budget.
  const pages = all.slice(0, runs.applyPages);
  const single = oneRecordPages(pages);
  const records = single.length.toLocaleString('en-US');
  const batched: Timing[] = [];
  const perRecord: Timing[] = [];
  for (let r = 0; r < runs.apply; r += 1) {
    log(`apply run ${r + 1}/${runs.apply}: ${pages.length} pages, then ${records} one-record txs…`);
    const b = await applyRun(pages);
    batched.push(b);
    perRecord.push(await applyRun(single, b.content ?? undefined));
  }
  return [
    infoRow(
      `Apply of ${records} pulled records, batched (${pages.length} transactions)`,
      ms(batched),
      'ms',
      `applyServerChanges page by page into an empty client, no network; the first ${pages.length} of the pull's ${all.length} pages of ${PULL_PAGE}`,
    ),
    infoRow(
      `Apply of the same records one by one (${records} transactions)`,
      ms(perRecord),
      'ms',
      'applyServerChanges with one-record pages: one Dexie transaction per record; ends with the same records',
      'baseline',
    ),
    ratioRow(
      'Apply speed-up of batching (record by record ÷ batched)',
      perRecord.map((t, i) => t.wallMs / (batched[i]?.wallMs ?? Number.NaN)),
      { min: 10 },
      'per run: record-by-record time ÷ batched time',
    ),
  ];
}

async function peerRows(
  server: BenchServer,
  data: BenchDataSet,
  runs: number,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const peer = await startRemotePouchPeer(data);
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  const dropped: string[] = [];
  try {
    log('warm-up of both (not counted)…');
    await (await pullRun(server, data.total, false)).client.dispose();
    await pouchReplicationRun(peer);
    for (let r = 0; r < runs; r += 1) {
      log(`our sync + PouchDB replication run ${r + 1}/${runs}…`);
      let mine: Timing | null = null;
      try {
        const run = await pullRun(server, data.total, true);
        await run.client.dispose();
        mine = { wallMs: run.sample.ms, cpuMs: run.sample.cpuMs };
      } catch (error) {
        if (!(error instanceof VerificationError)) throw error;
        dropped.push(`run ${r + 1}: ours ${error.message}`);
      }
      const pouch = await pouchReplicationRun(peer);
      if (pouch.problems.length > 0)
        dropped.push(`run ${r + 1}: PouchDB ${pouch.problems.join('; ')}`);
      else if (mine) {
        ours.push(mine);
        theirs.push(pouch);
      }
    }
  } finally {
    await peer.stop();
  }
  const setup =
    'both clients in this Node process, both servers in a Node process of their own, on loopback: PouchDB with pouchdb-adapter-memory (batch_size 1000) from express-pouchdb over the memory adapter; ours on fake-indexeddb from Fastify + SQLite';
  const kept = `${ours.length} of ${runs} runs counted (both sides ended with the same ids and contents)${dropped.length ? `; dropped: ${dropped.join(' | ')}` : ''}`;
  return [
    infoRow(
      `Peer: PouchDB replicating the same ${data.total.toLocaleString('en-US')} records`,
      ms(theirs),
      'ms',
      `${pouchVersions()}; ${setup}; ${kept}`,
      'baseline',
    ),
    ratioRow(
      'Our initial sync speed ÷ PouchDB replication speed',
      theirs.map((t, i) => t.wallMs / (ours[i]?.wallMs ?? Number.NaN)),
      { min: 3 },
      `per run: PouchDB time ÷ our time (ours: ${ms(ours).join(', ')} ms); ${setup}`,
    ),
  ];
}

export const syncBudgets: BenchRun = async ({ quick, log: print }) => {
  const started = performance.now();
  const log = (line: string): void => {
    print(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
  };
  const runs: Runs = quick
    ? { ingest: 1, pull: 2, apply: 1, applyPages: 1, peer: 1 }
    : { ingest: 3, pull: 7, apply: 3, applyPages: 2, peer: 5 };
  const data = buildBenchData(SIZE);
  const server = await startBenchServer();
  try {
    const rows = await ingestRows(server, data, runs.ingest, log);
    const held = [...server.counts().values()].reduce((a, b) => a + b, 0);
    if (held !== data.total) throw new VerificationError(`server holds ${held} of ${data.total}`);
    // Pulls (ours, and ours against PouchDB) from the same server process.
    const remote = await serveFromOwnProcess(server);
    try {
      rows.push(...(await pullRows(remote.server, data, runs.pull, log)));
      rows.push(...(await applyRows(server, runs, log)));
      rows.push(...(await peerRows(remote.server, data, runs.peer, log)));
    } finally {
      await remote.stop();
    }
    return rows;
  } finally {
    await server.stop();
  }
};
