import { z } from 'zod';
import { checklistStates, priorities } from '../../domain/checklist';
import { ageGroups } from '../../domain/organisation';
import { selfReportViewSchema } from '../../domain/selfReport';
import type { RepoDeps } from '../deps';

/**
 * The representative's work in progress on their phone: a local draft (kind `selfReport`, never
 * synced) holding the invitation token, the view the server sent, everything typed so far, the
 * screen they were on and, once they pressed "send", the submission id that makes retries
 * harmless. After a successful send only a small "sent" marker remains: no answers, no token.
 */
export const SELF_REPORT_DRAFT_PREFIX = 'selfReport:';

/** The stored shape is checked loosely: a half-typed answer may not be valid yet (empty name). */
const draftAnswersSchema = z.object({
  name: z.string(),
  originalName: z.string(),
  goals: z.string(),
  memberCount: z.number().nullable(),
  activeVolunteers: z.number().nullable(),
  peopleReached: z.number().nullable(),
  ageGroups: z.array(z.enum(ageGroups)),
  foundingYear: z.number().nullable(),
  ownRooms: z.boolean().nullable(),
});

const draftNeedsSchema = z.record(
  z.string(),
  z.object({
    state: z.enum(checklistStates),
    priority: z.enum(priorities).nullable(),
    note: z.string(),
  }),
);

export const selfReportSteps = [
  'welcome',
  'names',
  'goals',
  'members',
  'rooms',
  'needs',
  'check',
] as const;
export type SelfReportStep = (typeof selfReportSteps)[number];

const openDraftSchema = z.object({
  status: z.enum(['editing', 'queued']),
  token: z.string().min(1),
  view: selfReportViewSchema,
  answers: draftAnswersSchema,
  needs: draftNeedsSchema,
  step: z.enum(selfReportSteps),
  language: z.string(),
  /** Chosen when "send" is first pressed and kept for every retry of that same submission. */
  submissionId: z.string().nullable(),
  queuedAt: z.string().nullable(),
});

const sentDraftSchema = z.object({
  status: z.literal('sent'),
  organisationName: z.string(),
  language: z.string(),
  submissionId: z.string(),
  sentAt: z.string(),
});

export const selfReportDraftDataSchema = z.discriminatedUnion('status', [
  openDraftSchema,
  sentDraftSchema,
]);
export type SelfReportDraftData = z.infer<typeof selfReportDraftDataSchema>;
export type OpenSelfReportDraft = z.infer<typeof openDraftSchema>;
export type SentSelfReportDraft = z.infer<typeof sentDraftSchema>;

function titleOf(data: SelfReportDraftData): string {
  return data.status === 'sent' ? data.organisationName : data.view.organisationName;
}

/** The draft, or null when there is none (or it cannot be read any more). */
export async function loadSelfReportDraft(
  deps: RepoDeps,
  id: string,
): Promise<SelfReportDraftData | null> {
  const draft = await deps.db.drafts.get(id);
  if (draft?.kind !== 'selfReport') return null;
  const parsed = selfReportDraftDataSchema.safeParse(draft.data);
  return parsed.success ? parsed.data : null;
}

/** Writes the draft; resolves once it is committed to IndexedDB ("saved on this phone"). */
export async function saveSelfReportDraft(
  deps: RepoDeps,
  id: string,
  data: SelfReportDraftData,
): Promise<void> {
  await deps.db.drafts.put({
    id,
    kind: 'selfReport',
    title: titleOf(data),
    data,
    updatedAt: deps.now().toISOString(),
  });
}

/**
 * Unsent self-report drafts of one organisation made with another link (e.g. an expired one),
 * newest first: what the representative typed there is carried over to a new link.
 */
export async function otherOpenDrafts(
  deps: RepoDeps,
  organisationId: string,
  exceptId: string,
): Promise<{ id: string; data: OpenSelfReportDraft }[]> {
  const drafts = await deps.db.drafts.where('kind').equals('selfReport').toArray();
  const out: { id: string; data: OpenSelfReportDraft; updatedAt: string }[] = [];
  for (const draft of drafts) {
    if (draft.id === exceptId) continue;
    const parsed = openDraftSchema.safeParse(draft.data);
    if (parsed.success && parsed.data.view.organisationId === organisationId)
      out.push({ id: draft.id, data: parsed.data, updatedAt: draft.updatedAt });
  }
  return out
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map(({ id, data }) => ({ id, data }));
}

/** Saves the new draft and removes the ones it took over, in one transaction. */
export async function replaceSelfReportDrafts(
  deps: RepoDeps,
  id: string,
  data: SelfReportDraftData,
  replacedIds: readonly string[],
): Promise<void> {
  await deps.db.transaction('rw', deps.db.drafts, async () => {
    await saveSelfReportDraft(deps, id, data);
    await deps.db.drafts.bulkDelete(replacedIds.filter((r) => r !== id));
  });
}

/** The invitation token kept in a self-report draft (none once it was sent). */
export function selfReportDraftToken(data: unknown): string | null {
  const parsed = openDraftSchema.safeParse(data);
  return parsed.success ? parsed.data.token : null;
}
