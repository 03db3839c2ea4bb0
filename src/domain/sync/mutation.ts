import { z } from 'zod';

/** The record tables that sync. Reference data syncs like any other record. */
export const syncTables = [
  'organisations',
  'contacts',
  'visits',
  'referrals',
  'followUps',
  'referenceData',
  'conflicts',
  'selfReports',
] as const;
export type SyncTable = (typeof syncTables)[number];

/** Tables whose records people edit; conflicts are written by the server and only resolved by clients. */
export type DataTable = Exclude<SyncTable, 'conflicts'>;
export const dataTables = syncTables.filter((t): t is DataTable => t !== 'conflicts');

export const fieldStampSchema = z.object({
  path: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .min(1)
    .max(4),
  value: z.unknown(),
  stamp: z.string().max(200),
});

/** One outbox entry: a set of field changes to one record, applied once by its mutationId. */
export const mutationSchema = z.object({
  mutationId: z.uuid(),
  clientId: z.string().min(1).max(100),
  seq: z.number().int().min(0),
  table: z.enum(syncTables),
  recordId: z.uuid(),
  /** The server version of the record this edit started from; null for a new record. */
  baseVersion: z.number().int().min(0).nullable(),
  changes: z.array(fieldStampSchema).max(500),
  createdAt: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;
