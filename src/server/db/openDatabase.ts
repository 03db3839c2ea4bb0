import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

/** The server's one database file inside the data directory. */
export const DATABASE_FILE = 'bruecke.sqlite';

/** `<dataDir>/bruecke.sqlite`. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

export interface OpenDatabaseOptions {
  /** Default: the server's {@link defaultMigrations migration list}. */
  migrations?: readonly Migration[];
  /** Clock for `schema_migrations.applied_at`. */
  now?: () => Date;
  /** How long to wait for another connection's write lock (e.g. the accounts CLI), in ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (and creates, with its folder) the SQLite database at `path`, or an in-memory database
 * for `':memory:'`, and brings its schema up to date. WAL mode lets the accounts CLI write while
 * the server reads; foreign keys are enforced. Close it with `db.close()`.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL'); // safe with WAL; a power cut can lose only the last commit
    runMigrations(db, options.migrations ?? defaultMigrations, options.now);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Applies every migration of `list` that `schema_migrations` does not record yet, each in its own
 * `BEGIN IMMEDIATE` transaction (so two processes starting at once do not both apply it).
 * Idempotent: running it again on an up-to-date database changes nothing. Returns the versions
 * applied now.
 */
export function runMigrations(
  db: SqliteDatabase,
  list: readonly Migration[],
  now: () => Date = () => new Date(),
): number[] {
  assertOrdered(list);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT
  `);
  const newest = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  const known = list.at(-1)?.version ?? 0;
  if (newest.version !== null && newest.version > known) {
    throw new Error(
      `The database has schema version ${newest.version}, but this server knows only up to ${known}. ` +
        'It was written by a newer version of Brücke.',
    );
  }

  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const migration of list) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return false;
      migration.up(db);
      record.run(migration.version, migration.name, now().toISOString());
      return true;
    });
    if (apply.immediate()) applied.push(migration.version);
  }
  return applied;
}

function assertOrdered(list: readonly Migration[]): void {
  let previous = 0;
  for (const { version, name } of list) {
    if (!Number.isInteger(version) || version <= previous) {
      throw new Error(
        `Migration "${name}" has version ${version}; versions must be whole numbers ascending from 1`,
      );
    }
    previous = version;
  }
}
