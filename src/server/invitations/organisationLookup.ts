import { organisationSchema, type Organisation } from '../../domain/organisation';
import type { SyncStore } from '../sync/syncStore';

/**
 * The organisation record as the server has it, or null when it has not been synced yet or is
 * deleted (a tombstone). Read inside a store transaction, so it never sees half of a push.
 */
export async function liveOrganisation(
  store: SyncStore,
  organisationId: string,
): Promise<Organisation | null> {
  const stored = await store.transact((tx) => tx.getRecord('organisations', organisationId));
  if (!stored || stored.data.deleted === true) return null;
  // The server stores only records that pass this schema; a failure here is a server bug.
  return organisationSchema.parse(stored.data);
}
