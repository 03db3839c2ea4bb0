import { z } from 'zod';
import { dataTables } from './sync/mutation';
import { baseRecordSchema, isoDateSchema } from './record';

export const conflictSideSchema = z.object({
  value: z.unknown(),
  stamp: z.string(),
  clientId: z.string(),
  author: z.string(),
});

export const conflictResolutions = ['open', 'kept', 'restored'] as const;

/**
 * Two concurrent edits of one field: the later stamp won, the loser is kept here for the
 * coordinator to see and, if it was the right one, restore. Written by the server; clients only
 * change `resolution` and `resolvedAt`.
 */
export const conflictRecordSchema = baseRecordSchema.extend({
  recordTable: z.enum(dataTables),
  recordId: z.uuid(),
  path: z.string().min(1).max(300),
  winner: conflictSideSchema,
  loser: conflictSideSchema,
  resolution: z.enum(conflictResolutions),
  resolvedAt: isoDateSchema.nullable(),
});
export type ConflictRecord = z.infer<typeof conflictRecordSchema>;

/** The only fields a client may change on a conflict record. */
export const conflictClientFields: ReadonlySet<string> = new Set([
  'resolution',
  'resolvedAt',
  'updatedAt',
]);
