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
  return (await editBase(db, table, id)).version;
}

/**
 * `baseVersionForEdit` that also hands over the record as it read it, for an edit that needs the
 * stored record anyway (one read instead of two).
 */
export async function editBase(db: BrueckeDb, table: SyncTable, id: string): Promise<EditBase> {
  const key = shadowKey(table, id);
  // What every edit needs, read at once: one wait for IndexedDB instead of three.
  const [stored, shadow, latest] = await Promise.all([
    recordTable(db, table).get(id),
    db.shadows.get(key),
    lookupVersion(db, key),
  ]);
  // Not on this device: a new record (pulled records are never removed).
  if (!stored) return { version: shadow?.version ?? null, stored };
  // A shadow is current unless a later pull recorded a newer version (see currentShadow).
  if (shadow && !(latest !== undefined && latest > shadow.version))
    return { version: shadow.version, stored };
  if (latest === undefined) return { version: null, stored };
  // Only a pulled record's first edit gets here: whether it has pending edits is asked now (it
  // walks the record's outbox entries, so the common edit above does not wait for it).
  const pending = await db.outbox
    .where('recordId')
    .equals(id)
    .filter((m) => m.table === table)
    .count();
  if (pending === 0) await db.shadows.put({ key, table, id, version: latest, data: stored });
  return { version: latest, stored };
}
