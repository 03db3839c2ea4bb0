import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FieldMeta, StoredRecord } from '../../domain/sync/merge';
import type { SyncTable } from '../../domain/sync/mutation';
import type { MutationResult } from '../../domain/sync/protocol';
import { recordKey, type SyncStore, type SyncTx } from '../sync/syncStore';
import { fieldsJson } from './fieldsJson';

/** A pull page as SQLite serialised it (`json` is null for an empty page). */
interface PageRow {
  json: Buffer | null;
  count: number;
  last: number | null;
}

interface RecordRow {
  table_name: string;
  id: string;
  data: string;
  fields: string;
  version: number;
}

/**
 * The sync store on one SQLite file (better-sqlite3, WAL). better-sqlite3 is synchronous and
 * shares one connection, so transactions are queued: no request ever sees another's uncommitted
 * writes, and a failed batch rolls back completely.
 */
export function sqliteSyncStore(db: Database.Database): SyncStore {
  const stmt = {
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM sync_meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    getRecord: db.prepare<[string, string], RecordRow>(
      'SELECT * FROM records WHERE table_name = ? AND id = ?',
    ),
    putRecord: db.prepare<[string, string, string, string, number]>(
      `INSERT INTO records (table_name, id, data, fields, version) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(table_name, id) DO UPDATE SET data = excluded.data, fields = excluded.fields, version = excluded.version`,
    ),
    // A pull page as the JSON of its changes, put together by SQLite and handed over as UTF-8
    // bytes (a BLOB): no record becomes a JavaScript string, and nothing is encoded again.
    // Only what a pull sends: the per-field metadata is large and stays on the server.
    pull: db.prepare<[number, number], PageRow>(
      `SELECT CAST(group_concat(
         '{"table":' || json_quote(table_name) || ',"id":' || json_quote(id) ||
         ',"version":' || version || ',"data":' || data || '}', ',' ORDER BY version) AS BLOB) AS json,
       count(*) AS count, max(version) AS last
       FROM (SELECT table_name, id, data, version FROM records WHERE version > ? ORDER BY version LIMIT ?)`,
    ),
    anyAfter: db.prepare<[number], { found: number }>(
      'SELECT EXISTS (SELECT 1 FROM records WHERE version > ?) AS found',
    ),
    // Many at once: the keys go in as one JSON array, read by json_each.
    getRecords: db.prepare<[string], RecordRow>(
      `SELECT r.* FROM json_each(?) AS k JOIN records AS r
       ON r.table_name = json_extract(k.value, '$[0]') AND r.id = json_extract(k.value, '$[1]')`,
    ),
    findMutation: db.prepare<[string], { result: string }>(
      'SELECT result FROM mutations WHERE mutation_id = ?',
    ),
    findMutations: db.prepare<[string], { mutation_id: string; result: string }>(
      'SELECT mutation_id, result FROM mutations WHERE mutation_id IN (SELECT value FROM json_each(?))',
    ),
    saveMutation: db.prepare<[string, string, string, string]>(
      'INSERT INTO mutations (mutation_id, client_id, result, applied_at) VALUES (?, ?, ?, ?)',
    ),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  };
  const meta = (key: string): string | undefined => stmt.getMeta.get(key)?.value;
  if (meta('epoch') === undefined) stmt.setMeta.run('epoch', randomUUID());

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const tx: SyncTx = {
    getRecord: (table, id) => {
      const row = stmt.getRecord.get(table, id);
      return Promise.resolve(row ? toStored(row) : null);
    },
    getRecords: (wanted) => {
      const rows = stmt.getRecords.all(JSON.stringify(wanted.map((w) => [w.table, w.id])));
      const found = new Map<string, StoredRecord>();
      for (const row of rows)
        found.set(recordKey(row.table_name as SyncTable, row.id), toStored(row));
      return Promise.resolve(found);
    },
    putRecord: (r) => {
      stmt.putRecord.run(r.table, r.id, JSON.stringify(r.data), fieldsJson(r.fields), r.version);
      return Promise.resolve();
    },
    findMutation: (id) => {
      const row = stmt.findMutation.get(id);
      return Promise.resolve(row ? (JSON.parse(row.result) as MutationResult) : null);
    },
    findMutations: (ids) => {
      const rows = stmt.findMutations.all(JSON.stringify(ids));
      return Promise.resolve(
        new Map(rows.map((row) => [row.mutation_id, JSON.parse(row.result) as MutationResult])),
      );
    },
    saveMutation: (clientId, result, appliedAt) => {
      stmt.saveMutation.run(result.mutationId, clientId, JSON.stringify(result), appliedAt);
      return Promise.resolve();
    },
    nextVersion: () => {
      seq = (seq ?? Number(meta('seq') ?? '0')) + 1;
      return Promise.resolve(seq);
    },
    raiseMaxStamp: (stamp) => {
      if (stamp > (meta('max_stamp') ?? '')) stmt.setMeta.run('max_stamp', stamp);
      return Promise.resolve();
    },
  };
  // The change sequence as the open transaction has moved it: kept in memory and written once,
  // just before COMMIT (a rolled-back transaction forgets it).
  let seq: number | null = null;
  const writeSeq = (): void => {
    if (seq !== null) stmt.setMeta.run('seq', String(seq));
  };

  return {
    epoch: () => serial(() => Promise.resolve(meta('epoch') ?? '')),
    maxStamp: () => serial(() => Promise.resolve(meta('max_stamp') ?? '')),
    transact: (fn) =>
      serial(async () => {
        stmt.begin.run();
        seq = null;
        try {
          const result = await fn(tx);
          writeSeq();
          stmt.commit.run();
          return result;
        } catch (error) {
          stmt.rollback.run();
          throw error;
        } finally {
          seq = null;
        }
      }),
    pull: (since, limit) =>
      serial(() => {
        // Both statements run in the same synchronous step: no write comes between them.
        const page = stmt.pull.get(since, limit);
        const last = page?.last ?? null;
        return Promise.resolve({
          changesJson: page?.json ?? new Uint8Array(0),
          count: page?.count ?? 0,
          lastVersion: last,
          hasMore: last !== null && stmt.anyAfter.get(last)?.found === 1,
        });
      }),
    close: () => serial(() => Promise.resolve()),
  };
}

function toStored(row: RecordRow): StoredRecord {
  return {
    table: row.table_name as SyncTable,
    id: row.id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    fields: JSON.parse(row.fields) as Record<string, FieldMeta[]>,
    version: row.version,
  };
}
