import type { ProvenanceSection } from './organisationValues';
import type { SelfReport } from './selfReport';

/**
 * Which profile questions a self-report asks, and what is still open in a report. No zod here, so
 * the navigation's badge (open self-reports) does not load the schemas; selfReport.ts re-exports
 * everything.
 */

/** The profile questions a representative answers, in the order the phone asks them. */
export const selfReportFieldKeys = [
  'name',
  'originalName',
  'goals',
  'memberCount',
  'activeVolunteers',
  'peopleReached',
  'ageGroups',
  'foundingYear',
  'ownRooms',
] as const;
export type SelfReportFieldKey = (typeof selfReportFieldKeys)[number];

export interface SelfReportField {
  /** Where the answer lives in the organisation record. */
  readonly path: readonly [string] | readonly [string, string];
  /** The profile section whose provenance an accepted answer sets. */
  readonly section: ProvenanceSection;
  /** Free text keeps the representative's own words and language. */
  readonly freeText: boolean;
}

export const selfReportFields: Readonly<Record<SelfReportFieldKey, SelfReportField>> = {
  name: { path: ['name'], section: 'names', freeText: true },
  originalName: { path: ['originalName'], section: 'names', freeText: true },
  goals: { path: ['goals'], section: 'activities', freeText: true },
  memberCount: { path: ['members', 'memberCount'], section: 'members', freeText: false },
  activeVolunteers: { path: ['members', 'activeVolunteers'], section: 'members', freeText: false },
  peopleReached: { path: ['members', 'peopleReached'], section: 'members', freeText: false },
  ageGroups: { path: ['members', 'ageGroups'], section: 'members', freeText: false },
  foundingYear: { path: ['foundingYear'], section: 'establishment', freeText: false },
  ownRooms: { path: ['ownRooms'], section: 'establishment', freeText: false },
};

export function answeredFields(report: SelfReport): SelfReportFieldKey[] {
  return selfReportFieldKeys.filter((key) => report.answers[key] !== undefined);
}

/** Answers and checklist items still waiting for the coordinator's decision. */
export function openItems(report: SelfReport): { fields: SelfReportFieldKey[]; needs: string[] } {
  return {
    fields: answeredFields(report).filter((key) => !report.decisions.fields[key]),
    needs: Object.keys(report.needs).filter((id) => !report.decisions.needs[id]),
  };
}

export function isFullyReviewed(report: SelfReport): boolean {
  const open = openItems(report);
  return open.fields.length === 0 && open.needs.length === 0;
}
