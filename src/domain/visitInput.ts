import { z } from 'zod';
import { checklistMapSchema } from './checklistSchema';
import { isoDateSchema, shortTextSchema } from './record';
import { validate, type Validated } from './validation';
import { followUpSchema, referralSchema, visitSchema } from './visit';

/** What the visit form hands over when the coordinator presses "save". */
export const visitInputSchema = z.object({
  visit: visitSchema
    .omit({ id: true, createdAt: true, updatedAt: true, deleted: true, checklistUpdates: true })
    .extend({
      organisationId: z.uuid({ error: 'errors.visitOrganisationRequired' }),
    }),
  checklistBefore: checklistMapSchema,
  checklist: checklistMapSchema,
  referrals: z.array(referralSchema.pick({ targetId: true, note: true, outcome: true })),
  followUps: z.array(
    followUpSchema
      .pick({ what: true, who: true })
      .extend({ dueDate: isoDateSchema, who: shortTextSchema }),
  ),
});
export type VisitInput = z.infer<typeof visitInputSchema>;

export function validateVisitInput(input: unknown): Validated<VisitInput> {
  return validate(visitInputSchema, input);
}
