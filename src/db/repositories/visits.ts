import { applyUpdates, changedItems, prefill } from '../../domain/checklist';
import { afterVisit } from '../../domain/organisationStatus';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import { validateVisitInput, type VisitInput } from '../../domain/visitInput';
import { commitWrites, type RecordWrite } from '../commitWrites';
import type { RepoDeps } from '../deps';
import { ValidationError } from '../validationError';

export interface SavedVisit {
  visit: Visit;
  referrals: Referral[];
  followUps: FollowUp[];
}

/**
 * Records a visit in one transaction: the visit (with only the checklist items it changed), the
 * organisation's updated needs, its referrals and follow-ups, and the removal of the draft.
 */
export async function saveVisit(
  deps: RepoDeps,
  input: VisitInput,
  draftId?: string,
): Promise<SavedVisit> {
  const checked = validateVisitInput(input);
  if (!checked.ok) throw new ValidationError(checked.errors);
  const { visit: fields, checklistBefore, checklist, referrals, followUps } = checked.value;
  const org = await deps.db.organisations.get(fields.organisationId);
  if (!org || org.deleted) {
    throw new ValidationError([
      { path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' },
    ]);
  }
  const nowIso = deps.now().toISOString();
  const base = { createdAt: nowIso, updatedAt: nowIso, deleted: false };
  // Only what the coordinator changed in this form is recorded, and it is applied on top of the
  // needs as stored now: a save in between (another visit, a sync) is never reverted.
  const updates = changedItems(prefill(checklistBefore), checklist);
  const visit: Visit = { ...fields, ...base, id: deps.newId(), checklistUpdates: updates };
  const orgAfter = {
    ...afterVisit(org, fields.date),
    needs: applyUpdates(org.needs, updates),
    // The visit went through the whole checklist: its state is now verified by this visit
    // (replacing, e.g., a self-report as the source).
    provenance: {
      ...org.provenance,
      needs: { source: 'visit' as const, verifiedAt: fields.date, language: null },
    },
    updatedAt: nowIso,
  };
  const refRecords: Referral[] = referrals.map((r) => ({
    ...r,
    ...base,
    id: deps.newId(),
    organisationId: org.id,
    visitId: visit.id,
  }));
  const followRecords: FollowUp[] = followUps.map((f) => ({
    ...f,
    ...base,
    id: deps.newId(),
    organisationId: org.id,
    visitId: visit.id,
    done: false,
    doneAt: null,
  }));
  const writes: RecordWrite[] = [
    { table: 'visits', before: null, after: visit },
    { table: 'organisations', before: org, after: orgAfter },
    ...refRecords.map((r) => ({ table: 'referrals' as const, before: null, after: r })),
    ...followRecords.map((f) => ({ table: 'followUps' as const, before: null, after: f })),
  ];
  await commitWrites(deps, writes, { deleteDrafts: draftId ? [draftId] : [] });
  return { visit, referrals: refRecords, followUps: followRecords };
}

export async function setFollowUpDone(
  deps: RepoDeps,
  followUp: FollowUp,
  done: boolean,
  today: string,
): Promise<void> {
  const after: FollowUp = {
    ...followUp,
    done,
    doneAt: done ? today : null,
    updatedAt: deps.now().toISOString(),
  };
  await commitWrites(deps, [{ table: 'followUps', before: followUp, after }]);
}
