import { randomUUID } from 'node:crypto';
import { existsSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { databasePath, openDatabase } from './openDatabase';

/** Leftovers of a WAL-mode database next to its file. */
const SIDE_FILES = ['-wal', '-shm', '-journal'];

const removeWithSideFiles = (file: string): void => {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Copies the server's database to `target` with SQLite's online backup: safe while the server
 * runs and writes (the copy is one consistent state). Refuses to overwrite an existing file.
 */
export async function backupDatabase(dataDir: string, target: string): Promise<void> {
  const source = databasePath(dataDir);
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  if (existsSync(target)) throw new Error(`${target} exists already; choose a new file name.`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
}

/**
 * Throws if another process (the server) has the database open. In WAL mode, the last
 * connection to close checkpoints and deletes the `-wal` file; if it is still there after this
 * connection closed, someone else holds the database.
 */
function assertNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode'); // reads the database, so closing cleans up after a crash too
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  if (existsSync(`${file}-wal`)) {
    throw new Error(
      `${file} is in use (its -wal file stays after closing): stop the server before restoring.`,
    );
  }
}

/** Checks that `file` is a readable, undamaged SQLite database of Brücke. */
function assertBrueckeDatabase(file: string): void {
  let problem: string | null = null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    if (check !== 'ok') problem = `is damaged (quick_check: ${String(check)})`;
    else if (!tables.includes('schema_migrations')) problem = 'is not a Brücke database';
  } catch (error) {
    problem = `is not a readable SQLite database (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    db.close();
  }
  if (problem) throw new Error(`${file} ${problem}.`);
}

export interface RestoreResult {
  /** The new epoch: every device resyncs from scratch when it sees it. */
  epoch: string;
  /** Where the database that was replaced was kept, or null when there was none. */
  previousCopy: string | null;
}

/**
 * Replaces the server's database with the backup `source`. The server must be stopped. The
 * backup is checked, brought up to the current schema and given a new sync epoch (so every client
 * forgets its cursor and server versions and resyncs); the replaced database is kept next to it
 * as `bruecke.sqlite.before-restore-<time>`. The backup file itself is not changed.
 */
export async function restoreDatabase(
  dataDir: string,
  source: string,
  now: () => Date = () => new Date(),
): Promise<RestoreResult> {
  const target = databasePath(dataDir);
  if (!existsSync(source)) throw new Error(`There is no backup file ${source}.`);
  assertBrueckeDatabase(source);
  assertNotInUse(target);

  const staging = `${target}.restoring`;
  removeWithSideFiles(staging);
  copyFileSync(source, staging);
  const epoch = randomUUID();
  try {
    const db = openDatabase(staging, { now }); // applies migrations newer than the backup
    try {
      db.prepare(
        `INSERT INTO sync_meta (key, value) VALUES ('epoch', ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(epoch);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch (error) {
    removeWithSideFiles(staging);
    throw error;
  }

  let previousCopy: string | null = null;
  if (existsSync(target)) {
    previousCopy = `${target}.before-restore-${now().toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(target, { fileMustExist: true });
    try {
      await current.backup(previousCopy);
    } finally {
      current.close();
    }
  }
  // No stale -wal/-shm of the old database may meet the new file.
  for (const suffix of SIDE_FILES) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  for (const suffix of SIDE_FILES) rmSync(`${staging}${suffix}`, { force: true });
  return { epoch, previousCopy };
}
