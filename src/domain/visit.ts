import { z } from 'zod';
import { checklistMapSchema } from './checklistSchema';
import {
  baseRecordSchema,
  isoDateSchema,
  languageTagSchema,
  longTextSchema,
  refIdSchema,
  shortTextSchema,
} from './record';

export const visitPlaces = ['moRooms', 'elsewhere', 'phone', 'online'] as const;
export const visitPurposes = [
  'firstContact',
  'needsAssessment',
  'followUp',
  'counselling',
  'event',
] as const;
export const referralOutcomes = ['open', 'contacted', 'resolved', 'notPursued'] as const;

export const visitSchema = baseRecordSchema.extend({
  organisationId: z.uuid({ error: 'errors.visitOrganisationRequired' }),
  date: isoDateSchema,
  place: z.enum(visitPlaces, { error: 'errors.placeRequired' }),
  placeNote: shortTextSchema,
  participants: shortTextSchema,
  purpose: z.enum(visitPurposes, { error: 'errors.purposeRequired' }),
  language: languageTagSchema,
  interpreter: z.boolean(),
  notes: longTextSchema,
  handedOver: longTextSchema,
  /** Only the checklist items this visit changed, with their new value. */
  checklistUpdates: checklistMapSchema,
});
export type Visit = z.infer<typeof visitSchema>;

/** Referrals and follow-ups are their own records: marking one done never collides with the visit. */
export const referralSchema = baseRecordSchema.extend({
  organisationId: z.uuid({ error: 'errors.organisationRequired' }),
  visitId: z.uuid({ error: 'errors.visitRequired' }),
  targetId: refIdSchema.min(1, { error: 'errors.referralTargetRequired' }),
  note: shortTextSchema,
  outcome: z.enum(referralOutcomes),
});
export type Referral = z.infer<typeof referralSchema>;

export const followUpSchema = baseRecordSchema.extend({
  organisationId: z.uuid({ error: 'errors.organisationRequired' }),
  visitId: z.uuid({ error: 'errors.visitRequired' }).nullable(),
  what: shortTextSchema.min(1, { error: 'errors.followUpWhatRequired' }),
  who: shortTextSchema,
  dueDate: isoDateSchema,
  done: z.boolean(),
  doneAt: isoDateSchema.nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** Open follow-ups, overdue first, then by due date. */
export function sortFollowUps<T extends Pick<FollowUp, 'dueDate' | 'done'>>(
  items: readonly T[],
): T[] {
  return items.filter((f) => !f.done).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

export function isOverdue(f: Pick<FollowUp, 'dueDate' | 'done'>, today: string): boolean {
  return !f.done && f.dueDate < today;
}
