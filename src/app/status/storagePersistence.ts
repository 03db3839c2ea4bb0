import { create } from 'zustand';

export type PersistState = 'unknown' | 'persisted' | 'notPersisted' | 'unsupported';

interface PersistStore {
  state: PersistState;
  request: () => Promise<void>;
  refresh: () => Promise<void>;
}

/**
 * Asks the browser to keep our IndexedDB even under storage pressure (and, in Safari, beyond
 * seven days without use). The state is shown in the status bar and in settings.
 */
export const usePersistStore = create<PersistStore>((set) => ({
  state: 'unknown',
  refresh: async () => {
    if (!('storage' in navigator) || typeof navigator.storage.persisted !== 'function') {
      set({ state: 'unsupported' });
      return;
    }
    set({ state: (await navigator.storage.persisted()) ? 'persisted' : 'notPersisted' });
  },
  request: async () => {
    if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') {
      set({ state: 'unsupported' });
      return;
    }
    set({ state: (await navigator.storage.persist()) ? 'persisted' : 'notPersisted' });
  },
}));
