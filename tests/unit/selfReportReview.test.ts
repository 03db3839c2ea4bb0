import { describe, expect, it } from 'vitest';
import {
  decideItems,
  remainingItems,
  SelfReportOrganisationMissing,
} from '../../src/db/repositories/selfReviews';
import { ARABIC_GOALS, pulledSelfReport, syncedOrganisation } from './selfReportReviewFixtures';
import { testDeps } from './testDeps';

const paths = (changes: { path: string[] }[] | undefined): string[] =>
  (changes ?? []).map((c) => c.path.join('.')).sort();

describe('reviewing a self-report', () => {
  it('accepting writes the organisation, the decision and both outbox entries together', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    deps.advance(60_000);

    const outcome = await decideItems(
      deps,
      report.id,
      [{ kind: 'field', key: 'goals' }],
      'accepted',
    );

    expect(outcome).toBe('decided');
    const savedOrg = await deps.db.organisations.get(org.id);
    expect(savedOrg?.goals).toBe(ARABIC_GOALS);
    expect(savedOrg?.provenance.activities).toEqual({
      source: 'selfReport',
      verifiedAt: '2026-03-09',
      language: 'ar',
    });
    const savedReport = await deps.db.selfReports.get(report.id);
    expect(savedReport?.decisions.fields.goals).toEqual({
      decision: 'accepted',
      decidedAt: '2026-03-10T09:01:00.000Z',
    });
    expect(savedReport?.answers.goals).toBe(ARABIC_GOALS);
    const outbox = await deps.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((m) => [m.table, m.recordId])).toEqual([
      ['organisations', org.id],
      ['selfReports', report.id],
    ]);
    expect(paths(outbox[0]?.changes)).toEqual([
      'goals',
      'provenance.activities.language',
      'provenance.activities.source',
      'provenance.activities.verifiedAt',
      'updatedAt',
    ]);
    // Coordinators change only the decisions (and updatedAt) of a self-report.
    expect(paths(outbox[1]?.changes)).toEqual([
      'decisions.fields.goals.decidedAt',
      'decisions.fields.goals.decision',
      'updatedAt',
    ]);
  });

  it('a failure while writing leaves neither the organisation nor the decision', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    let outboxWrites = 0;
    deps.db.outbox.hook('creating', () => {
      outboxWrites += 1;
      // The organisation's entry goes in; the self-report's fails (disk full).
      if (outboxWrites === 2) throw new Error('disk full');
    });

    await expect(
      decideItems(deps, report.id, [{ kind: 'field', key: 'goals' }], 'accepted'),
    ).rejects.toThrow('disk full');

    expect(await deps.db.organisations.get(org.id)).toEqual(org);
    expect(await deps.db.selfReports.get(report.id)).toEqual(report);
    expect(await deps.db.outbox.count()).toBe(0);
  });

  it('rejecting records only the decision; the organisation stays untouched', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);

    await decideItems(deps, report.id, [{ kind: 'field', key: 'memberCount' }], 'rejected');
    await decideItems(deps, report.id, [{ kind: 'need', itemId: 'findingRooms' }], 'rejected');

    expect(await deps.db.organisations.get(org.id)).toEqual(org);
    const saved = await deps.db.selfReports.get(report.id);
    expect(saved?.decisions.fields.memberCount?.decision).toBe('rejected');
    expect(saved?.decisions.needs.findingRooms?.decision).toBe('rejected');
    const outbox = await deps.db.outbox.toArray();
    expect(outbox.map((m) => m.table)).toEqual(['selfReports', 'selfReports']);
  });

  it('accepting a checklist item sets it with the needs provenance', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);

    await decideItems(deps, report.id, [{ kind: 'need', itemId: 'findingRooms' }], 'accepted');

    const saved = await deps.db.organisations.get(org.id);
    expect(saved?.needs.findingRooms).toEqual({
      state: 'needed',
      priority: 'high',
      note: 'قاعة للاجتماعات',
    });
    expect(saved?.provenance.needs).toEqual({
      source: 'selfReport',
      verifiedAt: '2026-03-09',
      language: 'ar',
    });
    expect((await deps.db.selfReports.get(report.id))?.decisions.needs.findingRooms).toEqual({
      decision: 'accepted',
      decidedAt: '2026-03-10T09:00:00.000Z',
    });
  });

  it('a decided item is not decided twice', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    const goals = [{ kind: 'field', key: 'goals' } as const];

    await decideItems(deps, report.id, goals, 'rejected');
    const outboxBefore = await deps.db.outbox.count();

    expect(await decideItems(deps, report.id, goals, 'accepted')).toBe('alreadyDecided');
    expect(await deps.db.outbox.count()).toBe(outboxBefore);
    expect((await deps.db.organisations.get(org.id))?.goals).toBe('Kulturarbeit');
  });

  it('accepting all remaining answers writes them in one go', async () => {
    const deps = testDeps();
    const org = await syncedOrganisation(deps);
    const report = await pulledSelfReport(deps, org.id);
    await decideItems(deps, report.id, [{ kind: 'field', key: 'goals' }], 'rejected');
    const fresh = await deps.db.selfReports.get(report.id);
    if (!fresh) throw new Error('report missing');

    const remaining = remainingItems(fresh);
    expect(remaining).toEqual([
      { kind: 'field', key: 'memberCount' },
      { kind: 'field', key: 'ageGroups' },
      { kind: 'need', itemId: 'findingRooms' },
    ]);
    await decideItems(deps, report.id, remaining, 'accepted');

    const saved = await deps.db.organisations.get(org.id);
    expect(saved?.goals).toBe('Kulturarbeit');
    expect(saved?.members.memberCount).toBe(55);
    expect(saved?.members.ageGroups).toEqual(['children', 'adults']);
    expect(saved?.needs.findingRooms?.state).toBe('needed');
    expect(remainingItems((await deps.db.selfReports.get(report.id)) ?? fresh)).toEqual([]);
  });

  it('cannot accept without the organisation on the device, but can reject', async () => {
    const deps = testDeps();
    const report = await pulledSelfReport(deps, '00000000-0000-4000-8000-0000000000ff');
    const goals = [{ kind: 'field', key: 'goals' } as const];

    await expect(decideItems(deps, report.id, goals, 'accepted')).rejects.toBeInstanceOf(
      SelfReportOrganisationMissing,
    );
    expect(await deps.db.outbox.count()).toBe(0);
    expect((await deps.db.selfReports.get(report.id))?.decisions.fields).toEqual({});

    expect(await decideItems(deps, report.id, goals, 'rejected')).toBe('decided');
  });
});
