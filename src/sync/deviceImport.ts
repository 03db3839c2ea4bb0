import { shadowKey } from '../db/database';
import type { RepoDeps } from '../db/deps';
import { observeServerClock } from '../db/deviceMeta';
import { compareHlc } from '../domain/sync/hlc';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import { recordSchemas } from '../domain/tables';
import {
  parseDeviceExport,
  type DeviceExport,
  type DeviceExportProblem,
} from './deviceExportFormat';
import { rebase } from './rebase';
import { allRecordTables, recordTable } from './recordTables';
import { baseVersionForEdit, currentShadow } from './shadows';

export interface ImportSummary {
  /** Entries added to the outbox (quarantined ones included: they are tried again). */
  imported: number;
  /** Entries this device already had in its outbox: not added twice. */
  alreadyPresent: number;
  /** Records now shown with the imported edits. */
  recordsUpdated: number;
  /**
   * Records that would not pass their schema from what is known here (e.g. the file lacked the
   * record and only some of its fields arrived): left as they were, they appear after a sync.
   */
  recordsSkipped: number;
}

const stampOf = (m: Mutation): string =>
  m.changes.reduce((max, c) => (compareHlc(c.stamp, max) > 0 ? c.stamp : max), '');

/**
 * Entries from several devices in the order the server will settle them: by clock stamp (the
 * later edit wins), not by seq, which is only ordered within one device.
 */
function inClockOrder(entries: readonly Mutation[]): Mutation[] {
  return [...entries].sort(
    (a, b) =>
      compareHlc(stampOf(a), stampOf(b)) || a.clientId.localeCompare(b.clientId) || a.seq - b.seq,
  );
}

/**
 * Takes over another device's unsent changes from its export file, in one Dexie transaction:
 * every entry not yet in the outbox (by mutationId) is added with its own clientId, refused ones
 * are queued again, and each affected record is shown as its server state (or the exported
 * record, or what is here) with all pending entries replayed. Importing the same file twice
 * changes nothing. The file must already be parsed and checked (`parseDeviceExport`).
 */
export async function importDeviceExport(
  deps: RepoDeps,
  file: DeviceExport,
): Promise<ImportSummary> {
  const { db } = deps;
  const entries = [...file.outbox, ...file.quarantine.map((q) => q.mutation)];
  const exported = new Map(file.records.map((r) => [shadowKey(r.table, r.id), r.data]));
  const tables = [db.outbox, db.quarantine, db.shadows, db.meta, ...allRecordTables(db)];
  return db.transaction('rw', tables, async () => {
    const present = await db.outbox.bulkGet(entries.map((m) => m.mutationId));
    const fresh = entries.filter((_, i) => !present[i]);
    const summary: ImportSummary = {
      imported: fresh.length,
      alreadyPresent: entries.length - fresh.length,
      recordsUpdated: 0,
      recordsSkipped: 0,
    };
    if (fresh.length === 0) return summary;

    const touched = new Map<string, { table: SyncTable; id: string }>();
    for (const m of fresh)
      touched.set(shadowKey(m.table, m.recordId), { table: m.table, id: m.recordId });
    // Records pulled here and not edited yet get their shadow now, before they have entries.
    for (const { table, id } of touched.values()) await baseVersionForEdit(db, table, id);

    await db.outbox.bulkAdd(fresh.map((m) => structuredClone(m)));
    // Entries this device had set aside itself are queued again, not kept in both places.
    await db.quarantine.bulkDelete(fresh.map((m) => m.mutationId));

    for (const [key, { table, id }] of touched) {
      const shadow = await currentShadow(db, table, id);
      const current = await recordTable(db, table).get(id);
      const pending = (await db.outbox.where('recordId').equals(id).toArray()).filter(
        (m) => m.table === table,
      );
      let local = shadow?.data ?? exported.get(key) ?? current ?? null;
      for (const m of inClockOrder(pending)) local = rebase(local, [m]);
      if (!local) continue;
      if (recordSchemas[table].safeParse(local).success) {
        await recordTable(db, table).put(local);
        summary.recordsUpdated += 1;
      } else {
        summary.recordsSkipped += 1;
      }
    }

    // Edits made here after the import must sort after the imported ones.
    const latest = fresh.map(stampOf).reduce((a, b) => (compareHlc(a, b) >= 0 ? a : b));
    await observeServerClock(deps, latest);
    return summary;
  });
}

export type ImportOutcome =
  { ok: true; summary: ImportSummary } | { ok: false; problem: DeviceExportProblem };

/** Checks an export file's text and imports it; a file that fails the check writes nothing. */
export async function importDeviceExportText(deps: RepoDeps, text: string): Promise<ImportOutcome> {
  const parsed = parseDeviceExport(text);
  if (!parsed.ok) return parsed;
  return { ok: true, summary: await importDeviceExport(deps, parsed.file) };
}
