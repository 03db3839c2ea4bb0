import type { ConflictRecord } from '../../domain/conflict';
import { todayIso } from '../../domain/organisationStatus';
import type { BaseRecord } from '../../domain/record';
import { deepEqual, setAtPath } from '../../domain/sync/fieldChanges';
import { getAtPath } from '../../domain/sync/merge';
import { commitWrites, type RecordWrite } from '../commitWrites';
import type { RepoDeps } from '../deps';

/** The record a conflict is about is not on this device (not pulled yet, or never synced). */
export class ConflictRecordMissing extends Error {
  constructor(readonly conflict: ConflictRecord) {
    super(`record ${conflict.recordTable}/${conflict.recordId} is not on this device`);
    this.name = 'ConflictRecordMissing';
  }
}

export type ResolveOutcome = 'resolved' | 'alreadyResolved';

type Resolution = Exclude<ConflictRecord['resolution'], 'open'>;

/**
 * Reads the conflict (and, when restoring, its record) again and writes everything through one
 * commitWrites call inside one transaction, so a conflict resolved meanwhile (another tab, a
 * sync) is not resolved twice and a half-done restore cannot exist.
 */
async function resolve(
  deps: RepoDeps,
  conflict: ConflictRecord,
  resolution: Resolution,
): Promise<ResolveOutcome> {
  const { db } = deps;
  const records = db.table<BaseRecord, string>(conflict.recordTable);
  const tables = [records, db.conflicts, db.outbox, db.meta, db.drafts, db.shadows];
  return db.transaction('rw', tables, async () => {
    const current = await db.conflicts.get(conflict.id);
    if (!current || current.resolution !== 'open') return 'alreadyResolved';
    const now = deps.now();
    const nowIso = now.toISOString();
    const writes: RecordWrite[] = [];
    if (resolution === 'restored') {
      const record = await records.get(current.recordId);
      if (!record) throw new ConflictRecordMissing(current);
      const path = current.path.split('.');
      const value: unknown = structuredClone(current.loser.value);
      // Already showing the overwritten value (e.g. restored elsewhere): nothing to send.
      if (!deepEqual(getAtPath(record, path), value)) {
        const after = structuredClone(record) as BaseRecord & Record<string, unknown>;
        setAtPath(after, path, value);
        after.updatedAt = nowIso;
        writes.push({ table: current.recordTable, before: record, after });
      }
    }
    const resolved: ConflictRecord = {
      ...current,
      resolution,
      resolvedAt: todayIso(now),
      updatedAt: nowIso,
    };
    writes.push({ table: 'conflicts', before: current, after: resolved });
    // Throws a ValidationError before anything is written when the restored record is invalid.
    await commitWrites(deps, writes);
    return 'resolved';
  });
}

/**
 * The overwritten value was the right one: writes it back into the record as a new edit (which
 * syncs and, being newer, wins) and marks the conflict restored, in one transaction.
 * Throws ValidationError (nothing written) when the record would no longer pass its schema.
 */
export function restoreConflict(deps: RepoDeps, conflict: ConflictRecord): Promise<ResolveOutcome> {
  return resolve(deps, conflict, 'restored');
}

/** The current value stays; the conflict is marked as seen and kept. */
export function keepCurrent(deps: RepoDeps, conflict: ConflictRecord): Promise<ResolveOutcome> {
  return resolve(deps, conflict, 'kept');
}
