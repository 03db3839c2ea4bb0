import type { BrueckeDb } from '../db/database';

/** What the device knows about its sync with the server, kept in the `settings` table. */
export interface SyncState {
  epoch: string | null;
  cursor: number;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  /** A translation key under `sync:errors.*`, or null when the last attempt worked. */
  lastError: string | null;
  clockDriftMs: number | null;
}

export const SYNC_STATE_KEY = 'sync';

export const initialSyncState: SyncState = {
  epoch: null,
  cursor: 0,
  lastSyncAt: null,
  lastAttemptAt: null,
  lastError: null,
  clockDriftMs: null,
};

export async function readSyncState(db: BrueckeDb): Promise<SyncState> {
  const entry = await db.settings.get(SYNC_STATE_KEY);
  return { ...initialSyncState, ...(entry?.value as Partial<SyncState> | undefined) };
}

export async function updateSyncState(db: BrueckeDb, patch: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await readSyncState(db);
    await db.settings.put({ key: SYNC_STATE_KEY, value: { ...current, ...patch } });
  });
}
