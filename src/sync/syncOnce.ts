import type { RepoDeps } from '../db/deps';
import { applyServerChanges } from './applyServerChanges';
import { readPagesAhead } from './pagesAhead';
import { AuthRequired, pushOutbox, type PushSummary } from './pushOutbox';
import type { SyncApi } from './syncApi';
import { readSyncState, updateSyncState } from './syncState';

/**
 * Records per pull request: the largest page the protocol allows (PULL_MAX_LIMIT), in Node and
 * in the browser alike. Fewer pages mean fewer transactions and fewer rounds of live-query
 * updates; the browser keeps its tasks short by writing a page in slices (applyServerChanges.ts)
 * and by yielding between pages (`betweenPages`), not by asking for smaller pages.
 */
export const PULL_PAGE = 1000;

/** What happens between two pulled pages by default: nothing (a client in Node, the benchmarks). */
const noPause = (): Promise<void> => Promise.resolve();

/**
 * The server was restored from a backup (its epoch changed): everything is pulled again from
 * the start, and pending edits are sent as concurrent with whatever the server has now, so a
 * difference shows up as a conflict rather than being overwritten silently.
 */
async function resetForNewEpoch(deps: RepoDeps): Promise<void> {
  const { db } = deps;
  await db.transaction('rw', [db.outbox, db.shadows, db.settings], async () => {
    await db.outbox.toCollection().modify({ baseVersion: null });
    await db.shadows.clear();
    const state = await readSyncState(db);
    await db.settings.put({ key: 'sync', value: { ...state, epoch: null, cursor: 0 } });
  });
}

/**
 * Pulls page after page. While a page is applied, the next ones are already on their way
 * (`readPagesAhead`), so the network, the server and the local database work at the same time.
 * Pages are still applied strictly in order, each in its own transaction with its cursor.
 */
async function pullAll(
  deps: RepoDeps,
  api: SyncApi,
  betweenPages: () => Promise<void>,
): Promise<number> {
  const fetchPage = (since: number) => api.pull(since, PULL_PAGE);
  let pulled = 0;
  let pages = readPagesAhead(fetchPage, (await readSyncState(deps.db)).cursor);
  for (;;) {
    const outcome = await pages.next();
    if (outcome.kind === 'unauthenticated') throw new AuthRequired();
    const page = outcome.response;
    const state = await readSyncState(deps.db);
    if (state.epoch !== null && page.epoch !== state.epoch) {
      await resetForNewEpoch(deps);
      pages = readPagesAhead(fetchPage, 0);
      continue;
    }
    await applyServerChanges(deps, page);
    pulled += page.changes.length;
    if (!page.hasMore) return pulled;
    await betweenPages();
  }
}

export interface SyncSummary extends PushSummary {
  pulled: number;
}

/**
 * One full sync: push before pull, then pull every page. `betweenPages` is awaited after each
 * applied page but the last (the browser yields to the event loop there, see
 * yieldToEventLoop.ts).
 */
export async function syncOnce(
  deps: RepoDeps,
  api: SyncApi,
  betweenPages: () => Promise<void> = noPause,
): Promise<SyncSummary> {
  let push = await pushOutbox(deps, api);
  if (push.epochChanged) {
    await resetForNewEpoch(deps);
    push = await pushOutbox(deps, api);
  }
  const pulled = await pullAll(deps, api, betweenPages);
  await updateSyncState(deps.db, { lastSyncAt: deps.now().toISOString(), lastError: null });
  return { ...push, pulled };
}
