import { shadowKey, type QuarantinedMutation } from '../db/database';
import type { RepoDeps } from '../db/deps';
import { LAST_EXPORT_KEY, type LastExport } from './unsyncedGuard';
import { loadDeviceMeta } from '../db/deviceMeta';
import type { Mutation } from '../domain/sync/mutation';
import {
  DEVICE_EXPORT_FORMAT,
  DEVICE_EXPORT_VERSION,
  type DeviceExport,
  type ExportedRecord,
} from './deviceExportFormat';
import { allRecordTables, recordTable } from './recordTables';

export interface DeviceExportInput {
  exportedAt: string;
  clientId: string;
  outbox: readonly Mutation[];
  quarantine: readonly QuarantinedMutation[];
  /** Local records; only those the entries touch go into the file. */
  records: readonly ExportedRecord[];
}

/** Every record an entry changes, once, as `table/id`. */
export function touchedKeys(mutations: readonly Mutation[]): string[] {
  return [...new Set(mutations.map((m) => shadowKey(m.table, m.recordId)))];
}

/** Builds the export file: entries oldest first, with the records they touch. Pure. */
export function buildDeviceExport(input: DeviceExportInput): DeviceExport {
  const bySeq = <T extends { seq: number }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => a.seq - b.seq);
  const outbox = bySeq(input.outbox);
  const quarantine = bySeq(input.quarantine);
  const touched = new Set(touchedKeys([...outbox, ...quarantine.map((q) => q.mutation)]));
  const seen = new Set<string>();
  const records = input.records.filter((r) => {
    const key = shadowKey(r.table, r.id);
    if (!touched.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    format: DEVICE_EXPORT_FORMAT,
    version: DEVICE_EXPORT_VERSION,
    exportedAt: input.exportedAt,
    clientId: input.clientId,
    outbox: outbox.map((m) => structuredClone(m)),
    quarantine: quarantine.map((q) => structuredClone(q)),
    records: records.map((r) => structuredClone(r)),
  };
}

/** What the settings table remembers about an export. Pure. */
export function lastExportOf(file: DeviceExport): LastExport {
  return {
    at: file.exportedAt,
    outboxCount: file.outbox.length,
    quarantineCount: file.quarantine.length,
    maxSeq: file.outbox.reduce((max, m) => Math.max(max, m.seq), 0),
  };
}

/** A file name that sorts by date and does not collide within a day, e.g. bruecke-export-2026-03-10-0930.json. */
export function exportFileName(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `bruecke-export-${day}-${two(at.getHours())}${two(at.getMinutes())}.json`;
}

/** Reads everything unsent in one read transaction and builds the file (IO at the edge). */
export async function collectDeviceExport(deps: RepoDeps): Promise<DeviceExport> {
  const { db } = deps;
  return db.transaction(
    'r',
    [db.outbox, db.quarantine, db.meta, ...allRecordTables(db)],
    async () => {
      const [outbox, quarantine, meta] = await Promise.all([
        db.outbox.toArray(),
        db.quarantine.toArray(),
        loadDeviceMeta(deps),
      ]);
      const touched = new Map<string, Mutation>();
      for (const m of [...outbox, ...quarantine.map((q) => q.mutation)]) {
        touched.set(shadowKey(m.table, m.recordId), m);
      }
      const records: ExportedRecord[] = [];
      for (const m of touched.values()) {
        const data = await recordTable(db, m.table).get(m.recordId);
        if (data) records.push({ table: m.table, id: m.recordId, data });
      }
      return buildDeviceExport({
        exportedAt: deps.now().toISOString(),
        clientId: meta.clientId,
        outbox,
        quarantine,
        records,
      });
    },
  );
}

/** Remembers that the unsent entries up to `maxSeq` are safe in a file. */
export async function recordExport(deps: RepoDeps, file: DeviceExport): Promise<LastExport> {
  const value = lastExportOf(file);
  await deps.db.settings.put({ key: LAST_EXPORT_KEY, value });
  return value;
}
