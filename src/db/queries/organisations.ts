import type { Organisation } from '../../domain/organisation';
import type { BrueckeDb } from '../database';

export interface OrganisationOverview {
  organisations: Organisation[];
  /** Organisation id → date of its latest visit. */
  lastVisits: Map<string, string>;
}

/** Everything the organisation list needs, read in one go from the compound index. */
export async function organisationOverview(db: BrueckeDb): Promise<OrganisationOverview> {
  const [organisations, keys] = await Promise.all([
    db.organisations.toArray(),
    db.visits.orderBy('[organisationId+date]').keys(),
  ]);
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
