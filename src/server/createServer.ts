import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { handleError, sendError } from './httpErrors';
import { isApiPath, isAppShellPath, pathOf } from './paths';
import { registerApi } from './registerApi';
import { registerStatic, sendAppShell } from './registerStatic';

export interface ServerOptions {
  /** Directory with the built PWA (`dist/`), absolute or relative to the working directory. */
  staticDir: string;
  /** Fastify's request logger (default off). */
  logger?: boolean;
}

/**
 * The Brücke server without listening: the JSON API under `/api` and the built PWA with an SPA
 * fallback. Tests use `inject()`; `main.ts` calls `listen()`.
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const staticDir = resolve(options.staticDir);
  const app = Fastify({
    logger: options.logger ?? false,
    // Malformed URLs (e.g. a lone `%`) are client errors, answered like every other error.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, 400, 'bad_request', error.message);
    },
  });

  app.setErrorHandler(handleError);

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

  void app.register(registerApi, { prefix: '/api' });
  void app.register(registerStatic, { root: staticDir });

  return app;
}
