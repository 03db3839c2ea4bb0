import { applyUpdates, changedItems, prefill } from '../../domain/checklist';
import type { Organisation } from '../../domain/organisation';
import { afterVisit } from '../../domain/organisationStatus';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import { validateVisitInput, type VisitInput } from '../../domain/visitInput';
import {
  commitScope,
  commitWrites,
  planWrites,
  putPlanned,
  readCommitBase,
  withCreated,
  writePlanned,
  writeTarget,
} from '../commitWrites';
import { shadowKey } from '../database';
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
 * Nothing is written when the organisation is unknown or deleted.
 */
export async function saveVisit(
  deps: RepoDeps,
  input: VisitInput,
  draftId?: string,
): Promise<SavedVisit> {
  const { db } = deps;
  const orgId = input.visit.organisationId;
  const scope = commitScope(db, ['visits', 'organisations', 'referrals', 'followUps']);
  return db.transaction('rw', scope, async () => {
    // The read goes out first: while IndexedDB answers, the new records are checked and planned
    // (pure work, which does not depend on what is stored). The organisation is read in the
    // save's own transaction, with its base version: its needs are updated from exactly what is
    // stored when the visit is written. The new records' ids are drawn here: their base version
    // needs no look-up.
    const orgKey = shadowKey('organisations', orgId);
    const stored = readCommitBase(deps, [{ table: 'organisations', id: orgId }]);
    // If the input is refused below, the transaction aborts and this read fails unawaited.
    stored.catch(() => undefined);
    const checked = validateVisitInput(input);
    if (!checked.ok) throw new ValidationError(checked.errors);
    const nowIso = deps.now().toISOString();
    const saved = newVisitRecords(deps, checked.value, nowIso);
    // New records always have changes: the visit is planned first, then its referrals, follow-ups.
    const newWrites = planWrites([
      { table: 'visits', before: null, after: saved.visit },
      ...saved.referrals.map((r) => ({ table: 'referrals' as const, before: null, after: r })),
      ...saved.followUps.map((f) => ({ table: 'followUps' as const, before: null, after: f })),
    ]);
    // The new records do not depend on the read either: they go to IndexedDB behind it, so the
    // writes left after it are the organisation, the outbox and the device meta. (A refusal below
    // aborts the transaction, and these puts with it.)
    const newPuts = putPlanned(db, newWrites);
    newPuts.catch(() => undefined);
    const read = await stored;
    // The organisations table holds organisations (validated when written).
    const org = read.stored.get(orgKey) as Organisation | undefined;
    if (!org || org.deleted) {
      throw new ValidationError([
        { path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' },
      ]);
    }
    const base = withCreated(read, newWrites.map(writeTarget));
    const after = organisationAfterVisit(org, saved.visit, nowIso);
    const orgWrites = planWrites([{ table: 'organisations', before: org, after }]);
    // Outbox order as the records depend on each other: visit, organisation, the rest.
    const planned = [...newWrites.slice(0, 1), ...orgWrites, ...newWrites.slice(1)];
    await Promise.all([
      newPuts,
      writePlanned(deps, base, planned, {
        deleteDrafts: draftId ? [draftId] : [],
        recordsPut: new Set(newWrites),
      }),
    ]);
    return saved;
  });
}

/** The visit's new records: the visit itself, its referrals and follow-ups. */
function newVisitRecords(deps: RepoDeps, input: VisitInput, nowIso: string): SavedVisit {
  const { visit: fields, checklistBefore, checklist, referrals, followUps } = input;
  const base = { createdAt: nowIso, updatedAt: nowIso, deleted: false };
  // Only what the coordinator changed in this form is recorded, and it is applied on top of the
  // needs as stored now (organisationAfterVisit): a save in between is never reverted.
  const updates = changedItems(prefill(checklistBefore), checklist);
  const visit: Visit = { ...fields, ...base, id: deps.newId(), checklistUpdates: updates };
  const organisationId = fields.organisationId;
  return {
    visit,
    referrals: referrals.map((r) => ({
      ...r,
      ...base,
      id: deps.newId(),
      organisationId,
      visitId: visit.id,
    })),
    followUps: followUps.map((f) => ({
      ...f,
      ...base,
      id: deps.newId(),
      organisationId,
      visitId: visit.id,
      done: false,
      doneAt: null,
    })),
  };
}

/** The organisation as stored now, with the visit's checklist updates applied. */
function organisationAfterVisit(org: Organisation, visit: Visit, nowIso: string): Organisation {
  return {
    ...afterVisit(org, visit.date),
    needs: applyUpdates(org.needs, visit.checklistUpdates),
    // The visit went through the whole checklist: its state is now verified by this visit
    // (replacing, e.g., a self-report as the source).
    provenance: {
      ...org.provenance,
      needs: { source: 'visit' as const, verifiedAt: visit.date, language: null },
    },
    updatedAt: nowIso,
  };
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
