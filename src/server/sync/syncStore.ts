import type { StoredRecord } from '../../domain/sync/merge';
import type { MutationResult } from '../../domain/sync/protocol';
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
  pull(since: number, limit: number): Promise<StoredPage>;
  maxStamp(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A page of a pull, already serialised: `changesJson` is the UTF-8 JSON of the page's
 * `PulledChange` objects joined by commas (the inside of the answer's `changes` array),
 * with each record's data as the JSON text the store keeps. The answer splices these bytes in
 * instead of parsing, serialising and encoding every record again.
 */
export interface StoredPage {
  changesJson: Uint8Array;
  /** How many changes `changesJson` holds. */
  count: number;
  /** The version of the page's last change, null for an empty page. */
  lastVersion: number | null;
  hasMore: boolean;
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
