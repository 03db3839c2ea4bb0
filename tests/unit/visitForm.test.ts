import { describe, expect, it } from 'vitest';
import { prefill, withState } from '../../src/domain/checklist';
import { newOrganisation } from '../../src/domain/organisation';
import { validateVisitInput } from '../../src/domain/visitInput';
import { saveDraft } from '../../src/db/repositories/drafts';
import { createOrganisation } from '../../src/db/repositories/organisations';
import { saveVisit } from '../../src/db/repositories/visits';
import { languageOf, toVisitInput, visitFormErrors } from '../../src/features/visits/toVisitInput';
import {
  addDays,
  initialVisitForm,
  parseVisitDraft,
  visitFormReducer,
  type VisitFormState,
} from '../../src/features/visits/visitFormState';
import { testDeps } from './testDeps';

const ORG_ID = '00000000-0000-4000-8000-0000000000aa';

describe('visit form', () => {
  it('refuses a visit without an organisation with the translated key on visit.organisationId', () => {
    const state = { ...initialVisitForm(null, '2026-03-10'), purpose: 'firstContact' as const };
    expect(visitFormErrors(state, null, false)).toEqual([
      { path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' },
    ]);
  });

  it('reports one message per field, the "required" one first', () => {
    let state = visitFormReducer(initialVisitForm(ORG_ID, '2026-03-10'), {
      type: 'addReferral',
      key: 'r1',
    });
    state = visitFormReducer(state, { type: 'addFollowUp', key: 'f1', dueDate: '' });
    const errors = visitFormErrors(state, null, false);
    expect(errors).toContainEqual({ path: 'visit.purpose', key: 'errors.purposeRequired' });
    expect(errors.filter((e) => e.path === 'referrals.0.targetId')).toEqual([
      { path: 'referrals.0.targetId', key: 'errors.referralTargetRequired' },
    ]);
    expect(errors).toContainEqual({ path: 'followUps.0.what', key: 'errors.followUpWhatRequired' });
    expect(errors).toContainEqual({ path: 'followUps.0.dueDate', key: 'errors.dateInvalid' });
  });

  it('flags an organisation that is no longer on the device', () => {
    const state = { ...initialVisitForm(ORG_ID, '2026-03-10'), purpose: 'event' as const };
    expect(visitFormErrors(state, null, true)).toEqual([
      { path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' },
    ]);
  });

  it('starts the checklist again when another organisation is picked', () => {
    let state = initialVisitForm(ORG_ID, '2026-03-10');
    const before = prefill({});
    state = visitFormReducer(state, {
      type: 'checklist',
      before,
      value: withState(before, 'school', 'needed'),
    });
    expect(state.checklist?.school?.state).toBe('needed');
    state = visitFormReducer(state, { type: 'organisation', id: 'other' });
    expect(state.checklist).toBeNull();
    expect(state.checklistBefore).toBeNull();
  });

  it("lays the user's checklist changes over the needs as stored now", () => {
    const org = newOrganisation(ORG_ID, '2026-03-10T09:00:00.000Z');
    const before = prefill({});
    let state: VisitFormState = {
      ...initialVisitForm(ORG_ID, '2026-03-10'),
      purpose: 'followUp',
    };
    state = visitFormReducer(state, {
      type: 'checklist',
      before,
      value: withState(before, 'school', 'needed'),
    });
    // Meanwhile another save recorded a need for rooms: the form must not revert it.
    const stored = {
      ...org,
      needs: { findingRooms: { state: 'needed' as const, priority: 'high' as const, note: '' } },
    };
    const input = toVisitInput(state, stored);
    expect(input.checklist.findingRooms?.state).toBe('needed');
    expect(input.checklist.school?.state).toBe('needed');
    expect(validateVisitInput(input).ok).toBe(true);
  });

  it('takes a typed language tag for "other"', () => {
    expect(languageOf({ languageChoice: 'other', languageOther: ' UK ' })).toBe('uk');
    expect(languageOf({ languageChoice: 'tr', languageOther: 'x' })).toBe('tr');
  });

  it('restores only drafts it understands', () => {
    const state = initialVisitForm(null, '2026-03-10');
    expect(parseVisitDraft(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseVisitDraft({ version: 99 })).toBeNull();
  });

  it('adds days to a calendar day across month ends', () => {
    expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
  });

  it('saves the visit and removes its draft in the same transaction', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Polnischer Kulturverein' });
    let state = initialVisitForm(org.id, '2026-03-10');
    state = visitFormReducer(state, { type: 'purpose', value: 'needsAssessment' });
    state = visitFormReducer(state, { type: 'addFollowUp', key: 'f1', dueDate: '2026-03-24' });
    state = visitFormReducer(state, {
      type: 'updateFollowUp',
      key: 'f1',
      patch: { what: 'Raumangebote schicken' },
    });
    const draftId = 'visit:test';
    await saveDraft(deps, { id: draftId, kind: 'visit', title: org.name, data: state });
    const checked = validateVisitInput(toVisitInput(state, org));
    if (!checked.ok) throw new Error('invalid');
    const saved = await saveVisit(deps, checked.value, draftId);
    expect(saved.followUps).toHaveLength(1);
    expect(await deps.db.drafts.count()).toBe(0);
    expect((await deps.db.organisations.get(org.id))?.status).toBe('contacted');
  });
});
