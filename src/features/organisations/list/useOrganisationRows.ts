import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrueckeDb } from '../../../db/database';
import type { OrganisationOverview } from '../../../db/queries/organisations';
import { watchOrganisationOverview } from '../../../db/queries/organisationOverviewCache';
import type { OrganisationFilters, OrganisationRow } from '../filterOrganisations';
import {
  buildOrganisationIndex,
  queryOrganisations,
  type OrganisationIndex,
} from './organisationIndex';

/** The index of each overview, per UI language: built once, however often the list is opened. */
const indexes = new WeakMap<OrganisationOverview, Map<string, OrganisationIndex>>();
/** The index built last per database and language, whose search keys the next one reuses. */
const latest = new WeakMap<BrueckeDb, Map<string, OrganisationIndex>>();

/**
 * Name order in the UI language. The collator is made when two names are first compared: the
 * first one of a page load costs about 20 ms (ICU loads its rules), which an empty list, as on a
 * first start, does not need to pay while the app starts.
 */
function nameOrder(language: string): Pick<Intl.Collator, 'compare'> {
  let collator: Intl.Collator | undefined;
  return {
    compare: (a, b) =>
      (collator ??= new Intl.Collator(language, { sensitivity: 'base' })).compare(a, b),
  };
}

function indexOf(
  db: BrueckeDb,
  overview: OrganisationOverview,
  language: string,
): OrganisationIndex {
  const byLanguage = indexes.get(overview) ?? new Map<string, OrganisationIndex>();
  indexes.set(overview, byLanguage);
  let index = byLanguage.get(language);
  if (!index) {
    const collator = nameOrder(language);
    const previous = latest.get(db) ?? new Map<string, OrganisationIndex>();
    latest.set(db, previous);
    index = buildOrganisationIndex(
      overview.organisations,
      overview.lastVisits,
      collator,
      previous.get(language),
    );
    byLanguage.set(language, index);
    previous.set(language, index);
  }
  return index;
}

export interface OrganisationRows {
  /** Undefined until the first read (on the very first visit of the list). */
  rows: OrganisationRow[] | undefined;
  /** Organisations not deleted. */
  total: number;
}

/**
 * The filtered, sorted rows of the organisation list, live: the overview is read again when
 * organisations or visits change (see organisationOverviewCache.ts), not on every visit of the
 * list, and each keystroke only filters the prepared index.
 */
export function useOrganisationRows(db: BrueckeDb, filters: OrganisationFilters): OrganisationRows {
  const { i18n } = useTranslation();
  const watch = watchOrganisationOverview(db);
  const overview = useSyncExternalStore(watch.subscribe, watch.current);
  const failure = overview === undefined ? watch.error() : undefined;
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error('The organisations could not be read.');
  const index = useMemo(
    () => (overview ? indexOf(db, overview, i18n.language) : undefined),
    [db, overview, i18n.language],
  );
  const rows = useMemo(
    () => (index ? queryOrganisations(index, filters) : undefined),
    [index, filters],
  );
  return { rows, total: index?.byName.length ?? 0 };
}
