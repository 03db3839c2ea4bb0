import type {
  OpenSelfReportDraft,
  SentSelfReportDraft,
} from '../../db/repositories/selfReportDrafts';
import { valueOf, withNote, type ChecklistMap, type ChecklistState } from '../../domain/checklist';
import { checklistMapSchema } from '../../domain/checklistSchema';
import { ageGroups } from '../../domain/organisation';
import {
  changedAnswers,
  changedNeeds,
  selfReportAnswersSchema,
  selfReportSubmissionSchema,
  type SelfReportAnswers,
  type SelfReportAnswersFull,
  type SelfReportSubmission,
  type SelfReportView,
} from '../../domain/selfReport';
import { validate, type FieldError, type Validated } from '../../domain/validation';
import type { LinkProblem, ServerFieldError } from './selfReportApi';
import { stepFields, stepOfPath, type SelfReportStep } from './steps';

type AgeGroup = (typeof ageGroups)[number];

/** A fresh draft from what the server sent: the representative starts from the current answers. */
export function newDraft(
  token: string,
  view: SelfReportView,
  language: string,
): OpenSelfReportDraft {
  return {
    status: 'editing',
    token,
    view,
    answers: { ...view.answers, ageGroups: [...view.answers.ageGroups] },
    needs: structuredClone(view.needs),
    step: 'welcome',
    language,
    submissionId: null,
    queuedAt: null,
  };
}

/**
 * What was typed under an older link (e.g. an expired one) moved onto a new link's draft: only
 * the changes, applied on top of the organisation's current answers.
 */
export function carryOver(
  old: OpenSelfReportDraft,
  fresh: OpenSelfReportDraft,
): OpenSelfReportDraft {
  return {
    ...fresh,
    answers: { ...fresh.answers, ...changedAnswers(old.view.answers, old.answers) },
    needs: { ...fresh.needs, ...changedNeeds(old.view.needs, old.needs) },
    step: old.step,
  };
}

/** Any change to the answers makes a new submission (a queued one may have arrived already). */
export function edited(
  draft: OpenSelfReportDraft,
  patch: Partial<OpenSelfReportDraft>,
): OpenSelfReportDraft {
  return { ...draft, ...patch, status: 'editing', submissionId: null, queuedAt: null };
}

/** Age groups always in the catalogue's order, so ticking and unticking again is no change. */
export function withAgeGroup(
  current: readonly AgeGroup[],
  group: AgeGroup,
  on: boolean,
): AgeGroup[] {
  return ageGroups.filter((g) => (g === group ? on : current.includes(g)));
}

/**
 * A representative sets a need's state; the priority is the coordinator's business: kept when the
 * state goes back to where it was, otherwise left empty.
 */
export function withNeedState(
  view: ChecklistMap,
  needs: ChecklistMap,
  itemId: string,
  state: ChecklistState,
): ChecklistMap {
  const start = valueOf(view, itemId);
  const prev = valueOf(needs, itemId);
  const priority = state === start.state ? start.priority : null;
  return { ...needs, [itemId]: { ...prev, state, priority } };
}

export function withNeedNote(needs: ChecklistMap, itemId: string, note: string): ChecklistMap {
  return withNote(needs, itemId, note);
}

const fullAnswersSchema = selfReportAnswersSchema.required();

/** Errors in the answers (paths are the answer keys, e.g. `memberCount`). */
export function answerErrors(answers: SelfReportAnswersFull): FieldError[] {
  const result = validate(fullAnswersSchema, answers);
  return result.ok ? [] : result.errors;
}

/** Errors in the needs (paths `needs.<item>.note`). */
export function needErrors(needs: ChecklistMap): FieldError[] {
  const result = validate(checklistMapSchema, needs);
  if (result.ok) return [];
  return result.errors.map((e) => ({ ...e, path: e.path ? `needs.${e.path}` : 'needs' }));
}

/** What stops the representative from leaving this screen. */
export function stepErrors(step: SelfReportStep, draft: OpenSelfReportDraft): FieldError[] {
  if (step === 'needs') return needErrors(draft.needs);
  const keys: readonly string[] = stepFields[step];
  return answerErrors(draft.answers).filter((e) => keys.includes(e.path.split('.')[0] ?? ''));
}

export function allErrors(draft: OpenSelfReportDraft): FieldError[] {
  return [...answerErrors(draft.answers), ...needErrors(draft.needs)];
}

/** The first screen that shows one of these errors (they may come from the server). */
export function firstErrorStep(errors: readonly FieldError[]): SelfReportStep | null {
  const first = errors[0];
  return first ? stepOfPath(first.path) : null;
}

/** Server errors (paths from the submission root) in the form's terms. */
export function fromServerErrors(errors: readonly ServerFieldError[]): FieldError[] {
  return errors.map((e) => ({
    path: e.path.replace(/^answers\./, ''),
    key: e.message.startsWith('errors.') ? e.message : 'errors.invalidValue',
  }));
}

/** Only what the representative changed compared with what they were shown. */
export function changesOf(draft: OpenSelfReportDraft): {
  answers: SelfReportAnswers;
  needs: ChecklistMap;
} {
  // Compare what will be sent (trimmed) with the start, so a stray space is not a change.
  const parsed = fullAnswersSchema.safeParse(draft.answers);
  const answers = parsed.success ? parsed.data : draft.answers;
  return {
    answers: changedAnswers(draft.view.answers, answers),
    needs: changedNeeds(draft.view.needs, draft.needs),
  };
}

export function hasChanges(draft: OpenSelfReportDraft): boolean {
  const { answers, needs } = changesOf(draft);
  return Object.keys(answers).length > 0 || Object.keys(needs).length > 0;
}

/** The submission for a queued draft: its id, its language and the changes, checked. */
export function buildSubmission(
  draft: OpenSelfReportDraft,
  id: string,
): Validated<SelfReportSubmission> {
  const errors = allErrors(draft);
  if (errors.length > 0) return { ok: false, errors };
  const { answers, needs } = changesOf(draft);
  const result = validate(selfReportSubmissionSchema, {
    id,
    language: draft.language,
    answers,
    needs,
  });
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((e) => ({ ...e, path: e.path.replace(/^answers\./, '') })),
  };
}

/** After a successful send: only a marker that it went out (no answers, no token). */
export function sentMarker(
  draft: OpenSelfReportDraft,
  submissionId: string,
  sentAt: string,
): SentSelfReportDraft {
  return {
    status: 'sent',
    organisationName: draft.view.organisationName,
    language: draft.language,
    submissionId,
    sentAt,
  };
}

/** The translation key telling the representative that this link no longer works. */
export function linkProblemKey(code: LinkProblem): string {
  switch (code) {
    case 'invitation_expired':
      return 'selfReport:link.expired';
    case 'invitation_revoked':
      return 'selfReport:link.revoked';
    case 'unauthenticated':
      return 'selfReport:link.unknown';
  }
}
