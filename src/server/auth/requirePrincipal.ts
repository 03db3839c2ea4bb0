import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import { sendError } from '../httpErrors';
import {
  type AuthContext,
  credentialOf,
  resolvePrincipal,
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
}

/** A fixed action, or one computed from the (already validated) request. */
export type ActionFor = Action | ((request: FastifyRequest) => Action);

/**
 * A `preHandler` that resolves the principal from the `Authorization: Bearer` header or the
 * session cookie and sets `request.principal`. Answers 401 `{ code: 'unauthenticated' }` when
 * there is none (missing, expired, forged, disabled user) and 403 `{ code: 'forbidden' }` when
 * `can(principal, action)` says no. Without `action` it only authenticates.
 *
 * ```ts
 * app.get('/sync/pull', { preHandler: requirePrincipal({ type: 'sync.pull' }) }, handler);
 * app.put('/self-report/:organisationId', {
 *   preHandler: requirePrincipal((request) => ({
 *     type: 'selfReport.write',
 *     organisationId: (request.params as { organisationId: string }).organisationId,
 *   })),
 * }, handler);
 * ```
 * Handlers that need finer checks (e.g. every mutation of a push) call `can(principalOf(request), …)`.
 */
export function requirePrincipal(action?: ActionFor): preHandlerHookHandler {
  return function requirePrincipalHook(request, reply, done) {
    const auth = request.server.brueckeAuth;
    const principal = resolvePrincipal(auth, request);
    if (!principal) {
      if (credentialOf(request)?.source === 'cookie') {
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(auth, request));
      }
      void sendError(reply, 401, 'unauthenticated', 'Not logged in, or the session has expired.');
      return;
    }
    request.principal = principal;
    if (action !== undefined) {
      const wanted = typeof action === 'function' ? action(request) : action;
      if (!can(principal, wanted)) {
        void sendError(reply, 403, 'forbidden', 'Not allowed.');
        return;
      }
    }
    done();
  };
}

/** The principal set by {@link requirePrincipal}; throws (→ 500) if the route lacks it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('requirePrincipal() is missing on this route');
  return request.principal;
}
