/** The path of a request URL without query string or fragment. */
export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/** Everything under `/api` belongs to the API and never falls back to the app shell. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Whether an unknown GET path should be answered with the app shell (`index.html`). Paths that
 * name a file (`/assets/…`, anything with an extension like `/favicon.ico`) get a real 404, so a
 * missing script never arrives as HTML.
 */
export function isAppShellPath(path: string): boolean {
  if (isApiPath(path) || path.startsWith('/assets/')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]+$/.test(lastSegment);
}
