import type { StoredRecord } from '../../domain/sync/merge';
import type { MutationResult, PulledChange } from '../../domain/sync/protocol';
import type { SyncTable } from '../../domain/sync/mutation';

/**
 * What the sync protocol needs from storage, and nothing more: a PostgreSQL store can implement
 * this without touching the protocol (processPush / pull). Every method is async so that a
 * networked database fits; implementations must run `transact` atomically and serially.
 */
export interface SyncStore {
  /** Changes when the database is restored from a backup: clients then resync from scratch. */
  epoch(): Promise<string>;
  transact<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T>;
  /** Records changed after `since`, in server version order, at most `limit`. */
  pull(since: number, limit: number): Promise<{ changes: StoredChange[]; hasMore: boolean }>;
  maxStamp(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A change as a pull sends it, with the record's data as the JSON text the store keeps
 * (`JSON.stringify` of the data): the pull answer splices it in instead of parsing and
 * serialising every record again.
 */
export interface StoredChange extends Omit<PulledChange, 'data'> {
  dataJson: string;
}

/** `table/id`: how `getRecords` names the records it found. */
export const recordKey = (table: SyncTable, id: string): string => `${table}/${id}`;

export interface SyncTx {
  getRecord(table: SyncTable, id: string): Promise<StoredRecord | null>;
  /** The records among `wanted` that exist, by `recordKey`: one lookup for a whole push. */
  getRecords(
    wanted: readonly { table: SyncTable; id: string }[],
  ): Promise<Map<string, StoredRecord>>;
  putRecord(record: StoredRecord): Promise<void>;
  findMutation(mutationId: string): Promise<MutationResult | null>;
  /** The stored results of those of `mutationIds` that were applied before, by mutationId. */
  findMutations(mutationIds: readonly string[]): Promise<Map<string, MutationResult>>;
  saveMutation(clientId: string, result: MutationResult, appliedAt: string): Promise<void>;
  /** The next number of the server's change sequence. */
  nextVersion(): Promise<number>;
  raiseMaxStamp(stamp: string): Promise<void>;
}

/** Thrown inside `transact` to roll the whole batch back. */
export class BatchRejected extends Error {
  constructor(
    readonly rejected: { mutationId: string; code: string; message: string; path?: string }[],
  ) {
    super(`${rejected.length} mutation(s) rejected`);
    this.name = 'BatchRejected';
  }
}
