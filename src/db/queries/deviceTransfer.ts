import { LAST_EXPORT_KEY, parseLastExport, type LastExport } from '../../sync/unsyncedGuard';
import type { BrueckeDb } from '../database';

export interface TransferStatus {
  /** Outbox entries not yet confirmed by the server. */
  pending: number;
  /** Entries the server refused, set aside. */
  quarantined: number;
  lastExport: LastExport | null;
}

/** What the export section shows: how much is unsent and when it was last saved to a file. */
export async function transferStatus(db: BrueckeDb): Promise<TransferStatus> {
  const [pending, quarantined, lastExport] = await Promise.all([
    db.outbox.count(),
    db.quarantine.count(),
    db.settings.get(LAST_EXPORT_KEY),
  ]);
  return { pending, quarantined, lastExport: parseLastExport(lastExport?.value) };
}
