import { shadowKey, type Shadow } from '../db/database';
import type { BrueckeDb } from '../db/database';
import type { SyncTable } from '../domain/sync/mutation';
import { recordTable } from './recordTables';
import { lookupVersion } from './serverVersions';

/**
 * Shadows are kept only where they differ from what the device shows: a pulled record gets a
 * shadow (its server data and version) when it has pending or set-aside edits, either at the
 * pull or, lazily, just before its first local edit (`baseVersionForEdit`). A pulled record
 * without a shadow is shown exactly as the server sent it, so its server state is the record
 * itself, and its version is in `serverVersions`.
 *
 * A shadow that a later pull has superseded (the record came again, without pending edits, so
 * only its version was recorded) is stale: `currentShadow` ignores it, and compaction deletes it.
 */
export async function currentShadow(
  db: BrueckeDb,
  table: SyncTable,
  id: string,
): Promise<Shadow | undefined> {
  const key = shadowKey(table, id);
  const shadow = await db.shadows.get(key);
  if (!shadow) return undefined;
  const newer = await lookupVersion(db, key, shadow.version);
  return newer !== undefined && newer > shadow.version ? undefined : shadow;
}

/** A record's base for a local edit: its version (see `baseVersionForEdit`) and the record as stored. */
export interface EditBase {
  version: number | null;
  /** The record as stored now, undefined when it is not on this device. */
  stored: Record<string, unknown> | undefined;
  /**
   * The shadow put that a pulled record's first edit queues, or null. The caller awaits it
   * together with its own writes (the edit's transaction then fails if it fails); its writes
   * need not wait for it, they are queued behind it.
   */
  shadowPut: Promise<unknown> | null;
}

/**
 * The `baseVersion` of a local edit: the version of the record in this device's last pull, or
 * null for a record it never pulled (new here, or pulled before an epoch reset). Call it in the
 * edit's transaction (with `shadows`, `outbox` and the record's table) before the record and its
 * outbox entry are written: a pulled record without pending edits gets its shadow here, from the
 * record as stored, which is then exactly the server's version of it.
 */
export async function baseVersionForEdit(
  db: BrueckeDb,
  table: SyncTable,
  id: string,
): Promise<number | null> {
  const base = await editBase(db, table, id);
  await base.shadowPut;
  return base.version;
}

/**
 * `baseVersionForEdit` that also hands over the record as it read it, for an edit that needs the
 * stored record anyway (one read instead of two).
 */
export async function editBase(db: BrueckeDb, table: SyncTable, id: string): Promise<EditBase> {
  const key = shadowKey(table, id);
  // What every edit needs, read at once: one wait for IndexedDB instead of four. The outbox is
  // asked only how many entries carry this id (one index count, no cursor): a pulled record's
  // first edit, the usual case in the field, then needs no second wait.
  const [stored, shadow, latest, entriesWithId] = await Promise.all([
    recordTable(db, table).get(id),
    db.shadows.get(key),
    lookupVersion(db, key),
    db.outbox.where('recordId').equals(id).count(),
  ]);
  // Not on this device: a new record (pulled records are never removed).
  if (!stored) return { version: shadow?.version ?? null, stored, shadowPut: null };
  // A shadow is current unless a later pull recorded a newer version (see currentShadow).
  if (shadow && !(latest !== undefined && latest > shadow.version))
    return { version: shadow.version, stored, shadowPut: null };
  if (latest === undefined) return { version: null, stored, shadowPut: null };
  // A pulled record's first edit: without pending edits, the record as stored is the server's.
  // Ids are unique across tables in practice; should another table's entry carry the same id,
  // the pending edits of this record are counted exactly (a cursor over those entries).
  const pending =
    entriesWithId === 0
      ? 0
      : await db.outbox
          .where('recordId')
          .equals(id)
          .filter((m) => m.table === table)
          .count();
  const shadowPut =
    pending === 0 ? db.shadows.put({ key, table, id, version: latest, data: stored }) : null;
  // The caller awaits it with its writes. Should the caller give up before that (e.g. a refused
  // input), the transaction aborts, and this put's failure is no second, unhandled error.
  shadowPut?.catch(() => undefined);
  return { version: latest, stored, shadowPut };
}
