import { z } from 'zod';
import { sameValue, valueOf, type ChecklistMap } from './checklist';
import { checklistMapSchema } from './checklistSchema';
import {
  ageGroups,
  organisationSchema,
  provenanceSchema,
  type Organisation,
  type Provenance,
} from './organisation';
import { baseRecordSchema, languageTagSchema, refIdSchema } from './record';
import {
  selfReportFieldKeys,
  selfReportFields,
  type SelfReportField,
  type SelfReportFieldKey,
} from './selfReportFields';
import { deepEqual } from './sync/fieldChanges';

export {
  answeredFields,
  isFullyReviewed,
  openItems,
  selfReportFieldKeys,
  selfReportFields,
  type SelfReportField,
  type SelfReportFieldKey,
} from './selfReportFields';

/**
 * A self-report: what a representative of one organisation submitted through an invitation link,
 * in their own language. It syncs like any other record; the coordinator reviews it field by field
 * and only accepted answers reach the organisation's profile (with provenance "self-report").
 */

const shape = organisationSchema.shape;
const members = shape.members.shape;

/** Every answer is optional: a submission carries only what the representative changed. */
export const selfReportAnswersSchema = z.strictObject({
  name: shape.name.optional(),
  originalName: shape.originalName.optional(),
  goals: shape.goals.optional(),
  memberCount: members.memberCount.optional(),
  activeVolunteers: members.activeVolunteers.optional(),
  peopleReached: members.peopleReached.optional(),
  ageGroups: z.array(z.enum(ageGroups)).max(ageGroups.length).optional(),
  foundingYear: shape.foundingYear.optional(),
  ownRooms: shape.ownRooms.optional(),
});
export type SelfReportAnswers = z.infer<typeof selfReportAnswersSchema>;
/** The full set of answers: what the representative starts from. */
export type SelfReportAnswersFull = Required<SelfReportAnswers>;

export const selfReportDecisions = ['accepted', 'rejected'] as const;
export type SelfReportDecisionValue = (typeof selfReportDecisions)[number];

export const selfReportDecisionSchema = z.object({
  decision: z.enum(selfReportDecisions),
  decidedAt: z.iso.datetime({ error: 'errors.timestampInvalid' }),
});
export type SelfReportDecision = z.infer<typeof selfReportDecisionSchema>;

export const selfReportSchema = baseRecordSchema.extend({
  organisationId: z.uuid({ error: 'errors.idInvalid' }),
  invitationId: z.uuid({ error: 'errors.idInvalid' }),
  /** The language the representative used: the tag of every free text in this report. */
  language: languageTagSchema,
  submittedAt: z.iso.datetime({ error: 'errors.timestampInvalid' }),
  answers: selfReportAnswersSchema,
  /** Checklist items the representative changed (item id → new value). */
  needs: checklistMapSchema,
  /** The coordinator's decision per answer; missing means not reviewed yet. */
  decisions: z.object({
    fields: z.partialRecord(z.enum(selfReportFieldKeys), selfReportDecisionSchema),
    needs: z.record(refIdSchema, selfReportDecisionSchema),
  }),
});
export type SelfReport = z.infer<typeof selfReportSchema>;

/** What the representative's phone receives: the organisation as far as the self-report asks. */
export const selfReportViewSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  answers: selfReportAnswersSchema.required(),
  needs: checklistMapSchema,
  expiresAt: z.iso.datetime(),
});
export type SelfReportView = z.infer<typeof selfReportViewSchema>;

/** What the phone sends: an id it chose (retries are harmless), its language and the changes. */
export const selfReportSubmissionSchema = z.strictObject({
  id: z.uuid({ error: 'errors.idInvalid' }),
  language: languageTagSchema,
  answers: selfReportAnswersSchema,
  needs: checklistMapSchema,
});
export type SelfReportSubmission = z.infer<typeof selfReportSubmissionSchema>;

function readPath(org: Organisation, path: SelfReportField['path']): unknown {
  const top = (org as Record<string, unknown>)[path[0]];
  if (path.length === 1) return top;
  return (top as Record<string, unknown>)[path[1]];
}

/** The organisation's current answers: the starting point of a self-report. */
export function currentAnswers(org: Organisation): SelfReportAnswersFull {
  const out: Record<string, unknown> = {};
  for (const key of selfReportFieldKeys) out[key] = readPath(org, selfReportFields[key].path);
  return out as SelfReportAnswersFull;
}

/** Only the answers that differ from where the representative started. */
export function changedAnswers(
  before: SelfReportAnswersFull,
  after: SelfReportAnswersFull,
): SelfReportAnswers {
  const out: Record<string, unknown> = {};
  for (const key of selfReportFieldKeys) {
    if (!deepEqual(before[key], after[key])) out[key] = after[key];
  }
  return out;
}

/** Only the checklist items whose value differs from where the representative started. */
export function changedNeeds(before: ChecklistMap, after: ChecklistMap): ChecklistMap {
  const out: ChecklistMap = {};
  for (const [id, value] of Object.entries(after)) {
    if (!sameValue(valueOf(before, id), value)) out[id] = value;
  }
  return out;
}

/** The self-report record the server stores for a submission. */
export function selfReportFromSubmission(
  submission: SelfReportSubmission,
  scope: { organisationId: string; invitationId: string },
  nowIso: string,
): SelfReport {
  return {
    id: submission.id,
    createdAt: nowIso,
    updatedAt: nowIso,
    deleted: false,
    organisationId: scope.organisationId,
    invitationId: scope.invitationId,
    language: submission.language,
    submittedAt: nowIso,
    answers: submission.answers,
    needs: submission.needs,
    decisions: { fields: {}, needs: {} },
  };
}

/** Provenance of a fact taken from this report: self-report, the day it was sent, its language. */
export function provenanceOf(report: SelfReport): Provenance {
  return provenanceSchema.parse({
    source: 'selfReport',
    verifiedAt: report.submittedAt.slice(0, 10),
    language: report.language,
  });
}

/** The organisation with one accepted answer applied and its section's provenance set. */
export function acceptAnswer(
  org: Organisation,
  report: SelfReport,
  key: SelfReportFieldKey,
): Organisation {
  const value = report.answers[key];
  if (value === undefined) return org;
  const { path, section } = selfReportFields[key];
  const next: Organisation = structuredClone(org);
  const target = next as unknown as Record<string, Record<string, unknown>>;
  if (path.length === 1) (target as Record<string, unknown>)[path[0]] = value;
  else target[path[0]] = { ...target[path[0]], [path[1]]: value };
  next.provenance = { ...next.provenance, [section]: provenanceOf(report) };
  return next;
}

/** The organisation with one accepted checklist item applied (provenance section "needs"). */
export function acceptNeed(org: Organisation, report: SelfReport, itemId: string): Organisation {
  const value = report.needs[itemId];
  if (!value) return org;
  return {
    ...org,
    needs: { ...org.needs, [itemId]: { ...value } },
    provenance: { ...org.provenance, needs: provenanceOf(report) },
  };
}
