import { createHash, randomBytes } from 'node:crypto';

/** A new raw invitation token: `inv_` + 32 random bytes in base64url. */
export function newInvitationToken(): string {
  return `inv_${randomBytes(32).toString('base64url')}`;
}

/** What the server stores for a token: its SHA-256 in hex. */
export function hashInvitationToken(rawToken: string): string {
  return createHash('sha256').update(rawToken, 'utf8').digest('hex');
}

/** Whether a credential is meant as an invitation token (then it is never a session). */
export function looksLikeInvitationToken(rawToken: string): boolean {
  return rawToken.startsWith('inv_');
}
