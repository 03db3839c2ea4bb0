import { useLiveQuery } from 'dexie-react-hooks';
import type { BrueckeDb } from '../../db/database';
import { organisationForVisit, visitableOrganisations } from '../../db/queries/visitContext';
import type { Organisation } from '../../domain/organisation';

export interface VisitOrganisations {
  /** The organisation the form is about, as stored now; null while loading, unknown or deleted. */
  org: Organisation | null;
  /** The form names an organisation that is not (or no longer) on this device. */
  orgMissing: boolean;
  /**
   * Every organisation a visit can be recorded for, read only while one is to be chosen (none
   * chosen, or the chosen one is missing); undefined otherwise and while loading.
   */
  organisations: readonly Organisation[] | undefined;
}

/**
 * The visit form's organisations. Only the chosen one is read (and watched) while it is there: the
 * whole list is for the picker, and reading a thousand organisations again after every change
 * (the form's own save changes the organisation) made saving slow.
 */
export function useVisitOrganisations(db: BrueckeDb, organisationId: string): VisitOrganisations {
  const chosen = useLiveQuery(
    async () => ({
      id: organisationId,
      org: organisationId === '' ? null : await organisationForVisit(db, organisationId),
    }),
    [db, organisationId],
  );
  // Until the new id's answer is in, the previous id's answer is still here: it does not count.
  const current = chosen?.id === organisationId ? chosen : undefined;
  const org = current?.org ?? null;
  const picking = current !== undefined && org === null;
  const organisations = useLiveQuery(
    () => (picking ? visitableOrganisations(db) : Promise.resolve(undefined)),
    [db, picking],
  );
  return {
    org,
    orgMissing: picking && organisationId !== '',
    organisations: picking ? organisations : undefined,
  };
}
