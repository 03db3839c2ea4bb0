import type { BrueckeDb, Draft } from '../database';

/** Every draft on this device, most recently changed first. */
export function listDrafts(db: BrueckeDb): Promise<Draft[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}
