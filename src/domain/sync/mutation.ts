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

/** Limits of a field change; the server's fast path for plain pushes checks the same ones. */
export const changeLimits = {
  segment: /^[A-Za-z0-9_-]{1,64}$/,
  maxPathLength: 4,
  maxStampLength: 200,
  maxChanges: 500,
} as const;

export const fieldStampSchema = z.object({
  path: z.array(z.string().regex(changeLimits.segment)).min(1).max(changeLimits.maxPathLength),
  value: z.unknown(),
  stamp: z.string().max(changeLimits.maxStampLength),
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
  changes: z.array(fieldStampSchema).max(changeLimits.maxChanges),
  createdAt: z.iso.datetime(),
});
export type Mutation = z.infer<typeof mutationSchema>;
