import type { Invitation } from '../../domain/invitation';

export interface NewInvitation {
  id: string;
  organisationId: string;
  /** SHA-256 (hex) of the raw token; the store never sees the token. */
  tokenHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * What the invitation routes and the auth check need from storage, and nothing more (like
 * `SyncStore`): a PostgreSQL store can implement it without touching the routes. Times are ISO
 * 8601 strings in UTC, passed in by the caller (the server's injected clock).
 */
export interface InvitationStore {
  create(invitation: NewInvitation): Promise<Invitation>;
  findByTokenHash(tokenHash: string): Promise<Invitation | null>;
  findById(id: string): Promise<Invitation | null>;
  /** The organisation's invitations, newest first. */
  listByOrganisation(organisationId: string): Promise<Invitation[]>;
  /** Sets `revokedAt` unless it is set already; null if there is no such invitation. */
  revoke(id: string, revokedAt: string): Promise<Invitation | null>;
}
