import { useLiveQuery } from 'dexie-react-hooks';
import { useDeps } from '../../app/DepsContext';
import { unsyncedSnapshot } from '../../db/queries/unsynced';
import { unsyncedGuard, type GuardDecision, type UnsyncedSnapshot } from '../../sync/unsyncedGuard';

/** The logout / reset guard, kept current as edits are made, sent or exported. */
export function useUnsyncedDecision(): {
  snapshot: UnsyncedSnapshot | undefined;
  decision: GuardDecision | undefined;
  /** A fresh answer straight from the database, for the moment the user acts. */
  check: () => Promise<GuardDecision>;
} {
  const { db } = useDeps();
  const snapshot = useLiveQuery(() => unsyncedSnapshot(db), [db]);
  return {
    snapshot,
    decision: snapshot ? unsyncedGuard(snapshot) : undefined,
    check: async () => unsyncedGuard(await unsyncedSnapshot(db)),
  };
}
