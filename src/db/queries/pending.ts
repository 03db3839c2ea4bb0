import type { BrueckeDb } from '../database';

/** Edits saved on this device and not yet confirmed by the server. */
export function countPending(db: BrueckeDb): Promise<number> {
  return db.outbox.count();
}
