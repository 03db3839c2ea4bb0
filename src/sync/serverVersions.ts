import type { Table } from 'dexie';
import type { BrueckeDb } from '../db/database';

/**
 * The server version of every pulled record, kept compactly: one row per pulled page (the keys
 * and versions of its records) instead of one row per record. Pulling 10,000 records thus writes
 * 10 rows here rather than 10,000 shadows. The rows live in the `shadows` store under keys that
 * start with `~versions/` (record shadows are keyed `table/id`, and no table name starts with
 * `~`), so every transaction that may touch shadows already covers them, and an epoch reset
 * (`shadows.clear()`) forgets both.
 *
 * A record can be listed in several rows (it was pulled again later); the newest row wins. Row
 * keys sort by the page's cursor, so "newest" is "last in key order". When there are more than
 * MAX_VERSION_ROWS rows they are merged into a few large ones (`compactVersions`).
 */
export interface VersionRow {
  /** `~versions/<cursor, 15 digits>` or, after merging, `~versions/<cursor>/<n>`. */
  key: string;
  /**
   * One line per record, `\n<table>/<id>\t<version>`, ending with `\n`: a single string, so
   * reading a row copies one block of text and a lookup is an `indexOf`.
   */
  entries: string;
}

export const VERSION_ROW_PREFIX = '~versions/';
const VERSION_ROW_END = `${VERSION_ROW_PREFIX}\uffff`;
export const MAX_VERSION_ROWS = 32;
/** Entries per row after merging. */
export const MERGED_ROW_SIZE = 5000;

const pad = (cursor: number): string => String(cursor).padStart(15, '0');
export const versionRowKey = (cursor: number): string => `${VERSION_ROW_PREFIX}${pad(cursor)}`;
export const isVersionRowKey = (key: string): boolean => key.startsWith(VERSION_ROW_PREFIX);

function versionRows(db: BrueckeDb): Table<VersionRow, string> {
  return db.table<VersionRow, string>('shadows');
}

/** Rows newest first; with `above`, only rows of pages after that server version. */
async function rowsNewestFirst(db: BrueckeDb, above?: number): Promise<VersionRow[]> {
  const from = above === undefined ? VERSION_ROW_PREFIX : versionRowKey(above);
  return versionRows(db)
    .where('key')
    .between(from, VERSION_ROW_END, above === undefined, false)
    .reverse()
    .toArray();
}

/** Whether a key can be listed in a row (record ids are UUIDs; anything else gets a shadow). */
export const isListable = (key: string): boolean => !/[\t\n]/.test(key);

const encode = (entries: Iterable<readonly [string, number]>): string => {
  let text = '';
  for (const [key, version] of entries) text += `\n${key}\t${version}`;
  return `${text}\n`;
};

function* decode(row: VersionRow): Generator<[string, number]> {
  for (const line of row.entries.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) yield [line.slice(0, tab), Number(line.slice(tab + 1))];
  }
}

function versionIn(row: VersionRow, key: string): number | undefined {
  const at = row.entries.indexOf(`\n${key}\t`);
  if (at < 0) return undefined;
  const from = at + key.length + 2;
  return Number(row.entries.slice(from, row.entries.indexOf('\n', from)));
}

/**
 * Records the versions of one pulled page (call inside the page's transaction). Keys must pass
 * `isListable`.
 */
export async function recordVersions(
  db: BrueckeDb,
  cursor: number,
  entries: readonly (readonly [string, number])[],
): Promise<void> {
  if (entries.length === 0) return;
  await versionRows(db).put({ key: versionRowKey(cursor), entries: encode(entries) });
  const rows = await versionRows(db)
    .where('key')
    .between(VERSION_ROW_PREFIX, VERSION_ROW_END)
    .count();
  if (rows > MAX_VERSION_ROWS) await compactVersions(db);
}

/**
 * The last pulled server version of each key that was ever pulled (since the last epoch reset).
 * With `above`, only versions newer than that are looked for (cheaper: older rows are skipped).
 */
export async function lookupVersions(
  db: BrueckeDb,
  keys: readonly string[],
  above?: number,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const missing = new Set(keys);
  if (missing.size === 0) return found;
  for (const row of await rowsNewestFirst(db, above)) {
    for (const key of missing) {
      const version = versionIn(row, key);
      if (version === undefined) continue;
      found.set(key, version);
      missing.delete(key);
    }
    if (missing.size === 0) break;
  }
  return found;
}

export async function lookupVersion(
  db: BrueckeDb,
  key: string,
  above?: number,
): Promise<number | undefined> {
  return (await lookupVersions(db, [key], above)).get(key);
}

/**
 * Merges all rows into as few as possible (newest version of each key) and drops record shadows
 * that a newer pull has made stale (see `currentShadow`). Runs inside the caller's transaction.
 */
export async function compactVersions(db: BrueckeDb): Promise<void> {
  const rows = await rowsNewestFirst(db);
  const newest = rows[0];
  if (!newest) return;
  const latest = new Map<string, number>();
  for (const row of rows) {
    for (const [key, version] of decode(row)) if (!latest.has(key)) latest.set(key, version);
  }
  const cursor = newest.key.slice(VERSION_ROW_PREFIX.length, VERSION_ROW_PREFIX.length + 15);
  const all = [...latest.entries()];
  const merged: VersionRow[] = [];
  for (let i = 0; i < all.length; i += MERGED_ROW_SIZE) {
    merged.push({
      key: `${VERSION_ROW_PREFIX}${cursor}/${merged.length}`,
      entries: encode(all.slice(i, i + MERGED_ROW_SIZE)),
    });
  }
  const table = versionRows(db);
  await table.bulkDelete(rows.map((r) => r.key));
  await table.bulkPut(merged);
  const stale: string[] = [];
  await db.shadows
    .where('key')
    .below(VERSION_ROW_PREFIX)
    .each((shadow) => {
      const pulled = latest.get(shadow.key);
      if (pulled !== undefined && pulled > shadow.version) stale.push(shadow.key);
    });
  if (stale.length) await db.shadows.bulkDelete(stale);
}
