import type { Table } from 'dexie';

/**
 * The server version of every pulled record, kept compactly: per pulled page, one row per bucket
 * (the keys and versions of the page's records whose key hashes into that bucket) instead of one
 * row per record. Pulling 10,000 records thus writes at most 10 × VERSION_BUCKETS small rows here
 * rather than 10,000 shadows, and a lookup (every local edit of a pulled record needs one) reads
 * only its key's bucket: a 64th of what the device knows. The rows live in the `shadows` store
 * under keys that start with `~versions/` (record shadows are keyed `table/id`, and no table name
 * starts with `~`), so every transaction that may touch shadows already covers them, and an epoch
 * reset (`shadows.clear()`) forgets both.
 *
 * A record can be listed in several rows of its bucket (it was pulled again later); within an
 * epoch a record's server version only grows, so the newest row wins. Row keys sort by bucket,
 * then by the page's cursor. When there are more than MAX_VERSION_ROWS rows they are merged into
 * one or a few rows per bucket (`compactVersions`).
 */
export interface VersionRow {
  /**
   * `~versions/b<bucket, 2 hex digits>/<cursor, 15 digits>`, after merging
   * `…/<cursor>/m<n>`. (Rows written before buckets, `~versions/<cursor>…`, are merged into
   * buckets by the database upgrade to version 5.)
   */
  key: string;
  /**
   * One line per record, `\n<table>/<id>\t<version>`, ending with `\n`: a single string, so
   * reading a row copies one block of text and a lookup is an `indexOf`.
   */
  entries: string;
}

export const VERSION_ROW_PREFIX = '~versions/';
const VERSION_ROW_END = `${VERSION_ROW_PREFIX}\uffff`;
export const VERSION_BUCKETS = 64;
/** Rows of all buckets before they are merged: about 32 pulled pages' worth. */
export const MAX_VERSION_ROWS = 32 * VERSION_BUCKETS;
/** Entries per row after merging. */
export const MERGED_ROW_SIZE = 5000;

/** Where the version rows are: a database, or the transaction of a schema upgrade. */
export interface VersionStore {
  table<T, K>(name: string): Table<T, K>;
}

const pad = (cursor: number): string => String(cursor).padStart(15, '0');
export const isVersionRowKey = (key: string): boolean => key.startsWith(VERSION_ROW_PREFIX);

/** The bucket of a record key: FNV-1a of its UTF-16 code units, modulo VERSION_BUCKETS. */
export function versionBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % VERSION_BUCKETS;
}

const bucketPrefix = (bucket: number): string =>
  `${VERSION_ROW_PREFIX}b${bucket.toString(16).padStart(2, '0')}/`;

/** The page cursor a row key names (bucketed or written before buckets). */
function cursorOf(key: string): string {
  const rest = key.slice(VERSION_ROW_PREFIX.length);
  return rest.startsWith('b') ? rest.slice(4, 19) : rest.slice(0, 15);
}

function versionRows(store: VersionStore): Table<VersionRow, string> {
  return store.table<VersionRow, string>('shadows');
}

/** A bucket's rows, oldest first; with `above`, only rows of pages after that server version. */
function bucketRows(store: VersionStore, bucket: number, above?: number): Promise<VersionRow[]> {
  const prefix = bucketPrefix(bucket);
  const from = above === undefined ? prefix : `${prefix}${pad(above)}`;
  return versionRows(store)
    .where('key')
    .between(from, `${prefix}\uffff`, above === undefined, false)
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

/** Entries grouped by bucket. */
function byBucket<T extends readonly [string, ...unknown[]]>(
  entries: Iterable<T>,
): Map<number, T[]> {
  const buckets = new Map<number, T[]>();
  for (const entry of entries) {
    const bucket = versionBucket(entry[0]);
    const list = buckets.get(bucket);
    if (list) list.push(entry);
    else buckets.set(bucket, [entry]);
  }
  return buckets;
}

/**
 * Records the versions of one pulled page (call inside the page's transaction). Keys must pass
 * `isListable`.
 */
export async function recordVersions(
  store: VersionStore,
  cursor: number,
  entries: readonly (readonly [string, number])[],
): Promise<void> {
  if (entries.length === 0) return;
  const rows = [...byBucket(entries)].map(([bucket, list]): VersionRow => ({
    key: `${bucketPrefix(bucket)}${pad(cursor)}`,
    entries: encode(list),
  }));
  await versionRows(store).bulkPut(rows);
  const count = await versionRows(store)
    .where('key')
    .between(VERSION_ROW_PREFIX, VERSION_ROW_END)
    .count();
  if (count > MAX_VERSION_ROWS) await compactVersions(store);
}

/**
 * The last pulled server version of each key that was ever pulled (since the last epoch reset).
 * With `above`, only versions newer than that are looked for (cheaper: older rows are skipped).
 * Reads each key's bucket once, all buckets at the same time.
 */
export async function lookupVersions(
  store: VersionStore,
  keys: readonly string[],
  above?: number,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const wanted = byBucket(keys.map((key) => [key] as const));
  await Promise.all(
    [...wanted].map(async ([bucket, list]) => {
      const rows = await bucketRows(store, bucket, above);
      for (const [key] of list) {
        for (let i = rows.length - 1; i >= 0; i -= 1) {
          const version = versionIn(rows[i] as VersionRow, key);
          if (version === undefined) continue;
          found.set(key, version);
          break;
        }
      }
    }),
  );
  return found;
}

export async function lookupVersion(
  store: VersionStore,
  key: string,
  above?: number,
): Promise<number | undefined> {
  return (await lookupVersions(store, [key], above)).get(key);
}

/**
 * Merges all rows into as few as possible per bucket (the newest version of each key) and drops
 * record shadows that a newer pull has made stale (see `currentShadow`). Rows written before
 * buckets are merged into their buckets too. Runs inside the caller's transaction.
 */
export async function compactVersions(store: VersionStore): Promise<void> {
  const table = versionRows(store);
  const rows = await table.where('key').between(VERSION_ROW_PREFIX, VERSION_ROW_END).toArray();
  if (rows.length === 0) return;
  const latest = new Map<string, number>();
  let cursor = '';
  for (const row of rows) {
    const at = cursorOf(row.key);
    if (at > cursor) cursor = at;
    // A record's version only grows within an epoch: the largest is the newest.
    for (const [key, version] of decode(row))
      if (!(version <= (latest.get(key) ?? -1))) latest.set(key, version);
  }
  const merged: VersionRow[] = [];
  for (const [bucket, list] of byBucket(latest)) {
    for (let i = 0; i < list.length; i += MERGED_ROW_SIZE) {
      merged.push({
        key: `${bucketPrefix(bucket)}${cursor}/m${i / MERGED_ROW_SIZE}`,
        entries: encode(list.slice(i, i + MERGED_ROW_SIZE)),
      });
    }
  }
  await table.bulkDelete(rows.map((r) => r.key));
  await table.bulkPut(merged);
  const stale: string[] = [];
  await store
    .table<{ key: string; version: number }, string>('shadows')
    .where('key')
    .below(VERSION_ROW_PREFIX)
    .each((shadow) => {
      const pulled = latest.get(shadow.key);
      if (pulled !== undefined && pulled > shadow.version) stale.push(shadow.key);
    });
  if (stale.length) await table.bulkDelete(stale);
}
