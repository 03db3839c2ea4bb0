import { z } from 'zod';
import { checklistStates, priorities } from './checklist';
import { catalogueIds } from './needsCatalogue';

/** The checklist's schemas; its rules are in checklist.ts (zod-free, used on the start page). */
export const checklistValueSchema = z.object({
  state: z.enum(checklistStates, { error: 'errors.checklistStateInvalid' }),
  priority: z.enum(priorities, { error: 'errors.priorityInvalid' }).nullable(),
  note: z.string().max(2000, { error: 'errors.textTooLong' }),
});
export type ChecklistValue = z.infer<typeof checklistValueSchema>;

/** Item id → value. A map, never an array, so concurrent edits of different items never collide. */
export const checklistMapSchema = z
  .record(z.string(), checklistValueSchema)
  .refine((m) => Object.keys(m).every((k) => catalogueIds.has(k)), {
    error: 'errors.checklistItemUnknown',
  });
