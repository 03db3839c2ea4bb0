import { recomputeFromShadows } from '../../sync/applyServerChanges';
import { recordTable } from '../../sync/recordTables';
import { shadowKey } from '../database';
import { isCreation } from '../queries/quarantine';
import type { RepoDeps } from '../deps';

/**
 * Puts a refused edit back into the outbox (e.g. after its cause was fixed on the server), with
 * its original id, seq and stamps: the server never applied it, and an export made while it was
 * set aside still counts it. The record shows the edit again. Returns false if it was gone.
 */
export async function resendQuarantined(deps: RepoDeps, mutationId: string): Promise<boolean> {
  const { db } = deps;
  const entry = await db.quarantine.get(mutationId);
  if (!entry) return false;
  const { mutation } = entry;
  return db.transaction(
    'rw',
    [db.quarantine, db.outbox, db.shadows, db.table(mutation.table)],
    async () => {
      if (!(await db.quarantine.get(mutationId))) return false;
      await db.outbox.put(mutation);
      await db.quarantine.delete(mutationId);
      await recomputeFromShadows(deps, [{ table: mutation.table, id: mutation.recordId }]);
      return true;
    },
  );
}

/**
 * Throws a refused edit away for good (the coordinator confirmed it). The record shows the
 * server's state plus the edits still pending; a new record the server never received, with no
 * other edit left, is removed from this device. Returns false if it was gone.
 */
export async function discardQuarantined(deps: RepoDeps, mutationId: string): Promise<boolean> {
  const { db } = deps;
  const entry = await db.quarantine.get(mutationId);
  if (!entry) return false;
  const { table, recordId } = entry.mutation;
  return db.transaction('rw', [db.quarantine, db.outbox, db.shadows, db.table(table)], async () => {
    if (!(await db.quarantine.get(mutationId))) return false;
    await db.quarantine.delete(mutationId);
    if (await db.shadows.get(shadowKey(table, recordId))) {
      await recomputeFromShadows(deps, [{ table, id: recordId }]);
      return true;
    }
    // No server state yet. Only when this edit created the record (the refused batch was not
    // applied, so the server never had it) and nothing else is waiting for it, the record is
    // removed; otherwise it stays as it is, since the server may have it already.
    const created = isCreation(entry.mutation);
    const sameRecord = (m: { table: string; recordId: string }) =>
      m.table === table && m.recordId === recordId;
    const othersQuarantined = (await db.quarantine.toArray()).some((q) => sameRecord(q.mutation));
    const othersPending = (await db.outbox.where('recordId').equals(recordId).toArray()).some(
      sameRecord,
    );
    if (created && !othersQuarantined && !othersPending) {
      await recordTable(db, table).delete(recordId);
    }
    return true;
  });
}
