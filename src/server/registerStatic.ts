import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { cacheControlFor, NO_CACHE } from './cachePolicy';
import { sendError } from './httpErrors';
import { isApiPath } from './paths';

export interface StaticOptions {
  /** Absolute path of the built app (`dist/`). */
  root: string;
}

/**
 * Serves the built PWA from `root`: content types from the file extension, long immutable caching
 * for hashed `/assets/*`, `no-cache` for everything that keeps its name across releases, and
 * brotli or gzip for text files (JavaScript, CSS, SVG, the manifest: the start page's scripts
 * shrink to about a third). Never serves anything under `/api`. Unknown paths go to the server's
 * not-found handler, which answers app routes with {@link sendAppShell}.
 *
 * Compression is registered inside this plugin, so it applies to the static files only: the API
 * keeps its own behaviour.
 */
export const registerStatic: FastifyPluginAsync<StaticOptions> = async (app, { root }) => {
  // Brotli at the plugin's default quality 4: about gzip -9's size for a few ms per file.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    redirect: false,
    dotfiles: 'ignore',
    cacheControl: false,
    allowedPath: (pathName) => !isApiPath(pathName),
    setHeaders: (reply, filePath) => {
      const urlPath = `/${relative(root, filePath).split(sep).join('/')}`;
      void reply.header('cache-control', cacheControlFor(urlPath));
      void reply.header('x-content-type-options', 'nosniff');
    },
  });
};

/**
 * Answers with `root/index.html` (read fresh each time, so a rebuild is picked up), or 503 if the
 * app has not been built.
 */
export async function sendAppShell(reply: FastifyReply, root: string): Promise<FastifyReply> {
  let html: Buffer;
  try {
    html = await readFile(join(root, 'index.html'));
  } catch {
    return sendError(
      reply,
      503,
      'service_unavailable',
      'The app has not been built yet: run `npm run build`.',
    );
  }
  return reply
    .code(200)
    .header('cache-control', NO_CACHE)
    .header('x-content-type-options', 'nosniff')
    .type('text/html; charset=utf-8')
    .send(html);
}
