import { openNeeds } from '../../domain/checklist';
import type { CooperationStatus, Organisation } from '../../domain/organisation';
import { matchesQuery, searchKey } from '../../domain/search';

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

/** Every name an organisation goes by, folded for search (official, original script, short). */
export function organisationSearchKey(org: Organisation): string {
  return searchKey([org.name, org.originalName, org.shortName].join(' '));
}

/**
 * Filters and sorts the organisation list. Pure, so it is tested without a browser and
 * is fast enough for a thousand organisations on every keystroke.
 */
export function filterOrganisations(
  orgs: readonly Organisation[],
  lastVisits: ReadonlyMap<string, string>,
  filters: OrganisationFilters,
  collator: Intl.Collator,
): OrganisationRow[] {
  const rows: OrganisationRow[] = [];
  for (const org of orgs) {
    if (org.deleted) continue;
    if (filters.district && org.district !== filters.district) continue;
    if (filters.status && org.status !== filters.status) continue;
    if (filters.fieldOfActivity && !org.fieldsOfActivity.includes(filters.fieldOfActivity))
      continue;
    const needs = openNeeds(org.needs);
    if (filters.openNeed && !needs.includes(filters.openNeed)) continue;
    if (filters.query && !matchesQuery(organisationSearchKey(org), filters.query)) continue;
    rows.push({ org, lastVisit: lastVisits.get(org.id) ?? null, openNeeds: needs });
  }
  return rows.sort((a, b) => {
    if (filters.sort === 'lastVisit') {
      // Most recently visited first; never visited last.
      const byVisit = (b.lastVisit ?? '').localeCompare(a.lastVisit ?? '');
      if (byVisit !== 0) return byVisit;
    }
    return collator.compare(a.org.name, b.org.name);
  });
}

export function countByStatus(rows: readonly OrganisationRow[]): Map<CooperationStatus, number> {
  const counts = new Map<CooperationStatus, number>();
  for (const r of rows) counts.set(r.org.status, (counts.get(r.org.status) ?? 0) + 1);
  return counts;
}
