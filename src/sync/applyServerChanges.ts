import { shadowKey, type Shadow } from '../db/database';
import type { BrueckeDb } from '../db/database';
import type { RepoDeps } from '../db/deps';
import { observeServerClock } from '../db/deviceMeta';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import type { PullResponse } from '../domain/sync/protocol';
import { rebase } from './rebase';
import { allRecordTables, recordTable } from './recordTables';
import { isListable, recordVersions } from './serverVersions';
import { currentShadow } from './shadows';
import { readSyncState, SYNC_STATE_KEY } from './syncState';

/**
 * Records per bulkPut. A browser serialises every record of a bulkPut in one task, so a table's
 * share of a large page is written in slices (each awaited: one task each), all in the page's
 * transaction. Slices stay at MIN_SLICE records or more: below 50 values Dexie tracks each key
 * of a write for live queries, which costs more than the write itself.
 */
export const PUT_SLICE = 200;
const MIN_SLICE = 100;

/** `records` cut into near-equal slices of at most PUT_SLICE (and, if cut, at least MIN_SLICE). */
export function putSlices<T>(records: readonly T[]): (readonly T[])[] {
  if (records.length <= PUT_SLICE) return [records];
  const count = Math.min(
    Math.ceil(records.length / PUT_SLICE),
    Math.floor(records.length / MIN_SLICE),
  );
  const size = Math.ceil(records.length / count);
  const slices: T[][] = [];
  for (let i = 0; i < records.length; i += size) slices.push(records.slice(i, i + size));
  return slices;
}

interface LocalEdits {
  /** Outbox entries by `table/id`, for the records of the page that have any. */
  pending: Map<string, Mutation[]>;
  /** `table/id` of the page's records that have set-aside (quarantined) entries. */
  setAside: Set<string>;
}

/**
 * The page's records that have local edits. Usually the outbox is empty at a pull (push comes
 * first), so only the outbox's `recordId` index is read, and entries only for records that match.
 */
async function localEditsOf(db: BrueckeDb, page: PullResponse): Promise<LocalEdits> {
  const pending = new Map<string, Mutation[]>();
  const setAside = new Set<string>();
  const withEntries = new Set(await db.outbox.orderBy('recordId').uniqueKeys());
  const ids = new Set(page.changes.map((c) => c.id).filter((id) => withEntries.has(id)));
  for (const id of ids) {
    for (const m of await db.outbox.where('recordId').equals(id).toArray()) {
      const key = shadowKey(m.table, m.recordId);
      const list = pending.get(key);
      if (list) list.push(m);
      else pending.set(key, [m]);
    }
  }
  if ((await db.quarantine.count()) > 0) {
    for (const q of await db.quarantine.toArray())
      setAside.add(shadowKey(q.mutation.table, q.mutation.recordId));
  }
  return { pending, setAside };
}

/**
 * Applies one page of pulled changes in a single Dexie transaction. Each record is stored as the
 * server sent it, or, if this device has pending edits of it, as the server's version with those
 * edits replayed on top (rebase). Its server version goes into `serverVersions` (one row for the
 * page); a full shadow (server data + version) is written only for records with pending or
 * set-aside edits, the only ones whose visible state differs from the server's (see shadows.ts).
 * The cursor moves in the same transaction, so a crash never skips or half-applies a page.
 */
export async function applyServerChanges(deps: RepoDeps, page: PullResponse): Promise<void> {
  const { db } = deps;
  await db.transaction(
    'rw',
    [...allRecordTables(db), db.shadows, db.outbox, db.quarantine, db.settings, db.meta],
    async () => {
      const { pending, setAside } = await localEditsOf(db, page);
      const shadows: Shadow[] = [];
      const versions: [string, number][] = [];
      const byTable = new Map<SyncTable, Record<string, unknown>[]>();
      for (const c of page.changes) {
        const key = shadowKey(c.table, c.id);
        const mine = pending.get(key);
        const listable = isListable(key);
        if (listable) versions.push([key, c.version]);
        if (mine || setAside.has(key) || !listable)
          shadows.push({ key, table: c.table, id: c.id, version: c.version, data: c.data });
        const local = mine ? (rebase(c.data, mine) ?? c.data) : c.data;
        const list = byTable.get(c.table);
        if (list) list.push(local);
        else byTable.set(c.table, [local]);
      }
      if (shadows.length) await db.shadows.bulkPut(shadows);
      await recordVersions(db, page.cursor, versions);
      for (const [table, records] of byTable)
        for (const slice of putSlices(records)) await recordTable(db, table).bulkPut(slice);
      if (page.serverClock) await observeServerClock(deps, page.serverClock);
      const state = await readSyncState(db);
      await db.settings.put({
        key: SYNC_STATE_KEY,
        value: { ...state, cursor: page.cursor, epoch: page.epoch },
      });
    },
  );
}

/**
 * Recomputes the visible records from their shadows and the outbox as it is now, e.g. after
 * edits were set aside. Records without a current shadow keep their local state: they were never
 * pulled, or they are shown as pulled and nothing of theirs was pending.
 */
export async function recomputeFromShadows(
  deps: RepoDeps,
  keys: readonly { table: SyncTable; id: string }[],
): Promise<void> {
  const { db } = deps;
  for (const { table, id } of keys) {
    const shadow = await currentShadow(db, table, id);
    if (!shadow) continue;
    const pending = (await db.outbox.where('recordId').equals(id).toArray()).filter(
      (m) => m.table === table,
    );
    const local = rebase(shadow.data, pending);
    if (local) await recordTable(db, table).put(local);
  }
}
