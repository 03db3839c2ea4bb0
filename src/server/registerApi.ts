import type { FastifyPluginCallback } from 'fastify';
import { registerAuthRoutes } from './auth/registerAuthRoutes';
import type { SqliteDatabase } from './db/openDatabase';
import { sqliteSyncStore } from './store/sqliteSyncStore';
import { registerSyncRoutes } from './sync/registerSyncRoutes';

export interface ApiOptions {
  /** The server's SQLite database (migrated), for route plugins that keep data. */
  db: SqliteDatabase;
  /** The server's clock (injected in tests). */
  now: () => Date;
}

/**
 * The JSON API, registered under the prefix `/api`. Add further route plugins here
 * (e.g. `void app.register(registerSyncRoutes, { store, now })`); protect routes with
 * `requirePrincipal(action)` from `./auth/requirePrincipal`. Unknown `/api/*` paths are answered
 * by the server-wide not-found handler in `createServer` with `404 { code: 'not_found', message }`.
 */
export const registerApi: FastifyPluginCallback<ApiOptions> = (app, options, done) => {
  // API answers are live data: never cached by the browser (the service worker skips /api too).
  app.addHook('onRequest', (_request, reply, next) => {
    void reply.header('cache-control', 'no-store');
    next();
  });

  app.get('/health', () => ({ ok: true }) as const);

  void app.register(registerAuthRoutes, { prefix: '/auth' });
  void app.register(registerSyncRoutes, { store: sqliteSyncStore(options.db), now: options.now });

  done();
};
