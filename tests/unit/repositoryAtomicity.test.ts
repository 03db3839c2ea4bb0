import { describe, expect, it } from 'vitest';
import { prefill, withState } from '../../src/domain/checklist';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import { saveDraft } from '../../src/db/repositories/drafts';
import { saveVisit } from '../../src/db/repositories/visits';
import { ValidationError } from '../../src/db/validationError';
import type { VisitInput } from '../../src/domain/visitInput';
import { testDeps } from './testDeps';

const visitInput = (organisationId: string, needs = {}): VisitInput => ({
  visit: {
    organisationId,
    date: '2026-03-10',
    place: 'moRooms',
    placeNote: '',
    participants: 'Vorstand',
    purpose: 'needsAssessment',
    language: 'tr',
    interpreter: false,
    notes: 'Gespräch im Vereinsraum',
    handedOver: 'Flyer WIR-Programm',
  },
  checklistBefore: prefill(needs),
  checklist: withState(prefill(needs), 'findingRooms', 'needed'),
  referrals: [{ targetId: 'culturalOffice', note: 'Raum für Kulturfest', outcome: 'open' }],
  followUps: [{ what: 'Raumliste schicken', who: 'Koordination', dueDate: '2026-03-24' }],
});

describe('repositories write the record and its outbox entry together', () => {
  it('a new organisation lands with exactly one outbox entry carrying all its fields', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, {
      name: 'Polnischer Elternverein',
      district: 'Biebrich',
    });
    expect(await deps.db.organisations.get(org.id)).toMatchObject({
      name: 'Polnischer Elternverein',
    });
    const outbox = await deps.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.recordId).toBe(org.id);
    expect(outbox[0]?.changes.map((c) => c.path.join('.'))).toContain('name');
  });

  it('an edit sends only the changed fields, each stamped with a growing clock', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Verein A' });
    deps.advance(1000);
    await updateOrganisation(deps, org, { ...org, members: { ...org.members, memberCount: 42 } });
    const [first, second] = await deps.db.outbox.orderBy('seq').toArray();
    expect(second?.changes.map((c) => c.path.join('.'))).toEqual([
      'updatedAt',
      'members.memberCount',
    ]);
    expect((second?.changes[0]?.stamp ?? '') > (first?.changes[0]?.stamp ?? '~')).toBe(true);
    expect(second?.seq).toBe(2);
  });

  it('when the outbox write fails, the record is not written either', async () => {
    const deps = testDeps();
    deps.db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createOrganisation(deps, { name: 'Verein B' })).rejects.toThrow();
    expect(await deps.db.organisations.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
  });

  it('when the record write fails, no outbox entry remains', async () => {
    const deps = testDeps();
    deps.db.organisations.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    await expect(createOrganisation(deps, { name: 'Verein C' })).rejects.toThrow();
    expect(await deps.db.outbox.count()).toBe(0);
    expect(await deps.db.meta.count()).toBe(0);
  });

  it('an invalid record throws a ValidationError and stores nothing', async () => {
    const deps = testDeps();
    await expect(
      createOrganisation(deps, { name: 'Verein D', status: 'excluded', statusReason: '' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await deps.db.organisations.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
  });

  it('a visit writes visit, needs, referral, follow-up and removes its draft in one go', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Marokkanischer Kulturverein' });
    await saveDraft(deps, { id: 'visit:1', kind: 'visit', title: org.name, data: {} });
    const saved = await saveVisit(deps, visitInput(org.id), 'visit:1');
    expect(saved.visit.checklistUpdates).toEqual({
      findingRooms: { state: 'needed', priority: 'medium', note: '' },
    });
    expect((await deps.db.organisations.get(org.id))?.needs.findingRooms?.state).toBe('needed');
    expect((await deps.db.organisations.get(org.id))?.status).toBe('contacted');
    // The visit verified the checklist: it is now the source of the needs (not a self-report).
    expect((await deps.db.organisations.get(org.id))?.provenance.needs).toEqual({
      source: 'visit',
      verifiedAt: '2026-03-10',
      language: null,
    });
    expect(await deps.db.referrals.count()).toBe(1);
    expect(await deps.db.followUps.count()).toBe(1);
    expect(await deps.db.drafts.count()).toBe(0);
    // organisation create + visit + organisation update + referral + follow-up
    expect(await deps.db.outbox.count()).toBe(5);
  });

  it('two visits saved at once for one organisation both keep their checklist changes', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Polnischer Elternverein' });
    const rooms = visitInput(org.id);
    const training: VisitInput = {
      ...visitInput(org.id),
      checklist: withState(prefill({}), 'volunteerTraining', 'needed'),
    };
    // Each save reads the organisation in its own transaction: neither overwrites the other.
    await Promise.all([saveVisit(deps, rooms), saveVisit(deps, training)]);
    const needs = (await deps.db.organisations.get(org.id))?.needs;
    expect(needs?.findingRooms?.state).toBe('needed');
    expect(needs?.volunteerTraining?.state).toBe('needed');
    expect(await deps.db.outbox.count()).toBe(9);
  });

  it('a visit whose follow-up cannot be written leaves everything as before, draft included', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Italienischer Verein' });
    await saveDraft(deps, {
      id: 'visit:2',
      kind: 'visit',
      title: org.name,
      data: { half: 'typed' },
    });
    deps.db.followUps.hook('creating', () => {
      throw new Error('storage failure');
    });
    await expect(saveVisit(deps, visitInput(org.id), 'visit:2')).rejects.toThrow();
    expect(await deps.db.visits.count()).toBe(0);
    expect(await deps.db.referrals.count()).toBe(0);
    expect((await deps.db.organisations.get(org.id))?.needs).toEqual({});
    expect(await deps.db.outbox.count()).toBe(1);
    expect((await deps.db.drafts.get('visit:2'))?.data).toEqual({ half: 'typed' });
  });

  it('a visit without an organisation is refused and nothing is stored', async () => {
    const deps = testDeps();
    const input = visitInput('');
    await expect(saveVisit(deps, input)).rejects.toMatchObject({
      errors: expect.arrayContaining([
        { path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' },
      ]) as unknown,
    });
    expect(await deps.db.visits.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
  });
  it('a visit for an organisation this device does not hold is refused and nothing is stored', async () => {
    const deps = testDeps();
    await saveDraft(deps, { id: 'visit:3', kind: 'visit', title: '', data: { half: 'typed' } });
    // The visit, its referral and follow-up are put before the organisation is looked up: the
    // refusal must take them back.
    await expect(
      saveVisit(deps, visitInput('00000000-0000-4000-8000-00000000abcd'), 'visit:3'),
    ).rejects.toMatchObject({
      errors: [{ path: 'visit.organisationId', key: 'errors.visitOrganisationRequired' }],
    });
    expect(await deps.db.visits.count()).toBe(0);
    expect(await deps.db.referrals.count()).toBe(0);
    expect(await deps.db.followUps.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
    expect(await deps.db.drafts.get('visit:3')).toBeDefined();
  });
});
