import type { ReferenceEntry } from '../../domain/referenceData';
import type { BrueckeDb } from '../database';

/** All reference entries (archived ones included) in catalogue order, for the editor. */
export async function referenceEntries(db: BrueckeDb): Promise<ReferenceEntry[]> {
  const all = await db.referenceData.toArray();
  return all.filter((e) => !e.deleted).sort((a, b) => a.order - b.order);
}
