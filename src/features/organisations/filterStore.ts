import { create } from 'zustand';
import { emptyFilters, type OrganisationFilters } from './filterOrganisations';

interface FilterStore {
  filters: OrganisationFilters;
  set: (patch: Partial<OrganisationFilters>) => void;
  reset: () => void;
}

/** The list's filters survive going into a profile and back. */
export const useOrganisationFilters = create<FilterStore>((set) => ({
  filters: emptyFilters,
  set: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  reset: () => set({ filters: emptyFilters }),
}));
