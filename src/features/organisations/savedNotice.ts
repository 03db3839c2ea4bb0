import { create } from 'zustand';

interface SavedNotice {
  /** The organisation whose profile was just saved: its profile confirms it once. */
  organisationId: string | null;
  announce: (organisationId: string) => void;
  clear: () => void;
}

export const useSavedNotice = create<SavedNotice>((set) => ({
  organisationId: null,
  announce: (organisationId) => set({ organisationId }),
  clear: () => set({ organisationId: null }),
}));
