/**
 * `npm run bench:sync:profile`: where the time of an initial pull goes (and of a push), as
 * printed figures. Same setup as `bench:sync` (fake-indexeddb client, real server in-process
 * over loopback HTTP). The pull is taken apart with the engine's own functions
 * (`pullResponseSchema`, `applyServerChanges`); variants that the engine or the server do not
 * have are bench-local copies, to measure what such a change would save. Variants run
 * round-robin so that all of them see the same machine load; medians of wall and CPU time.
 *
 * Options: `--size=10000` (records), `--runs=5`.
 */
import 'fake-indexeddb/auto';
import { z } from 'zod';
import { BrueckeDb, shadowKey, type Shadow } from '../../src/db/database';
import type { RepoDeps } from '../../src/db/deps';
import { observeServerClock } from '../../src/db/deviceMeta';
import type { Mutation, SyncTable } from '../../src/domain/sync/mutation';
import { syncTables } from '../../src/domain/sync/mutation';
import { pullResponseSchema, type PullResponse } from '../../src/domain/sync/protocol';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { applyServerChanges } from '../../src/sync/applyServerChanges';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { rebase } from '../../src/sync/rebase';
import { allRecordTables, recordTable } from '../../src/sync/recordTables';
import type { SyncApi } from '../../src/sync/syncApi';
import { PULL_PAGE, syncOnce } from '../../src/sync/syncOnce';
import { readSyncState, SYNC_STATE_KEY } from '../../src/sync/syncState';
import { buildBenchData, type BenchDataSet } from './benchData';
import { newBenchClient } from './benchClient';
import { makeOfflineEdits } from './benchEdits';
import { seedServer } from './benchSeed';
import { startBenchServer, type BenchServer } from './benchServer';
import { profile, type ProfileSummary } from './cpuProfile';
import { formatBytes, measure, median, renderTable, roundRobin, type Timing } from './stats';

const arg = (name: string, fallback: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const SIZE = arg('size', 10_000);
const RUNS = arg('runs', 5);

const print = (...lines: string[]): void => {
  process.stdout.write(`${lines.join('\n')}\n`);
};
const note = (s: string): void => {
  process.stderr.write(`${s}\n`);
};
const ms = (x: number): string => `${x.toFixed(x >= 100 ? 0 : 1)} ms`;
const us = (x: number): string => `${((x / SIZE) * 1000).toFixed(1)} µs`;

async function freshDeps(): Promise<RepoDeps> {
  const db = new BrueckeDb(`profile-${crypto.randomUUID()}`);
  await db.open();
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}

/** A run on a fresh client database, deleted afterwards; only `work` is timed. */
async function onFreshDb(work: (deps: RepoDeps) => Promise<unknown>): Promise<Timing> {
  const deps = await freshDeps();
  const t = await measure(() => work(deps));
  await deps.db.delete();
  return t;
}

const sync = async (work: () => void): Promise<Timing> =>
  measure(() => {
    work();
    return Promise.resolve();
  });

// ---------------------------------------------------------------------------------------------
// The pull, stage by stage (the calls of syncApi.pull and syncOnce's loop, with clocks between)

interface Stages {
  http: number;
  jsonParse: number;
  zod: number;
  apply: number;
  total: number;
  pages: number;
  bytes: number;
}

async function stagedPull(server: BenchServer, deps: RepoDeps, limit: number): Promise<Stages> {
  const s: Stages = { http: 0, jsonParse: 0, zod: 0, apply: 0, total: 0, pages: 0, bytes: 0 };
  const start = performance.now();
  for (;;) {
    const { cursor } = await readSyncState(deps.db);
    const t0 = performance.now();
    const res = await fetch(`${server.baseUrl}/api/sync/pull?since=${cursor}&limit=${limit}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    const text = await res.text();
    const t1 = performance.now();
    const payload: unknown = JSON.parse(text);
    const t2 = performance.now();
    const page = pullResponseSchema.parse(payload);
    const t3 = performance.now();
    await applyServerChanges(deps, page);
    const t4 = performance.now();
    s.http += t1 - t0;
    s.jsonParse += t2 - t1;
    s.zod += t3 - t2;
    s.apply += t4 - t3;
    s.pages += 1;
    s.bytes += Buffer.byteLength(text);
    if (!page.hasMore) break;
  }
  s.total = performance.now() - start;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Server side of a pull on the server's own database handle (same SQL as sqliteSyncStore.pull)

interface Row {
  table_name: string;
  id: string;
  data: string;
  version: number;
}

function selectAllPages(server: BenchServer, sql: string, limit: number): Row[][] {
  const stmt = server.db.prepare<[number, number], Row>(sql);
  const pages: Row[][] = [];
  let since = 0;
  for (;;) {
    const rows = stmt.all(since, limit + 1);
    pages.push(rows.slice(0, limit));
    const last = rows[limit - 1];
    if (rows.length <= limit || !last) return pages;
    since = last.version;
  }
}

const SELECT_STAR = 'SELECT * FROM records WHERE version > ? ORDER BY version LIMIT ?';
const SELECT_NEEDED =
  'SELECT table_name, id, version, data FROM records WHERE version > ? ORDER BY version LIMIT ?';

/** What the route does now: parse every stored record, Fastify stringifies the page again. */
function pageByParse(rows: Row[]): string {
  const changes = rows.map((row) => ({
    table: row.table_name,
    id: row.id,
    version: row.version,
    data: JSON.parse(row.data) as Record<string, unknown>,
  }));
  return JSON.stringify({ epoch: 'e', changes, cursor: 0, hasMore: true, serverClock: '' });
}

/** The stored JSON spliced into the page as it is (it was stringified by the server itself). */
function pageBySplice(rows: Row[]): string {
  const changes = rows
    .map(
      (row) =>
        `{"table":${JSON.stringify(row.table_name)},"id":${JSON.stringify(row.id)},"version":${row.version},"data":${row.data}}`,
    )
    .join(',');
  return `{"epoch":"e","changes":[${changes}],"cursor":0,"hasMore":true,"serverClock":""}`;
}

// ---------------------------------------------------------------------------------------------
// Variants of the apply step (bench-local copies of the earlier applyServerChanges, which wrote
// a full shadow for every record; the engine now writes version rows instead, see shadows.ts)

interface ApplyVariant {
  /** Rebase (structuredClone) even when the record has no pending edits, as the engine does. */
  cloneWithoutPending: boolean;
  shadows: 'full' | 'versionOnly' | 'none';
}

async function applyVariant(deps: RepoDeps, page: PullResponse, v: ApplyVariant): Promise<void> {
  const { db } = deps;
  const tables = [...allRecordTables(db), db.shadows, db.outbox, db.settings, db.meta];
  await db.transaction('rw', tables, async () => {
    const ids = [...new Set(page.changes.map((c) => c.id))];
    const pending = ids.length ? await db.outbox.where('recordId').anyOf(ids).toArray() : [];
    const pendingByKey = new Map<string, Mutation[]>();
    for (const m of pending) {
      const key = shadowKey(m.table, m.recordId);
      const list = pendingByKey.get(key);
      if (list) list.push(m);
      else pendingByKey.set(key, [m]);
    }
    const shadows: Shadow[] = [];
    const byTable = new Map<SyncTable, Record<string, unknown>[]>();
    for (const c of page.changes) {
      const key = shadowKey(c.table, c.id);
      const base = { key, table: c.table, id: c.id, version: c.version };
      if (v.shadows === 'full') shadows.push({ ...base, data: c.data });
      if (v.shadows === 'versionOnly') shadows.push({ ...base, data: {} });
      const mine = pendingByKey.get(key);
      const local = mine || v.cloneWithoutPending ? (rebase(c.data, mine ?? []) ?? c.data) : c.data;
      const list = byTable.get(c.table);
      if (list) list.push(local);
      else byTable.set(c.table, [local]);
    }
    if (shadows.length) await db.shadows.bulkPut(shadows);
    for (const [table, records] of byTable) await recordTable(db, table).bulkPut(records);
    if (page.serverClock) await observeServerClock(deps, page.serverClock);
    const state = await readSyncState(db);
    await db.settings.put({
      key: SYNC_STATE_KEY,
      value: { ...state, cursor: page.cursor, epoch: page.epoch },
    });
  });
}

async function fetchPageTexts(server: BenchServer, limit: number): Promise<string[]> {
  const texts: string[] = [];
  let since = 0;
  for (;;) {
    const res = await fetch(`${server.baseUrl}/api/sync/pull?since=${since}&limit=${limit}`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    const text = await res.text();
    texts.push(text);
    const page = pullResponseSchema.parse(JSON.parse(text));
    if (!page.hasMore) return texts;
    since = page.cursor;
  }
}

/** syncOnce's pull loop with another page size (the engine uses PULL_PAGE). */
async function pullWithPageSize(deps: RepoDeps, api: SyncApi, limit: number): Promise<void> {
  for (;;) {
    const { cursor } = await readSyncState(deps.db);
    const outcome = await api.pull(cursor, limit);
    if (outcome.kind !== 'ok') throw new Error('unauthenticated');
    await applyServerChanges(deps, outcome.response);
    if (!outcome.response.hasMore) return;
  }
}

// A lighter wire schema: envelope and each change's address checked, the data only for being a
// plain object (record schemas are not applied on pull either way), so nothing is copied.
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const lightPullSchema = z.object({
  epoch: z.string(),
  changes: z.array(
    z.object({
      table: z.enum(syncTables),
      id: z.string(),
      version: z.number().int(),
      data: z.custom<Record<string, unknown>>(isPlainObject),
    }),
  ),
  cursor: z.number().int(),
  hasMore: z.boolean(),
  serverClock: z.string(),
});

async function bulkPutAll(db: BrueckeDb, data: BenchDataSet): Promise<void> {
  for (const [table, records] of Object.entries(data.byTable)) {
    const t = db.table(table);
    await db.transaction('rw', t, () => t.bulkPut(records));
  }
}

function profileTables(title: string, p: ProfileSummary, top: number): string[] {
  const pct = (x: number): string => `${((x / p.totalMs) * 100).toFixed(1)}%`;
  return [
    '',
    `${title} (${ms(p.totalMs)} of samples, client and server share the thread), self time:`,
    renderTable(
      ['where the code comes from', 'self', 'share'],
      p.byCategory.slice(0, top).map((c) => [c.name, ms(c.ms), pct(c.ms)]),
    ),
    '',
    renderTable(
      ['hottest functions', 'self', 'share'],
      p.byFunction.slice(0, top).map((c) => [c.name, ms(c.ms), pct(c.ms)]),
    ),
  ];
}

async function main(): Promise<void> {
  const data = buildBenchData(SIZE);
  const server = await startBenchServer();
  try {
    note(`seeding ${SIZE} records…`);
    await seedServer(server, data);
    print(
      '',
      `Pull profile: ${SIZE.toLocaleString('en-US')} records; Node + fake-indexeddb + real server over loopback HTTP (one process);`,
      `medians of ${RUNS} round-robin runs; "CPU" is process CPU time (less sensitive to other load on the machine)`,
    );

    note('warm-up…');
    {
      const c = await newBenchClient(server.baseUrl, server.token);
      await syncOnce(c.deps, c.api);
      await c.dispose();
    }

    // 1. Engine pull vs baseline, and the staged pull.
    note('engine pull, baseline, stages…');
    const stageRuns: Stages[] = [];
    const head = await roundRobin(RUNS, {
      engine: async () => {
        const c = await newBenchClient(server.baseUrl, server.token);
        const t = await measure(() => syncOnce(c.deps, c.api));
        await c.dispose();
        return t;
      },
      baseline: () => onFreshDb((deps) => bulkPutAll(deps.db, data)),
      staged: () =>
        onFreshDb(async (deps) => {
          stageRuns.push(await stagedPull(server, deps, PULL_PAGE));
        }),
    });
    const engine = head.engine ?? { wallMs: NaN, cpuMs: NaN };
    const baseline = head.baseline ?? { wallMs: NaN, cpuMs: NaN };
    const st = (k: keyof Stages): number => median(stageRuns.map((s) => s[k]));

    const server1 = await roundRobin(RUNS, {
      selectStar: () => sync(() => selectAllPages(server, SELECT_STAR, PULL_PAGE)),
      selectNeeded: () => sync(() => selectAllPages(server, SELECT_NEEDED, PULL_PAGE)),
    });
    const rowPages = selectAllPages(server, SELECT_NEEDED, PULL_PAGE);
    const server2 = await roundRobin(RUNS, {
      parseStringify: () => sync(() => rowPages.forEach(pageByParse)),
      splice: () => sync(() => rowPages.forEach(pageBySplice)),
    });
    const accounts = createSqliteAccountStore(server.db);
    const session = await sync(() => {
      for (let i = 0; i < 100; i += 1) accounts.findSession(server.token, new Date());
    });
    const w = (t: Timing | undefined): number => t?.wallMs ?? NaN;
    const total = st('total');
    const share = (x: number): string => `${((x / total) * 100).toFixed(0)}%`;
    const stageRow = (label: string, x: number): string[] => [label, ms(x), share(x), us(x)];
    print(
      '',
      `Engine pull (syncOnce, pages of ${PULL_PAGE}): ${ms(engine.wallMs)} wall / ${ms(engine.cpuMs)} CPU; ` +
        `baseline bulkPut per table: ${ms(baseline.wallMs)} wall / ${ms(baseline.cpuMs)} CPU; ` +
        `ratio ${(engine.wallMs / baseline.wallMs).toFixed(2)}× wall, ${(engine.cpuMs / baseline.cpuMs).toFixed(2)}× CPU`,
      '',
      renderTable(
        ['stage of the pull (wall time, summed over pages)', 'time', 'share', 'per record'],
        [
          stageRow('HTTP round trips (server + loopback + body read)', st('http')),
          stageRow('  server part: SELECT * (as the store does)', w(server1.selectStar)),
          stageRow(
            '  server part: JSON.parse data + JSON.stringify page',
            w(server2.parseStringify),
          ),
          stageRow('client: JSON.parse of the body', st('jsonParse')),
          stageRow('client: zod pullResponseSchema.parse', st('zod')),
          stageRow('client: applyServerChanges (1 tx per page)', st('apply')),
          stageRow('total (staged loop)', total),
        ],
      ),
      `  ${st('pages')} pages, ${formatBytes(st('bytes'))} of JSON; session lookup + touch (UPDATE) per request: ${ms(session.wallMs / 100)}`,
      '',
      renderTable(
        ['server variants, all pages', 'wall', 'CPU'],
        [
          [
            'SELECT * (reads the per-field `fields` JSON too)',
            ms(w(server1.selectStar)),
            ms(server1.selectStar?.cpuMs ?? NaN),
          ],
          [
            'SELECT table_name, id, version, data',
            ms(w(server1.selectNeeded)),
            ms(server1.selectNeeded?.cpuMs ?? NaN),
          ],
          [
            'JSON.parse each row + JSON.stringify page (now)',
            ms(w(server2.parseStringify)),
            ms(server2.parseStringify?.cpuMs ?? NaN),
          ],
          [
            'splice stored JSON into the page string',
            ms(w(server2.splice)),
            ms(server2.splice?.cpuMs ?? NaN),
          ],
        ],
      ),
    );

    // 2. The apply step taken apart.
    note('apply variants…');
    const texts = await fetchPageTexts(server, PULL_PAGE);
    const pages = texts.map((t) => pullResponseSchema.parse(JSON.parse(t)));
    const applyAll = (v: ApplyVariant | 'engine') => (): Promise<Timing> =>
      onFreshDb(async (deps) => {
        for (const page of pages) {
          if (v === 'engine') await applyServerChanges(deps, page);
          else await applyVariant(deps, page, v);
        }
      });
    const records = pages.flatMap((p) => p.changes.map((c) => c.data));
    const apply = await roundRobin(RUNS, {
      engine: applyAll('engine'),
      copy: applyAll({ cloneWithoutPending: true, shadows: 'full' }),
      noClone: applyAll({ cloneWithoutPending: false, shadows: 'full' }),
      versionOnly: applyAll({ cloneWithoutPending: false, shadows: 'versionOnly' }),
      noShadows: applyAll({ cloneWithoutPending: false, shadows: 'none' }),
      cloneOnly: () => sync(() => records.forEach((r) => structuredClone(r))),
      baseline: () => onFreshDb((deps) => bulkPutAll(deps.db, data)),
    });
    const aRow = (label: string, t: Timing | undefined): string[] => [
      label,
      ms(t?.wallMs ?? NaN),
      ms(t?.cpuMs ?? NaN),
      `${((t?.cpuMs ?? NaN) / (apply.baseline?.cpuMs ?? NaN)).toFixed(2)}×`,
    ];
    print(
      '',
      renderTable(
        ['apply step: all pages into an empty database', 'wall', 'CPU', 'CPU vs bulkPut'],
        [
          aRow('applyServerChanges as is', apply.engine),
          aRow('earlier engine: full shadow per record, clone always', apply.copy),
          aRow('  − structuredClone when nothing is pending', apply.noClone),
          aRow('  − … and shadows hold the version only, no data', apply.versionOnly),
          aRow('  − … and no shadows at all (lower bound)', apply.noShadows),
          aRow('structuredClone of every record, alone', apply.cloneOnly),
          aRow('baseline: bulkPut per table, 1 tx each', apply.baseline),
        ],
      ),
    );

    // 3. Parsing and validation of the wire format.
    note('parsing…');
    const parsed = texts.map((t) => JSON.parse(t) as unknown);
    const parse = await roundRobin(RUNS, {
      json: () =>
        sync(() => {
          for (const t of texts) JSON.parse(t);
        }),
      zod: () => sync(() => parsed.forEach((p) => pullResponseSchema.parse(p))),
      light: () => sync(() => parsed.forEach((p) => lightPullSchema.parse(p))),
    });
    print(
      '',
      renderTable(
        ['client parsing, all pages (no I/O)', 'wall', 'CPU'],
        [
          ['JSON.parse of the bodies', ms(w(parse.json)), ms(parse.json?.cpuMs ?? NaN)],
          [
            'pullResponseSchema.parse (data: z.record(z.string(), z.unknown()))',
            ms(w(parse.zod)),
            ms(parse.zod?.cpuMs ?? NaN),
          ],
          [
            'same envelope, data: z.custom(isPlainObject)',
            ms(w(parse.light)),
            ms(parse.light?.cpuMs ?? NaN),
          ],
        ],
      ),
    );

    // 4. Page size.
    note('page size…');
    const pullWith = (limit: number) => async (): Promise<Timing> => {
      const c = await newBenchClient(server.baseUrl, server.token);
      const t = await measure(() => pullWithPageSize(c.deps, c.api, limit));
      await c.dispose();
      return t;
    };
    const bySize = await roundRobin(RUNS, { p500: pullWith(500), p1000: pullWith(1000) });
    print(
      '',
      renderTable(
        ['pull page size (limit)', 'requests', 'wall', 'CPU'],
        [
          ['500', String(Math.ceil(SIZE / 500)), ms(w(bySize.p500)), ms(bySize.p500?.cpuMs ?? NaN)],
          [
            '1000 (PULL_PAGE = PULL_MAX_LIMIT)',
            String(Math.ceil(SIZE / 1000)),
            ms(w(bySize.p1000)),
            ms(bySize.p1000?.cpuMs ?? NaN),
          ],
        ],
      ),
    );

    // 5. The client-side suggestions together, in a bench-local copy of the pull loop.
    note('suggestions combined…');
    const tuned = (limit: number, shadows: ApplyVariant['shadows']) => (): Promise<Timing> =>
      onFreshDb(async (deps) => {
        for (;;) {
          const { cursor } = await readSyncState(deps.db);
          const res = await fetch(
            `${server.baseUrl}/api/sync/pull?since=${cursor}&limit=${limit}`,
            { headers: { authorization: `Bearer ${server.token}` } },
          );
          const page = lightPullSchema.parse(await res.json());
          await applyVariant(deps, page, { cloneWithoutPending: false, shadows });
          if (!page.hasMore) return;
        }
      });
    const combined = await roundRobin(RUNS, {
      engine: async () => {
        const cl = await newBenchClient(server.baseUrl, server.token);
        const t = await measure(() => syncOnce(cl.deps, cl.api));
        await cl.dispose();
        return t;
      },
      cheap: tuned(1000, 'full'),
      lazyShadows: tuned(1000, 'versionOnly'),
      baseline: () => onFreshDb((deps) => bulkPutAll(deps.db, data)),
    });
    const cRow = (label: string, t: Timing | undefined): string[] => [
      label,
      ms(t?.wallMs ?? NaN),
      ms(t?.cpuMs ?? NaN),
      `${((t?.wallMs ?? NaN) / (combined.baseline?.wallMs ?? NaN)).toFixed(2)}×`,
      `${((t?.cpuMs ?? NaN) / (combined.baseline?.cpuMs ?? NaN)).toFixed(2)}×`,
    ];
    print(
      '',
      renderTable(
        [
          'whole pull, client-side changes combined (server as is)',
          'wall',
          'CPU',
          '÷ bulkPut wall',
          '÷ bulkPut CPU',
        ],
        [
          cRow('engine now (syncOnce, pages of 1000)', combined.engine),
          cRow('pages of 1000 + light zod + no clone without pending', combined.cheap),
          cRow('  … + shadows without data (lazy shadow data)', combined.lazyShadows),
          cRow('baseline: bulkPut per table, 1 tx each', combined.baseline),
        ],
      ),
    );

    // 6. CPU profiles of one pull and of one push of the offline edits.
    note('CPU profiles…');
    const c = await newBenchClient(server.baseUrl, server.token);
    const pullProfile = await profile(async () => {
      await syncOnce(c.deps, c.api);
    });
    print(...profileTables('CPU profile of one pull (syncOnce)', pullProfile, 14));
    await makeOfflineEdits(c.deps, 7);
    const pushProfile = await profile(async () => {
      await pushOutbox(c.deps, c.api);
    });
    print(...profileTables('CPU profile of one push of 1,000 offline mutations', pushProfile, 12));
    await c.dispose();
  } finally {
    await server.stop();
  }

  // 7. Push batches against the body limit: 1,000 new records, in two outbox orders.
  note('ingest order…');
  const small = buildBenchData(1000);
  const ingestRows: string[][] = [];
  for (const order of ['creation', 'byTable'] as const) {
    const s = await startBenchServer();
    try {
      const r = await seedServer(s, small, order);
      const statuses = Object.entries(r.traffic.statuses)
        .map(([k, n]) => `${n}× ${k}`)
        .join(', ');
      ingestRows.push([
        order === 'creation' ? 'organisation by organisation' : 'all organisations first',
        ms(r.ms),
        String(r.traffic.requests),
        statuses,
        formatBytes(r.traffic.bytesUp),
      ]);
    } finally {
      await s.stop();
    }
  }
  print(
    '',
    'Server ingest of 1,000 new records through pushOutbox (PUSH_BATCH 200, push body limit 1 MiB):',
    renderTable(['outbox order', 'wall', 'requests', 'responses', 'uploaded'], ingestRows),
    '',
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `profile FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
