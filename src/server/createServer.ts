import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AccountStore } from './auth/accountStore';
import { createAuthContext } from './auth/authContext';
import type { LoginThrottleLimits } from './auth/loginThrottle';
import type { ScryptParams } from './auth/password';
import { createSqliteAccountStore } from './auth/sqliteAccountStore';
import { openDatabase, type SqliteDatabase } from './db/openDatabase';
import { handleError, sendError } from './httpErrors';
import type { InvitationStore } from './invitations/invitationStore';
import { sqliteInvitationStore } from './invitations/sqliteInvitationStore';
import { isApiPath, isAppShellPath, pathOf } from './paths';
import { registerApi } from './registerApi';
import { registerStatic, sendAppShell } from './registerStatic';

export interface ServerOptions {
  /** Directory with the built PWA (`dist/`), absolute or relative to the working directory. */
  staticDir: string;
  /** Fastify's request logger (default off). */
  logger?: boolean;
  /**
   * The server's database, opened with `openDatabase` (the caller closes it). Default: a fresh
   * in-memory database, closed with the server — enough for tests that only need static files.
   */
  db?: SqliteDatabase;
  /** Default: the SQLite account store on `db`. */
  accounts?: AccountStore;
  /** Default: the SQLite invitation store on `db`. */
  invitations?: InvitationStore;
  /** The clock for sessions, login throttling and new accounts (default: the system clock). */
  now?: () => Date;
  /** Session lifetime in ms (default 30 days). */
  sessionTtlMs?: number;
  /** Always mark the session cookie `Secure` (it is anyway for https requests). */
  secureCookies?: boolean;
  /** scrypt cost of the dummy hash for unknown logins (default production; tests go cheaper). */
  passwordParams?: ScryptParams;
  /** Override the failed-login limits (default 5 per login, 20 per address, 15 minutes). */
  loginThrottle?: LoginThrottleLimits;
}

/**
 * The Brücke server without listening: the JSON API under `/api` and the built PWA with an SPA
 * fallback. Tests use `inject()`; `main.ts` calls `listen()`.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const staticDir = resolve(options.staticDir);
  const now = options.now ?? (() => new Date());
  const ownDb = options.db === undefined;
  const db = options.db ?? openDatabase(':memory:', { now });
  const accounts = options.accounts ?? createSqliteAccountStore(db, { now });
  const invitations = options.invitations ?? sqliteInvitationStore(db);

  const app = Fastify({
    logger: options.logger ?? false,
    // Malformed URLs (e.g. a lone `%`) are client errors, answered like every other error.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, 400, 'bad_request', error.message);
    },
    // `additionalProperties: false` in a schema rejects unknown fields instead of dropping them.
    ajv: { customOptions: { removeAdditional: false } },
  });

  if (ownDb) {
    app.addHook('onClose', (_instance, done) => {
      db.close();
      done();
    });
  }

  app.setErrorHandler(handleError);

  app.decorate(
    'brueckeAuth',
    createAuthContext({
      accounts,
      invitations,
      now,
      sessionTtlMs: options.sessionTtlMs,
      secureCookies: options.secureCookies,
      passwordParams: options.passwordParams,
      throttleLimits: options.loginThrottle,
    }),
  );
  app.decorateRequest('principal', null);
  void app.register(fastifyCookie);

  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOf(request.url);
    if (isApiPath(path)) {
      void reply.header('cache-control', 'no-store');
      return sendError(reply, 404, 'not_found', `No API route ${request.method} ${path}`);
    }
    if ((request.method === 'GET' || request.method === 'HEAD') && isAppShellPath(path)) {
      return sendAppShell(reply, staticDir);
    }
    return sendError(reply, 404, 'not_found', `Not found: ${request.method} ${path}`);
  });

  void app.register(registerApi, { prefix: '/api', db, now, invitations });
  void app.register(registerStatic, { root: staticDir });

  return app;
}
