import type { LocalInvitation } from '../database';
import type { RepoDeps } from '../deps';

/**
 * Invitations this device knows, local only (never synced). One this device created keeps its
 * token, so its link and QR code can be shown again offline. One learnt from the server's list
 * (created on another device) has `token: ''`: the server never hands a token out again.
 */

/** What the server says about an invitation (its wire shape, without who created it). */
export type InvitationFacts = Omit<LocalInvitation, 'token'>;

/** Keeps an invitation this device just created, with its token. */
export async function saveCreatedInvitation(
  deps: RepoDeps,
  invitation: InvitationFacts,
  token: string,
): Promise<LocalInvitation> {
  const record: LocalInvitation = { ...pick(invitation), token };
  await deps.db.invitations.put(record);
  return record;
}

function pick(i: InvitationFacts): InvitationFacts {
  return {
    id: i.id,
    organisationId: i.organisationId,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    revokedAt: i.revokedAt,
  };
}

/**
 * Takes the server's word on expiry and revocation for every listed invitation (tokens known
 * here are kept) and adds those created elsewhere, in one transaction.
 */
export async function mergeServerInvitations(
  deps: RepoDeps,
  invitations: readonly InvitationFacts[],
): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', db.invitations, async () => {
    const known = await db.invitations.bulkGet(invitations.map((i) => i.id));
    await db.invitations.bulkPut(
      invitations.map((i, n) => ({ ...pick(i), token: known[n]?.token ?? '' })),
    );
  });
}

/** Records that the server revoked an invitation (keeps the token: the row stays readable). */
export async function markInvitationRevoked(
  deps: RepoDeps,
  invitation: InvitationFacts,
): Promise<void> {
  await mergeServerInvitations(deps, [invitation]);
}
