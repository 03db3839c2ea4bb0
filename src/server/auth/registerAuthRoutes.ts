import type { FastifyPluginCallback } from 'fastify';
import { sendError } from '../httpErrors';
import type { AccountUser } from './accountStore';
import { authenticate, credentialOf, SESSION_COOKIE, sessionCookieOptions } from './authContext';
import type { Principal } from './principal';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './password';
import { clearRefusedSessionCookie, principalOf, requirePrincipal } from './requirePrincipal';

/** What the client learns about the logged-in coordinator. */
export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
}

interface LoginBody {
  login: string;
  password: string;
}

const loginSchema = {
  body: {
    type: 'object',
    required: ['login', 'password'],
    additionalProperties: false,
    properties: {
      login: { type: 'string', minLength: 1, maxLength: 200 },
      password: { type: 'string', minLength: 1, maxLength: MAX_PASSWORD_LENGTH },
    },
  },
} as const;

/**
 * `POST /login`, `POST /logout`, `GET /me`, `GET /session`; registered by `registerApi` under
 * `/api/auth`.
 * Uses `app.brueckeAuth` (set by `createServer`).
 */
export const registerAuthRoutes: FastifyPluginCallback = (app, _options, done) => {
  const auth = app.brueckeAuth;

  // Start computing the dummy hash at start-up, so the first unknown login is not slower.
  app.addHook('onReady', (next) => {
    void auth.dummyHash();
    next();
  });

  app.post<{ Body: LoginBody }>(
    '/login',
    // Public: a stray invitation token in the Authorization header does not matter here.
    { schema: loginSchema, bodyLimit: 8 * 1024, config: { allowInvitationToken: true } },
    async (request, reply) => {
      const { login, password } = request.body;
      const decision = auth.throttle.check(login, request.ip);
      if (!decision.allowed) {
        void reply.header('retry-after', String(decision.retryAfterSeconds));
        return sendError(
          reply,
          429,
          'rate_limited',
          'Too many failed login attempts. Try again later.',
          { retryAfterSeconds: decision.retryAfterSeconds },
        );
      }
      // Counted as failed until verified, so parallel attempts cannot slip past the limit.
      auth.throttle.recordFailure(login, request.ip);

      const account = auth.accounts.findByLogin(login);
      // Unknown logins are verified against a dummy hash: same answer, about the same time.
      const matches = await verifyPassword(
        password,
        account?.passwordHash ?? (await auth.dummyHash()),
      );
      if (!account || !matches || account.disabled) {
        return sendError(reply, 401, 'invalid_credentials', 'Wrong login or password.');
      }
      auth.throttle.recordSuccess(login, request.ip);

      const previous = credentialOf(request);
      if (previous?.source === 'cookie') auth.accounts.deleteSession(previous.token);
      auth.accounts.deleteExpiredSessions(auth.now());
      const token = auth.accounts.createSession(account.id, auth.sessionTtlMs);
      void reply.setCookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions(auth, request, Math.floor(auth.sessionTtlMs / 1000)),
      );
      return { user: sessionUser(account) };
    },
  );

  app.post('/logout', (request, reply) => {
    const credential = credentialOf(request);
    if (credential) auth.accounts.deleteSession(credential.token);
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(auth, request));
    return reply.code(204).send();
  });

  app.get('/me', { preHandler: requirePrincipal() }, (request, reply) => {
    const principal = principalOf(request);
    if (principal.kind !== 'coordinator') {
      return sendError(reply, 403, 'forbidden', 'Only coordinators have an account.');
    }
    return { user: coordinatorUser(principal) };
  });

  // "Is anyone logged in?" asked by the app on start: nobody is a normal answer (200, `user:
  // null`), not a failed request, so a logged-out start shows no error in the browser console.
  // `/me` stays the authenticated route (401 without a session).
  app.get('/session', async (request, reply) => {
    const result = await authenticate(auth, request);
    if (result.ok && result.principal.kind === 'coordinator') {
      return { user: coordinatorUser(result.principal) };
    }
    if (!result.ok) clearRefusedSessionCookie(request, reply);
    return { user: null };
  });

  done();
};

function coordinatorUser(principal: Extract<Principal, { kind: 'coordinator' }>): SessionUser {
  return { id: principal.userId, login: principal.login, displayName: principal.displayName };
}

function sessionUser(user: AccountUser): SessionUser {
  return { id: user.id, login: user.login, displayName: user.displayName };
}
