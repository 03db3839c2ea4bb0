import { describe, expect, it } from 'vitest';
import { newOrganisation, organisationSchema } from '../../src/domain/organisation';
import {
  acceptAnswer,
  acceptNeed,
  changedAnswers,
  changedNeeds,
  currentAnswers,
  isFullyReviewed,
  openItems,
  selfReportFromSubmission,
  selfReportSchema,
  selfReportSubmissionSchema,
  type SelfReport,
} from '../../src/domain/selfReport';

const orgId = '11111111-1111-4111-8111-111111111111';
const invitationId = '22222222-2222-4222-8222-222222222222';
const reportId = '33333333-3333-4333-8333-333333333333';
const now = '2026-11-25T10:00:00.000Z';

function organisation() {
  const org = newOrganisation(orgId, now);
  org.name = 'Brückenverein';
  org.members.memberCount = 30;
  return org;
}

function report(overrides: Partial<SelfReport> = {}): SelfReport {
  return {
    ...selfReportFromSubmission(
      {
        id: reportId,
        language: 'ar',
        answers: { name: 'جمعية الجسر', memberCount: 42 },
        needs: { findingRooms: { state: 'needed', priority: 'high', note: 'نحتاج قاعة' } },
      },
      { organisationId: orgId, invitationId },
      now,
    ),
    ...overrides,
  };
}

describe('a self-report', () => {
  it('starts from the organisation’s current answers and carries only what changed', () => {
    const before = currentAnswers(organisation());
    expect(before.name).toBe('Brückenverein');
    expect(before.memberCount).toBe(30);
    const after = { ...before, memberCount: 42, goals: 'Hausaufgabenhilfe' };
    expect(changedAnswers(before, after)).toEqual({ memberCount: 42, goals: 'Hausaufgabenhilfe' });
    const needsBefore = { findingRooms: { state: 'unknown' as const, priority: null, note: '' } };
    expect(
      changedNeeds(needsBefore, {
        findingRooms: { state: 'unknown', priority: null, note: '' },
        youthWork: { state: 'needed', priority: 'medium', note: '' },
      }),
    ).toEqual({ youthWork: { state: 'needed', priority: 'medium', note: '' } });
  });

  it('is a valid synced record that keeps the text as typed with its language', () => {
    const r = report();
    expect(selfReportSchema.parse(r)).toEqual(r);
    expect(r.answers.name).toBe('جمعية الجسر');
    expect(r.language).toBe('ar');
  });

  it('refuses submissions with unknown fields, bad values or unknown checklist items', () => {
    const base = { id: reportId, language: 'ar', answers: {}, needs: {} };
    expect(selfReportSubmissionSchema.safeParse(base).success).toBe(true);
    for (const bad of [
      { ...base, organisationId: orgId },
      { ...base, answers: { status: 'excluded' } },
      { ...base, answers: { memberCount: -1 } },
      { ...base, answers: { name: '' } },
      { ...base, answers: { goals: 'x'.repeat(20_001) } },
      { ...base, needs: { noSuchItem: { state: 'needed', priority: null, note: '' } } },
      { ...base, language: 'Arabic!' },
    ]) {
      expect(selfReportSubmissionSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('accepting an answer sets the value and the section’s provenance (self-report, date, language)', () => {
    const org = acceptAnswer(organisation(), report(), 'memberCount');
    expect(org.members.memberCount).toBe(42);
    expect(org.provenance.members).toEqual({
      source: 'selfReport',
      verifiedAt: '2026-11-25',
      language: 'ar',
    });
    expect(org.name).toBe('Brückenverein');
    expect(organisationSchema.safeParse(org).success).toBe(true);
  });

  it('accepting a checklist item updates the needs and their provenance', () => {
    const org = acceptNeed(organisation(), report(), 'findingRooms');
    expect(org.needs.findingRooms).toEqual({
      state: 'needed',
      priority: 'high',
      note: 'نحتاج قاعة',
    });
    expect(org.provenance.needs?.source).toBe('selfReport');
    expect(organisationSchema.safeParse(org).success).toBe(true);
  });

  it('counts what still waits for a decision', () => {
    const r = report();
    expect(openItems(r)).toEqual({ fields: ['name', 'memberCount'], needs: ['findingRooms'] });
    const decided = report({
      decisions: {
        fields: {
          name: { decision: 'rejected', decidedAt: now },
          memberCount: { decision: 'accepted', decidedAt: now },
        },
        needs: { findingRooms: { decision: 'accepted', decidedAt: now } },
      },
    });
    expect(isFullyReviewed(decided)).toBe(true);
    expect(isFullyReviewed(r)).toBe(false);
  });
});
