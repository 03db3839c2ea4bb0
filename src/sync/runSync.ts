import type { RepoDeps } from '../db/deps';
import { AuthRequired } from './pushOutbox';
import { TransientSyncError, type SyncApi } from './syncApi';
import { syncOnce, type SyncSummary } from './syncOnce';
import { updateSyncState } from './syncState';

/** Translation keys under `sync:errors.*` for what went wrong. */
export function errorKey(error: unknown): string {
  if (error instanceof AuthRequired) return 'loginRequired';
  if (error instanceof TransientSyncError) return 'network';
  return 'unexpected';
}

/**
 * One sync with its outcome recorded in IndexedDB (the status bar reads it from there), inside a
 * Web Lock when the browser has them, so only one tab syncs at a time.
 */
export async function runSync(
  deps: RepoDeps,
  api: SyncApi,
  locks?: LockManager,
  betweenPages?: () => Promise<void>,
): Promise<SyncSummary | null> {
  const work = async (): Promise<SyncSummary> => {
    await updateSyncState(deps.db, { lastAttemptAt: deps.now().toISOString() });
    try {
      return await syncOnce(deps, api, betweenPages);
    } catch (error) {
      await updateSyncState(deps.db, { lastError: errorKey(error) });
      throw error;
    }
  };
  if (!locks) return work();
  return locks.request('bruecke-sync', { ifAvailable: true }, (lock) => (lock ? work() : null));
}
