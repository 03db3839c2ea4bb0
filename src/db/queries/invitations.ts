import type { BrueckeDb, LocalInvitation } from '../database';

/** The invitations this device knows for one organisation, newest first. */
export async function invitationsOf(
  db: BrueckeDb,
  organisationId: string,
): Promise<LocalInvitation[]> {
  const rows = await db.invitations.where('organisationId').equals(organisationId).toArray();
  return rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
