import { createContext, useContext, type ReactNode } from 'react';
import type { RepoDeps } from '../db/deps';

const DepsContext = createContext<RepoDeps | null>(null);

/** Hands the database, clock and id generator to every screen; tests pass their own. */
export function DepsProvider({ deps, children }: { deps: RepoDeps; children: ReactNode }) {
  return <DepsContext.Provider value={deps}>{children}</DepsContext.Provider>;
}

export function useDeps(): RepoDeps {
  const deps = useContext(DepsContext);
  if (!deps) throw new Error('useDeps outside DepsProvider');
  return deps;
}
