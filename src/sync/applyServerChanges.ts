import { shadowKey, type Shadow } from '../db/database';
import type { RepoDeps } from '../db/deps';
import { observeServerClock } from '../db/deviceMeta';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import type { PullResponse } from '../domain/sync/protocol';
import { rebase } from './rebase';
import { allRecordTables, recordTable } from './recordTables';
import { readSyncState, SYNC_STATE_KEY } from './syncState';

/**
 * Applies one page of pulled changes in a single Dexie transaction: the server's version of each
 * record goes into `shadows`, and the visible record is that plus this device's pending edits.
 * The cursor moves in the same transaction, so a crash never skips or half-applies a page.
 */
export async function applyServerChanges(deps: RepoDeps, page: PullResponse): Promise<void> {
  const { db } = deps;
  await db.transaction(
    'rw',
    [...allRecordTables(db), db.shadows, db.outbox, db.settings, db.meta],
    async () => {
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
        shadows.push({ key, table: c.table, id: c.id, version: c.version, data: c.data });
        const mine = pendingByKey.get(key);
        const local = mine ? (rebase(c.data, mine) ?? c.data) : c.data;
        const list = byTable.get(c.table);
        if (list) list.push(local);
        else byTable.set(c.table, [local]);
      }
      await db.shadows.bulkPut(shadows);
      for (const [table, records] of byTable) await recordTable(db, table).bulkPut(records);
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
 * edits were set aside. Records never seen from the server keep their local state.
 */
export async function recomputeFromShadows(
  deps: RepoDeps,
  keys: readonly { table: SyncTable; id: string }[],
): Promise<void> {
  const { db } = deps;
  for (const { table, id } of keys) {
    const shadow = await db.shadows.get(shadowKey(table, id));
    if (!shadow) continue;
    const pending = (await db.outbox.where('recordId').equals(id).toArray()).filter(
      (m) => m.table === table,
    );
    const local = rebase(shadow.data, pending);
    if (local) await recordTable(db, table).put(local);
  }
}
