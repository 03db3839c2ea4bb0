import { LAST_EXPORT_KEY, parseLastExport, type UnsyncedSnapshot } from '../../sync/unsyncedGuard';
import type { BrueckeDb } from '../database';

/** What exists only on this device, for the logout / reset guard. */
export async function unsyncedSnapshot(db: BrueckeDb): Promise<UnsyncedSnapshot> {
  return db.transaction('r', [db.outbox, db.quarantine, db.settings], async () => {
    const [outboxCount, quarantineCount, last, exported] = await Promise.all([
      db.outbox.count(),
      db.quarantine.count(),
      db.outbox.orderBy('seq').last(),
      db.settings.get(LAST_EXPORT_KEY),
    ]);
    return {
      outboxCount,
      quarantineCount,
      maxOutboxSeq: last?.seq ?? null,
      lastExport: parseLastExport(exported?.value),
    };
  });
}

/** Drafts are never synced: a reset deletes them for good. */
export function countDrafts(db: BrueckeDb): Promise<number> {
  return db.drafts.count();
}
