import type {
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import { looksLikeInvitationToken } from '../invitations/invitationToken';
import { sendError } from '../httpErrors';
import {
  type AuthContext,
  type AuthFailure,
  authenticate,
  credentialOf,
  SESSION_COOKIE,
  sessionCookieOptions,
} from './authContext';
import { type Action, can, type Principal } from './principal';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by `createServer`. */
    brueckeAuth: AuthContext;
  }
  interface FastifyRequest {
    /** Set by {@link requirePrincipal}; null on routes without it. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * Routes that an invitation token may reach (the self-report, and public routes such as
     * login and health). On every other `/api` route a valid invitation token is answered
     * `403 forbidden` by {@link refuseInvitationTokens}, whether the route checks it or not.
     */
    allowInvitationToken?: boolean;
  }
}

const FAILURE_MESSAGES: Record<AuthFailure, string> = {
  unauthenticated: 'Not logged in, or the session has expired.',
  invitation_expired:
    'This invitation link has expired; ask the coordination office for a new one.',
  invitation_revoked:
    'This invitation link was withdrawn; ask the coordination office for a new one.',
};

/** A session cookie that did not authenticate is cleared, so the browser stops sending it. */
export function clearRefusedSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (credentialOf(request)?.source === 'cookie') {
    void reply.clearCookie(
      SESSION_COOKIE,
      sessionCookieOptions(request.server.brueckeAuth, request),
    );
  }
}

/** A fixed action, or one computed from the (already validated) request. */
export type ActionFor = Action | ((request: FastifyRequest) => Action);

/**
 * A hook (`onRequest` or `preHandler`) that resolves the principal from the
 * `Authorization: Bearer` header or the session cookie and sets `request.principal`. Answers 401
 * when there is none, with the code `unauthenticated` (missing, expired, forged, disabled user,
 * unknown invitation) or `invitation_expired` / `invitation_revoked`, and 403
 * `{ code: 'forbidden' }` when `can(principal, action)` says no. Without `action` it only
 * authenticates.
 *
 * ```ts
 * app.get('/sync/pull', { onRequest: requirePrincipal({ type: 'sync.pull' }) }, handler);
 * app.post('/invitations/:id/revoke', {
 *   onRequest: requirePrincipal({ type: 'invitations.manage' }),
 * }, handler);
 * ```
 * Handlers that need finer checks (e.g. every mutation of a push) call `can(principalOf(request), …)`.
 */
export function requirePrincipal(action?: ActionFor): preHandlerAsyncHookHandler {
  return async function requirePrincipalHook(request, reply) {
    const auth = request.server.brueckeAuth;
    const result = await authenticate(auth, request);
    if (!result.ok) {
      clearRefusedSessionCookie(request, reply);
      return sendError(reply, 401, result.code, FAILURE_MESSAGES[result.code]);
    }
    request.principal = result.principal;
    if (action !== undefined) {
      const wanted = typeof action === 'function' ? action(request) : action;
      if (!can(result.principal, wanted)) return sendError(reply, 403, 'forbidden', 'Not allowed.');
    }
  };
}

/**
 * An `onRequest` hook for the whole API: a valid invitation token on a route without
 * `config.allowInvitationToken` gets `403 forbidden` before anything else happens. So a new route
 * is closed to representatives even if it forgets `requirePrincipal`. Other credentials pass on to
 * the route's own checks (an expired or revoked token gets its 401 there).
 */
export const refuseInvitationTokens: onRequestAsyncHookHandler = async (request, reply) => {
  if (request.routeOptions.config.allowInvitationToken === true) return;
  const credential = credentialOf(request);
  if (credential?.source !== 'bearer' || !looksLikeInvitationToken(credential.token)) return;
  const result = await authenticate(request.server.brueckeAuth, request);
  if (result.ok && result.principal.kind === 'invitation') {
    return sendError(reply, 403, 'forbidden', 'An invitation link cannot be used here.');
  }
};

/** The principal set by {@link requirePrincipal}; throws (→ 500) if the route lacks it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('requirePrincipal() is missing on this route');
  return request.principal;
}
