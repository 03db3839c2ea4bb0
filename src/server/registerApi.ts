import type { FastifyPluginCallback } from 'fastify';
import { registerAuthRoutes } from './auth/registerAuthRoutes';
import { refuseInvitationTokens } from './auth/requirePrincipal';
import type { SqliteDatabase } from './db/openDatabase';
import type { InvitationStore } from './invitations/invitationStore';
import { registerInvitationRoutes } from './invitations/registerInvitationRoutes';
import { registerSelfReportRoutes } from './invitations/registerSelfReportRoutes';
import { sqliteInvitationStore } from './invitations/sqliteInvitationStore';
import { sqliteSyncStore } from './store/sqliteSyncStore';
import { registerSyncRoutes } from './sync/registerSyncRoutes';

export interface ApiOptions {
  /** The server's SQLite database (migrated), for route plugins that keep data. */
  db: SqliteDatabase;
  /** The server's clock (injected in tests). */
  now: () => Date;
  /** Default: the SQLite invitation store on `db` (pass the one the auth context uses). */
  invitations?: InvitationStore;
}

/**
 * The JSON API, registered under the prefix `/api`. Add further route plugins here
 * (e.g. `void app.register(registerSyncRoutes, { store, now })`); protect routes with
 * `requirePrincipal(action)` from `./auth/requirePrincipal`. A valid invitation token is refused
 * (403) on every route that does not set `config: { allowInvitationToken: true }`. Unknown
 * `/api/*` paths are answered by the server-wide not-found handler in `createServer` with
 * `404 { code: 'not_found', message }`.
 */
export const registerApi: FastifyPluginCallback<ApiOptions> = (app, options, done) => {
  const { now } = options;
  // One sync store for every route: its transactions are queued on one connection.
  const store = sqliteSyncStore(options.db);
  const invitations = options.invitations ?? sqliteInvitationStore(options.db);

  // API answers are live data: never cached by the browser (the service worker skips /api too).
  app.addHook('onRequest', (_request, reply, next) => {
    void reply.header('cache-control', 'no-store');
    next();
  });
  app.addHook('onRequest', refuseInvitationTokens);

  app.get('/health', { config: { allowInvitationToken: true } }, () => ({ ok: true }) as const);

  void app.register(registerAuthRoutes, { prefix: '/auth' });
  void app.register(registerSyncRoutes, { store, now });
  void app.register(registerInvitationRoutes, { invitations, store, now });
  void app.register(registerSelfReportRoutes, { invitations, store, now });

  done();
};
