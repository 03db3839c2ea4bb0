import type { Organisation } from '../../domain/organisation';
import type { BrueckeDb, Draft } from '../database';

/** Organisations a visit can be recorded for (everything not deleted). */
export async function visitableOrganisations(db: BrueckeDb): Promise<Organisation[]> {
  const all = await db.organisations.toArray();
  return all.filter((o) => !o.deleted);
}

/** One organisation as stored now, or null (unknown or deleted). */
export async function organisationForVisit(
  db: BrueckeDb,
  id: string,
): Promise<Organisation | null> {
  const org = await db.organisations.get(id);
  return org && !org.deleted ? org : null;
}

/** A stored visit draft, or null when there is none with that id. */
export async function visitDraft(db: BrueckeDb, id: string): Promise<Draft | null> {
  const draft = await db.drafts.get(id);
  return draft?.kind === 'visit' ? draft : null;
}
