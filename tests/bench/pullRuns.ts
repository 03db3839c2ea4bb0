/**
 * The initial pull and its baseline, shared by `npm run bench:sync` and the sync budgets of
 * `npm run bench`: a fresh client pulls everything from the bench server (timed, then checked
 * against the server), and the same records are written with plain Dexie bulkPut.
 */
import { BrueckeDb, shadowKey } from '../../src/db/database';
import { deepEqual } from '../../src/domain/sync/fieldChanges';
import { syncTables, type SyncTable } from '../../src/domain/sync/mutation';
import { lookupVersions, VERSION_ROW_PREFIX } from '../../src/sync/serverVersions';
import { syncOnce } from '../../src/sync/syncOnce';
import { benchTables, type BenchDataSet } from './benchData';
import {
  clientCounts,
  newBenchClient,
  noTraffic,
  type BenchClient,
  type Traffic,
} from './benchClient';
import type { BenchServer } from './benchServer';
import { measure } from './stats';

export class VerificationError extends Error {
  override name = 'VerificationError';
}

export interface Sample {
  ms: number;
  /** CPU time of the whole process (client and server share it), less sensitive to machine load. */
  cpuMs: number;
  /** Records or mutations moved in this run. */
  items: number;
  traffic: Traffic;
}

/**
 * The client holds exactly the server's records: count per table, every server version in its
 * version rows, no shadows (nothing was pending), an empty outbox, and (if asked) every record
 * equal to the server's.
 */
export async function verifyPulled(
  server: BenchServer,
  client: BenchClient,
  full: boolean,
): Promise<void> {
  const { db } = client.deps;
  const theirs = server.counts();
  const mine = await clientCounts(db);
  const problems: string[] = [];
  for (const table of syncTables) {
    const expected = theirs.get(table) ?? 0;
    if (mine.get(table) !== expected)
      problems.push(`${table}: client ${String(mine.get(table))}, server ${expected}`);
  }
  const shadows = await db.shadows.where('key').below(VERSION_ROW_PREFIX).count();
  if (shadows !== 0) problems.push(`${shadows} shadows, though nothing was pending`);
  if ((await db.outbox.count()) !== 0) problems.push('outbox not empty after pull');
  if (full && problems.length === 0) {
    const versions = server.versions();
    const known = await lookupVersions(db, [...versions.keys()]);
    for (const [key, version] of versions)
      if (known.get(key) !== version)
        problems.push(`${key}: version ${String(known.get(key))}, server ${version}`);
    for (const [table, records] of server.records()) {
      const local = await db.table(table).toArray();
      const byId = new Map(local.map((r: { id: string }) => [r.id, r]));
      for (const [id, data] of records) {
        if (!deepEqual(byId.get(id), data))
          problems.push(`${shadowKey(table as SyncTable, id)} differs from the server`);
      }
    }
  }
  if (problems.length > 0)
    throw new VerificationError(`pull incomplete:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

/** Baseline: the same records into an empty database, one bulkPut transaction per table. */
export async function bulkPutBaseline(data: BenchDataSet): Promise<Sample> {
  const db = new BrueckeDb(`bench-bulkput-${crypto.randomUUID()}`);
  await db.open();
  const { wallMs, cpuMs } = await measure(async () => {
    for (const table of benchTables) {
      const t = db.table(table);
      await db.transaction('rw', t, () => t.bulkPut(data.byTable[table]));
    }
  });
  const counts = await clientCounts(db);
  for (const table of benchTables) {
    if (counts.get(table) !== data.byTable[table].length)
      throw new VerificationError(`bulkPut baseline lost records in ${table}`);
  }
  await db.delete();
  return { ms: wallMs, cpuMs, items: data.total, traffic: noTraffic() };
}

/** A fresh, empty client syncs once (timed) and is checked; the caller disposes of it. */
export async function pullRun(
  server: BenchServer,
  total: number,
  full: boolean,
): Promise<{ sample: Sample; client: BenchClient }> {
  const client = await newBenchClient(server.baseUrl, server.token);
  const { wallMs, cpuMs, value } = await measure(() => syncOnce(client.deps, client.api));
  if (value.pulled !== total) throw new VerificationError(`pulled ${value.pulled} of ${total}`);
  await verifyPulled(server, client, full);
  return {
    sample: { ms: wallMs, cpuMs, items: value.pulled, traffic: { ...client.traffic } },
    client,
  };
}
