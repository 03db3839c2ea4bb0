import type { BrueckeDb } from '../database';

/** Edits the server refused, waiting for the coordinator to resend or discard them. */
export function countQuarantined(db: BrueckeDb): Promise<number> {
  return db.quarantine.count();
}

/** Conflicts nobody has looked at yet. */
export function countOpenConflicts(db: BrueckeDb): Promise<number> {
  return db.conflicts
    .where('resolution')
    .equals('open')
    .filter((c) => !c.deleted)
    .count();
}
