import { randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { invitationStatus, isInvitationToken } from '../../domain/invitation';
import type { InvitationStore } from '../invitations/invitationStore';
import { hashInvitationToken, looksLikeInvitationToken } from '../invitations/invitationToken';
import type { AccountStore } from './accountStore';
import { createLoginThrottle, type LoginThrottle, type LoginThrottleLimits } from './loginThrottle';
import { hashPassword, PRODUCTION_SCRYPT, type ScryptParams } from './password';
import type { Principal } from './principal';

/** Name of the session cookie (httpOnly, SameSite=Strict, Path=/). */
export const SESSION_COOKIE = 'bruecke_session';

/** Default session lifetime: 30 days. */
export const DEFAULT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Everything the auth routes and `requirePrincipal` need; one per server (`app.brueckeAuth`). */
export interface AuthContext {
  accounts: AccountStore;
  /** Invitation links of representatives; without it, invitation tokens are unknown. */
  invitations: InvitationStore | null;
  now: () => Date;
  sessionTtlMs: number;
  /** Always mark the cookie `Secure` (otherwise only when the request came over https). */
  secureCookies: boolean;
  throttle: LoginThrottle;
  /** A hash of a random password with the server's scrypt cost, to verify unknown logins against. */
  dummyHash: () => Promise<string>;
}

export interface AuthContextOptions {
  accounts: AccountStore;
  invitations?: InvitationStore;
  now: () => Date;
  sessionTtlMs?: number;
  secureCookies?: boolean;
  /** Cost of the dummy hash; match the cost real hashes are made with. */
  passwordParams?: ScryptParams;
  throttleLimits?: LoginThrottleLimits;
}

export function createAuthContext(options: AuthContextOptions): AuthContext {
  const sessionTtlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  if (!Number.isFinite(sessionTtlMs) || sessionTtlMs <= 0) {
    throw new Error(`sessionTtlMs must be positive, got ${sessionTtlMs}`);
  }
  const params = options.passwordParams ?? PRODUCTION_SCRYPT;
  let dummy: Promise<string> | undefined;
  return {
    accounts: options.accounts,
    invitations: options.invitations ?? null,
    now: options.now,
    sessionTtlMs,
    secureCookies: options.secureCookies ?? false,
    throttle: createLoginThrottle(options.now, options.throttleLimits),
    dummyHash: () => (dummy ??= hashPassword(randomBytes(18).toString('base64'), params)),
  };
}

/**
 * The credential a request carries: an `Authorization: Bearer <token>` header (non-browser
 * clients, invitation tokens) wins over the session cookie.
 */
export function credentialOf(
  request: FastifyRequest,
): { token: string; source: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
    if (match?.[1]) return { token: match[1], source: 'bearer' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, source: 'cookie' } : null;
}

/** Why a request has no principal; the `code` of its 401 answer. */
export type AuthFailure = 'unauthenticated' | 'invitation_expired' | 'invitation_revoked';

export type AuthResult = { ok: true; principal: Principal } | { ok: false; code: AuthFailure };

const UNAUTHENTICATED: AuthResult = { ok: false, code: 'unauthenticated' };

/**
 * The principal behind a request's credential. A token starting with `inv_` is only ever an
 * invitation (never looked up as a session): valid until its `expiresAt` by the injected clock and
 * unless revoked. Anything else is a coordinator session.
 */
export async function authenticate(
  auth: AuthContext,
  request: FastifyRequest,
): Promise<AuthResult> {
  const credential = credentialOf(request);
  if (!credential) return UNAUTHENTICATED;
  if (looksLikeInvitationToken(credential.token)) {
    if (credential.source !== 'bearer' || !isInvitationToken(credential.token)) {
      return UNAUTHENTICATED;
    }
    const invitation = await auth.invitations?.findByTokenHash(
      hashInvitationToken(credential.token),
    );
    if (!invitation) return UNAUTHENTICATED;
    const status = invitationStatus(invitation, auth.now());
    if (status === 'revoked') return { ok: false, code: 'invitation_revoked' };
    if (status === 'expired') return { ok: false, code: 'invitation_expired' };
    return {
      ok: true,
      principal: {
        kind: 'invitation',
        invitationId: invitation.id,
        organisationId: invitation.organisationId,
      },
    };
  }
  const user = auth.accounts.findSession(credential.token, auth.now());
  if (!user) return UNAUTHENTICATED;
  return {
    ok: true,
    principal: {
      kind: 'coordinator',
      userId: user.id,
      login: user.login,
      displayName: user.displayName,
    },
  };
}

/** Cookie attributes for setting (with `maxAge`) or clearing the session cookie. */
export function sessionCookieOptions(
  auth: AuthContext,
  request: FastifyRequest,
  maxAgeSeconds?: number,
): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: auth.secureCookies || request.protocol === 'https',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}
