import type { CooperationStatus, Organisation } from '../../domain/organisation';
import { buildOrganisationIndex, queryOrganisations } from './list/organisationIndex';

export interface OrganisationFilters {
  query: string;
  district: string;
  status: CooperationStatus | '';
  fieldOfActivity: string;
  openNeed: string;
  sort: 'lastVisit' | 'name';
}

export const emptyFilters: OrganisationFilters = {
  query: '',
  district: '',
  status: '',
  fieldOfActivity: '',
  openNeed: '',
  sort: 'lastVisit',
};

export interface OrganisationRow {
  org: Organisation;
  lastVisit: string | null;
  openNeeds: string[];
}

/**
 * Filters and sorts the organisation list. Pure, so it is tested without a browser. The list
 * screen keeps the index between keystrokes; this builds it for one call.
 */
export function filterOrganisations(
  orgs: readonly Organisation[],
  lastVisits: ReadonlyMap<string, string>,
  filters: OrganisationFilters,
  collator: Intl.Collator,
): OrganisationRow[] {
  return queryOrganisations(buildOrganisationIndex(orgs, lastVisits, collator), filters);
}

export function countByStatus(rows: readonly OrganisationRow[]): Map<CooperationStatus, number> {
  const counts = new Map<CooperationStatus, number>();
  for (const r of rows) counts.set(r.org.status, (counts.get(r.org.status) ?? 0) + 1);
  return counts;
}
