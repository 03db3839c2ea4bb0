import type { FastifyPluginCallback } from 'fastify';

/**
 * The JSON API, registered under the prefix `/api`. Add further route plugins here
 * (e.g. `void app.register(registerSync, { store })`). Unknown `/api/*` paths are answered by the
 * server-wide not-found handler in `createServer` with `404 { code: 'not_found', message }`.
 */
export const registerApi: FastifyPluginCallback = (app, _options, done) => {
  // API answers are live data: never cached by the browser (the service worker skips /api too).
  app.addHook('onRequest', (_request, reply, next) => {
    void reply.header('cache-control', 'no-store');
    next();
  });

  app.get('/health', () => ({ ok: true }) as const);

  done();
};
