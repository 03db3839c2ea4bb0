import type { StoredRecord } from '../../domain/sync/merge';
import type { Mutation, SyncTable } from '../../domain/sync/mutation';
import type { MutationResult } from '../../domain/sync/protocol';
import { recordKey, type SyncTx } from './syncStore';

/**
 * What a push reads of the store, looked up once for the whole batch (which mutations were
 * applied before, which records exist) instead of once per mutation, with the batch's own writes
 * on top: a later mutation of the same batch sees the records and results of the earlier ones,
 * as it would reading the store inside the transaction.
 */
export class BatchView {
  private constructor(
    private readonly tx: SyncTx,
    private readonly results: Map<string, MutationResult>,
    private readonly records: Map<string, StoredRecord>,
  ) {}

  static async load(tx: SyncTx, mutations: readonly Mutation[]): Promise<BatchView> {
    const results = await tx.findMutations(mutations.map((m) => m.mutationId));
    const records = await tx.getRecords(mutations.map((m) => ({ table: m.table, id: m.recordId })));
    return new BatchView(tx, results, records);
  }

  /** The stored result of a mutation applied before (by an earlier push or earlier in this one). */
  appliedResult(mutationId: string): MutationResult | undefined {
    return this.results.get(mutationId);
  }

  record(table: SyncTable, id: string): StoredRecord | null {
    return this.records.get(recordKey(table, id)) ?? null;
  }

  async putRecord(record: StoredRecord): Promise<void> {
    await this.tx.putRecord(record);
    this.records.set(recordKey(record.table, record.id), record);
  }

  async saveMutation(clientId: string, result: MutationResult, appliedAt: string): Promise<void> {
    await this.tx.saveMutation(clientId, result, appliedAt);
    this.results.set(result.mutationId, result);
  }
}
