import type { PullOutcome } from './syncApi';

/** Pages a pull may have requested but not yet handed over: the one being applied waits apart. */
export const PAGES_AHEAD = 2;

export interface PageReader {
  /** The next page in cursor order; a failed request rejects here, not before. */
  next(): Promise<PullOutcome>;
}

/**
 * Reads pull pages ahead of the caller. A page's request goes out as soon as the page before it
 * has arrived (its cursor names where the next one starts), not when the caller is done with it,
 * so the server prepares the next pages while this device writes the current one. At most
 * `ahead` pages are requested or waiting; the reader stops at the last page (`hasMore: false`),
 * at a session that ended, and at a failed request (which the caller then meets in `next`).
 * Pages come out strictly in order; a reader that is dropped just lets its requests finish.
 */
export function readPagesAhead(
  fetchPage: (since: number) => Promise<PullOutcome>,
  since: number,
  ahead = PAGES_AHEAD,
): PageReader {
  const waiting: Promise<PullOutcome>[] = [];
  /** Where the next request would start, once known and not yet requested; null when none. */
  let nextSince: number | null = null;

  const request = (from: number): void => {
    const page = fetchPage(from);
    page.then(
      (outcome) => {
        if (outcome.kind !== 'ok' || !outcome.response.hasMore) return;
        nextSince = outcome.response.cursor;
        requestWhileRoom();
      },
      () => undefined,
    );
    waiting.push(page);
  };
  const requestWhileRoom = (): void => {
    if (nextSince === null || waiting.length >= ahead) return;
    const from = nextSince;
    nextSince = null;
    request(from);
  };

  request(since);
  return {
    next() {
      const page = waiting.shift();
      if (!page) return Promise.reject(new Error('no further pull page: the last one was read'));
      requestWhileRoom();
      return page;
    },
  };
}
