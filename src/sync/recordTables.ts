import type { Table } from 'dexie';
import type { BrueckeDb } from '../db/database';
import { syncTables, type SyncTable } from '../domain/sync/mutation';

/** The Dexie tables that hold synced records, by sync table name. */
export function recordTable(
  db: BrueckeDb,
  table: SyncTable,
): Table<Record<string, unknown>, string> {
  return db.table(table);
}

export function allRecordTables(db: BrueckeDb): Table[] {
  return syncTables.map((t) => db.table(t));
}
