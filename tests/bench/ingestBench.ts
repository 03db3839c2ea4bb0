/**
 * Budget 8, server ingest: 10,000 new-record mutations pushed through the HTTP API (the real
 * Fastify + SQLite server, loopback), against a raw better-sqlite3 transaction that writes the
 * same rows into the same table layout (a fresh database made by the server's own migrations).
 * Only the server side is timed: the push bodies are built, serialised and UTF-8 encoded beforehand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitWrites, type RecordWrite } from '../../src/db/commitWrites';
import type { WireMutation } from '../../src/domain/sync/wireMutation';
import { pushResponseSchema } from '../../src/domain/sync/protocol';
import { openDatabase } from '../../src/server/db/openDatabase';
import { asciiJson } from '../../src/sync/asciiJson';
import { PUSH_BATCH, pushBatchOf } from '../../src/sync/pushOutbox';
import type { BenchDataSet } from './benchData';
import { newBenchClient } from './benchClient';
import type { BenchServer } from './benchServer';
import { measure, type Timing } from './stats';

/** Request bodies of the push, as the engine would batch the device's outbox. */
export interface PushPlan {
  /** Each push's JSON, already encoded as UTF-8: the client's serialisation is not timed. */
  bodies: Uint8Array<ArrayBuffer>[];
  mutations: number;
  bytes: number;
}

/** Commits the records on a scratch device (as people would create them) and batches its outbox. */
export async function planPush(
  baseUrl: string,
  token: string,
  data: BenchDataSet,
): Promise<PushPlan> {
  const client = await newBenchClient(baseUrl, token);
  try {
    const writes: RecordWrite[] = data.inCreationOrder.map(({ table, record }) => ({
      table,
      before: null,
      after: record,
    }));
    for (let i = 0; i < writes.length; i += 1000)
      await commitWrites(client.deps, writes.slice(i, i + 1000));
    // Cut into pushes as the engine does (pushOutbox.ts): at most PUSH_BATCH entries and
    // PUSH_MAX_BYTES of JSON each, in their push form.
    const outbox = await client.deps.db.outbox.orderBy('seq').toArray();
    const batches: WireMutation[][] = [];
    for (let i = 0; i < outbox.length;) {
      const { wire } = pushBatchOf(outbox.slice(i, i + PUSH_BATCH));
      batches.push(wire);
      i += wire.length;
    }
    const clientTime = new Date().toISOString();
    const bodies = batches.map((mutations) =>
      new TextEncoder().encode(
        asciiJson({ clientId: mutations[0]?.clientId, epoch: null, clientTime, mutations }),
      ),
    );
    return {
      bodies,
      mutations: outbox.length,
      bytes: bodies.reduce((n, b) => n + b.byteLength, 0),
    };
  } finally {
    await client.dispose();
  }
}

/** Sends the planned pushes one after another; every mutation must come back `applied`. */
export async function pushPlan(server: BenchServer, plan: PushPlan): Promise<Timing> {
  const t = await measure(async () => {
    let applied = 0;
    for (const body of plan.bodies) {
      const res = await fetch(`${server.baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body,
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      const { results } = pushResponseSchema.parse(await res.json());
      applied += results.filter((r) => r.status === 'applied').length;
    }
    return applied;
  });
  if (t.value !== plan.mutations)
    throw new Error(`ingest applied ${t.value} of ${plan.mutations} mutations`);
  return t;
}

/**
 * Copies what the WAL still holds into the database file (`wal_checkpoint(PASSIVE)` through this
 * process's connection) and returns how long that took. The raw transaction below ends with its
 * checkpoint done (it commits more than the autocheckpoint threshold at once); the server's
 * pushes checkpoint as they cross the threshold and may leave the last stretch in the WAL. Added
 * to the push time, both sides end with every row in the database file.
 */
export function checkpointRest(server: BenchServer): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  server.db.pragma('wal_checkpoint(PASSIVE)');
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

interface RecordRow {
  table_name: string;
  id: string;
  data: string;
  fields: string;
  version: number;
}
interface MutationRow {
  mutation_id: string;
  client_id: string;
  result: string;
  applied_at: string;
}

/**
 * The same rows the push wrote (records with their field metadata, the mutation log, the version
 * counter), written by hand into a fresh database with the server's schema, in one transaction
 * with prepared statements: what SQLite itself costs for this ingest.
 */
export function rawSqliteWrite(server: BenchServer): Timing & { rows: number } {
  const records = server.db
    .prepare<[], RecordRow>('SELECT table_name, id, data, fields, version FROM records')
    .all();
  const mutations = server.db
    .prepare<[], MutationRow>('SELECT mutation_id, client_id, result, applied_at FROM mutations')
    .all();
  const seq = String(records.reduce((max, r) => Math.max(max, r.version), 0));
  const dir = mkdtempSync(join(tmpdir(), 'bruecke-raw-'));
  const db = openDatabase(join(dir, 'raw.sqlite'));
  try {
    const putRecord = db.prepare(
      `INSERT INTO records (table_name, id, data, fields, version) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(table_name, id) DO UPDATE SET data = excluded.data, fields = excluded.fields, version = excluded.version`,
    );
    const saveMutation = db.prepare(
      'INSERT INTO mutations (mutation_id, client_id, result, applied_at) VALUES (?, ?, ?, ?)',
    );
    const setMeta = db.prepare(
      'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    const write = db.transaction(() => {
      for (const r of records) putRecord.run(r.table_name, r.id, r.data, r.fields, r.version);
      for (const m of mutations)
        saveMutation.run(m.mutation_id, m.client_id, m.result, m.applied_at);
      setMeta.run('seq', seq);
    });
    const cpu = process.cpuUsage();
    const start = performance.now();
    write.immediate();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return {
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      rows: records.length + mutations.length,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
