import type { Organisation } from '../../domain/organisation';
import type { BrueckeDb } from '../database';

export interface OrganisationOverview {
  organisations: Organisation[];
  /** Organisation id → date of its latest visit. */
  lastVisits: Map<string, string>;
}

/**
 * Organisations per read request. The browser turns a request's result into objects in one task
 * on the main thread; a thousand organisations at once take long enough to make the page stutter
 * (the overview is read again while a pull writes), a few hundred do not.
 */
export const OVERVIEW_CHUNK = 200;

/** All organisations in primary-key order, one request per OVERVIEW_CHUNK (call in a transaction). */
async function organisationsInChunks(db: BrueckeDb): Promise<Organisation[]> {
  const all: Organisation[] = [];
  let after: string | undefined;
  for (;;) {
    const from =
      after === undefined
        ? db.organisations.toCollection()
        : db.organisations.where(':id').above(after);
    const chunk = await from.limit(OVERVIEW_CHUNK).toArray();
    all.push(...chunk);
    const last = chunk.at(-1);
    if (chunk.length < OVERVIEW_CHUNK || !last) return all;
    after = last.id;
  }
}

/**
 * Everything the organisation list needs: the organisations (in chunks) and the visits'
 * compound index keys, in one read transaction so both are from the same moment.
 */
export async function organisationOverview(db: BrueckeDb): Promise<OrganisationOverview> {
  const [organisations, keys] = await db.transaction('r', db.organisations, db.visits, () =>
    Promise.all([organisationsInChunks(db), db.visits.orderBy('[organisationId+date]').keys()]),
  );
  const lastVisits = new Map<string, string>();
  for (const key of keys) {
    if (!Array.isArray(key)) continue;
    const [orgId, date] = key as unknown[];
    if (typeof orgId !== 'string' || typeof date !== 'string') continue;
    // Keys arrive sorted by organisation, then date: the last one per organisation wins.
    lastVisits.set(orgId, date);
  }
  return { organisations, lastVisits };
}
