import type { RepoDeps } from '../../src/db/deps';
import { createOrganisation } from '../../src/db/repositories/organisations';
import type { Organisation } from '../../src/domain/organisation';
import {
  selfReportFromSubmission,
  type SelfReport,
  type SelfReportSubmission,
} from '../../src/domain/selfReport';

export const ARABIC_GOALS = 'نعمل مع العائلات\n  ودروس اللغة العربية للأطفال';

/** An organisation created on this device (its outbox entry cleared, as if it had been synced). */
export async function syncedOrganisation(deps: RepoDeps): Promise<Organisation> {
  const org = await createOrganisation(deps, {
    name: 'Arabischer Kulturverein',
    goals: 'Kulturarbeit',
    members: {
      memberCount: 40,
      activeVolunteers: null,
      ageGroups: ['adults'],
      arrivalPeriods: [],
      shareBornInGermanyPercent: null,
      languages: ['ar'],
      originCountries: [],
      peopleReached: null,
    },
  });
  await deps.db.outbox.clear();
  return org;
}

/** A self-report as it arrives through a pull: stored as it is, no outbox entry. */
export async function pulledSelfReport(
  deps: RepoDeps,
  organisationId: string,
  overrides: Partial<SelfReportSubmission> = {},
  submittedAt = '2026-03-09T18:30:00.000Z',
): Promise<SelfReport> {
  const submission: SelfReportSubmission = {
    id: deps.newId(),
    language: 'ar',
    answers: { goals: ARABIC_GOALS, memberCount: 55, ageGroups: ['children', 'adults'] },
    needs: { findingRooms: { state: 'needed', priority: 'high', note: 'قاعة للاجتماعات' } },
    ...overrides,
  };
  const report = selfReportFromSubmission(
    submission,
    { organisationId, invitationId: deps.newId() },
    submittedAt,
  );
  await deps.db.selfReports.put(report);
  return report;
}
