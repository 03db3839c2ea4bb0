import { z } from 'zod';
import { mutationSchema, syncTables } from '../domain/sync/mutation';

export const DEVICE_EXPORT_FORMAT = 'bruecke-device-export';
export const DEVICE_EXPORT_VERSION = 1;

/** An outbox entry the server refused, as the quarantine keeps it. */
export const exportedQuarantineSchema = z
  .object({
    mutationId: z.uuid(),
    seq: z.number().int().min(0),
    mutation: mutationSchema,
    code: z.string().max(200),
    message: z.string().max(5000),
    path: z.string().max(300),
    quarantinedAt: z.iso.datetime(),
  })
  .refine((q) => q.mutationId === q.mutation.mutationId);

/** A record as the exporting device showed it (its server state plus its pending edits). */
export const exportedRecordSchema = z
  .object({
    table: z.enum(syncTables),
    id: z.uuid(),
    data: z.record(z.string(), z.unknown()),
  })
  .refine((r) => r.data.id === r.id);

/**
 * The file a device writes when it cannot sync: everything it has not delivered to the server,
 * so another device can import it and send it on. Entries keep their own clientId and stamps.
 */
export const deviceExportSchema = z.object({
  format: z.literal(DEVICE_EXPORT_FORMAT),
  version: z.literal(DEVICE_EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  clientId: z.string().min(1).max(100),
  outbox: z.array(mutationSchema),
  quarantine: z.array(exportedQuarantineSchema),
  records: z.array(exportedRecordSchema),
});
export type DeviceExport = z.infer<typeof deviceExportSchema>;
export type ExportedRecord = z.infer<typeof exportedRecordSchema>;

/** Why a file cannot be imported; the settings screen translates these. */
export type DeviceExportProblem = 'notJson' | 'wrongFormat' | 'unsupportedVersion' | 'invalid';

export type ParsedDeviceExport =
  { ok: true; file: DeviceExport } | { ok: false; problem: DeviceExportProblem };

/** Reads and checks an export file's text. Pure: nothing is written whatever the input. */
export function parseDeviceExport(text: string): ParsedDeviceExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problem: 'wrongFormat' };
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== DEVICE_EXPORT_FORMAT) return { ok: false, problem: 'wrongFormat' };
  if (head.version !== DEVICE_EXPORT_VERSION) return { ok: false, problem: 'unsupportedVersion' };
  const parsed = deviceExportSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  const ids = [
    ...parsed.data.outbox.map((m) => m.mutationId),
    ...parsed.data.quarantine.map((q) => q.mutationId),
  ];
  // One edit listed twice means the file was put together by hand or damaged.
  if (new Set(ids).size !== ids.length) return { ok: false, problem: 'invalid' };
  return { ok: true, file: parsed.data };
}
