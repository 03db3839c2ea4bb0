/**
 * Puts realistic records (tests/bench/benchData.ts) onto the real server the way devices do:
 * a seeding client (the real sync engine on fake-indexeddb in this process) commits them locally
 * and pushes its outbox over HTTP with the coordinator's session token.
 */
import 'fake-indexeddb/auto';
import type { RecordWrite } from '../../src/db/commitWrites';
import { commitWrites } from '../../src/db/commitWrites';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { newBenchClient } from './benchClient';
import { buildBenchData, type BenchTable } from './benchData';

export interface SeedResult {
  total: number;
  byTable: Record<BenchTable, number>;
  /** Organisations that are not deleted (what the list shows). */
  organisations: number;
  /** Their ids, in creation order. */
  organisationIds: string[];
  ms: number;
}

export async function seedRecords(
  server: { baseUrl: string; token: string },
  total: number,
  seed = 1,
): Promise<SeedResult> {
  const started = performance.now();
  const data = buildBenchData(total, seed);
  const client = await newBenchClient(server.baseUrl, server.token);
  try {
    const writes: RecordWrite[] = data.inCreationOrder.map(({ table, record }) => ({
      table,
      before: null,
      after: record,
    }));
    for (let i = 0; i < writes.length; i += 1000)
      await commitWrites(client.deps, writes.slice(i, i + 1000));
    const summary = await pushOutbox(client.deps, client.api);
    if (summary.pushed !== data.total || summary.quarantined !== 0)
      throw new Error(`seeding pushed ${summary.pushed} of ${data.total}`);
  } finally {
    await client.dispose();
  }
  const byTable = Object.fromEntries(
    Object.entries(data.byTable).map(([table, list]) => [table, list.length]),
  ) as Record<BenchTable, number>;
  const live = data.byTable.organisations.filter((o) => !o.deleted);
  return {
    total: data.total,
    byTable,
    organisations: live.length,
    organisationIds: live.map((o) => o.id),
    ms: performance.now() - started,
  };
}
