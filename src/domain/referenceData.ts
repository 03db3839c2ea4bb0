import { z } from 'zod';
import { baseRecordSchema, refIdSchema, shortTextSchema } from './record';
import { referenceKinds } from './referenceSeeds';

export {
  fieldsOfActivity,
  referenceKinds,
  referenceSeeds,
  referralTargets,
  seedId,
  seedLabelKey,
  type ReferenceKind,
  type ReferenceSeed,
} from './referenceSeeds';

/** One reference entry (kinds and built-in entries: referenceSeeds.ts). */
export const referenceEntrySchema = baseRecordSchema.extend({
  kind: z.enum(referenceKinds),
  code: refIdSchema,
  labelKey: z.string().nullable(),
  label: shortTextSchema,
  archived: z.boolean(),
  order: z.number().int(),
});
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;
