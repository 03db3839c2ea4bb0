import { openNeeds } from '../../../domain/checklist';
import type { Organisation } from '../../../domain/organisation';
import { matchesWords, queryWords, searchKey } from '../../../domain/search';
import type { OrganisationFilters, OrganisationRow } from '../filterOrganisations';

/** Every name an organisation goes by, folded for search (official, original script, short). */
export function organisationSearchKey(org: Organisation): string {
  return searchKey([org.name, org.originalName, org.shortName].join(' '));
}

interface Entry {
  row: OrganisationRow;
  /** `organisationSearchKey`, computed once. */
  key: string;
}

/**
 * The list's organisations prepared once per data change: deleted ones left out, search keys
 * and open needs computed, and both sort orders ready. Each keystroke or filter change then only
 * filters (`queryOrganisations`), without folding names or sorting again.
 */
export interface OrganisationIndex {
  /** Most recently visited first, never visited last, then by name. */
  byLastVisit: readonly Entry[];
  /** By name in the UI language's collation. */
  byName: readonly Entry[];
}

/** ISO dates compare as strings; no date sorts after every date. */
function newerFirst(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
}

/** Whether two versions of an organisation have the same search key (the same names). */
const sameNames = (a: Organisation, b: Organisation): boolean =>
  a.name === b.name && a.originalName === b.originalName && a.shortName === b.shortName;

/**
 * With `previous` (the index of the data before a change), the search keys of organisations
 * whose names did not change are taken from it instead of being folded again: while a pull
 * writes, the list is rebuilt every second, and folding a thousand names is most of a rebuild.
 */
export function buildOrganisationIndex(
  orgs: readonly Organisation[],
  lastVisits: ReadonlyMap<string, string>,
  collator: Pick<Intl.Collator, 'compare'>,
  previous?: OrganisationIndex,
): OrganisationIndex {
  const before = new Map(previous?.byName.map((e) => [e.row.org.id, e]));
  const entries: Entry[] = [];
  for (const org of orgs) {
    if (org.deleted) continue;
    const old = before.get(org.id);
    entries.push({
      row: { org, lastVisit: lastVisits.get(org.id) ?? null, openNeeds: openNeeds(org.needs) },
      key: old && sameNames(old.row.org, org) ? old.key : organisationSearchKey(org),
    });
  }
  const byName = [...entries].sort((a, b) => collator.compare(a.row.org.name, b.row.org.name));
  // A stable sort of the name order: equal visit dates stay in name order.
  const byLastVisit = [...byName].sort((a, b) => newerFirst(a.row.lastVisit, b.row.lastVisit));
  return { byLastVisit, byName };
}

/** The rows matching the filters, in the chosen order. */
export function queryOrganisations(
  index: OrganisationIndex,
  filters: OrganisationFilters,
): OrganisationRow[] {
  const words = queryWords(filters.query);
  const rows: OrganisationRow[] = [];
  for (const { row, key } of filters.sort === 'name' ? index.byName : index.byLastVisit) {
    const { org } = row;
    if (filters.district && org.district !== filters.district) continue;
    if (filters.status && org.status !== filters.status) continue;
    if (filters.fieldOfActivity && !org.fieldsOfActivity.includes(filters.fieldOfActivity))
      continue;
    if (filters.openNeed && !row.openNeeds.includes(filters.openNeed)) continue;
    if (!matchesWords(key, words)) continue;
    rows.push(row);
  }
  return rows;
}
