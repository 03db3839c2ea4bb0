import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthApi } from '../sync/authApi';
import type { BrowserSync } from '../sync/startBrowserSync';

/** The part of the running sync engine screens use; main.tsx passes the real one. */
export type SyncServices = Pick<
  BrowserSync,
  'syncNow' | 'isSyncing' | 'subscribe' | 'auth' | 'stopAndRun'
>;

const SyncContext = createContext<SyncServices | null>(null);

export function SyncProvider({ sync, children }: { sync: SyncServices; children: ReactNode }) {
  return <SyncContext.Provider value={sync}>{children}</SyncContext.Provider>;
}

function useSync(): SyncServices {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync outside SyncProvider');
  return sync;
}

/** Starts a sync round now (does nothing while offline); resolves when it is over. */
export function useSyncNow(): () => Promise<void> {
  return useSync().syncNow;
}

/** True while this tab is syncing. */
export function useSyncing(): boolean {
  const sync = useSync();
  return useSyncExternalStore(sync.subscribe, sync.isSyncing);
}

export function useAuthApi(): AuthApi {
  return useSync().auth;
}

/** Stops syncing and runs `fn` once no tab syncs (used before the local database is deleted). */
export function useStopSyncAndRun(): SyncServices['stopAndRun'] {
  return useSync().stopAndRun;
}
