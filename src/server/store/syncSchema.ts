import type Database from 'better-sqlite3';

/** Tables of the sync protocol (migration 2). Records keep their data and per-field metadata as JSON. */
export function createSyncTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE records (
      table_name TEXT NOT NULL,
      id TEXT NOT NULL,
      data TEXT NOT NULL,
      fields TEXT NOT NULL,
      version INTEGER NOT NULL,
      PRIMARY KEY (table_name, id)
    );
    CREATE UNIQUE INDEX records_by_version ON records (version);
    CREATE TABLE mutations (
      mutation_id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      result TEXT NOT NULL,
      applied_at TEXT NOT NULL
    );
    CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
}
