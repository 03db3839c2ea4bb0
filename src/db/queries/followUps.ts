import type { FollowUp } from '../../domain/visit';
import type { BrueckeDb } from '../database';

export interface FollowUpOrganisation {
  id: string;
  name: string;
  originalName: string;
}

export interface FollowUpOverview {
  /** Every follow-up that is not deleted, open and done. */
  followUps: FollowUp[];
  /** Organisation id → what the list shows of it. */
  organisations: Map<string, FollowUpOrganisation>;
}

/** All follow-ups across organisations, with the names of their organisations. */
export async function followUpOverview(db: BrueckeDb): Promise<FollowUpOverview> {
  const followUps = (await db.followUps.toArray()).filter((f) => !f.deleted);
  const ids = [...new Set(followUps.map((f) => f.organisationId))];
  const orgs = await db.organisations.bulkGet(ids);
  const organisations = new Map<string, FollowUpOrganisation>();
  for (const org of orgs) {
    if (org) {
      organisations.set(org.id, { id: org.id, name: org.name, originalName: org.originalName });
    }
  }
  return { followUps, organisations };
}
