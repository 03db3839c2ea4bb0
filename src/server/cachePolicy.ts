/** One year: Vite puts a content hash into every file name under /assets/. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Always revalidate (ETag / Last-Modified make that cheap). */
export const NO_CACHE = 'no-cache';

/**
 * Cache-Control for a file of the built app, by its URL path relative to the static root
 * (e.g. `/assets/index-AbC123.js`, `/index.html`, `/sw.js`).
 *
 * Only hashed build output is cached for long. Everything at the top level — `index.html`,
 * `sw.js`, `workbox-*.js`, `registerSW.js`, `manifest.webmanifest`, icons — keeps its name across
 * releases and must be revalidated, or clients would keep running an old service worker.
 */
export function cacheControlFor(urlPath: string): string {
  const normalized = urlPath.replaceAll('\\', '/');
  const path = normalized.startsWith('/') ? normalized : `/${normalized}`;
  return path.startsWith('/assets/') ? IMMUTABLE : NO_CACHE;
}
