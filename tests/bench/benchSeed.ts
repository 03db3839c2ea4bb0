import type { RecordWrite } from '../../src/db/commitWrites';
import { commitWrites } from '../../src/db/commitWrites';
import { pushOutbox } from '../../src/sync/pushOutbox';
import { benchTables, type BenchDataSet } from './benchData';
import { newBenchClient, type Traffic } from './benchClient';
import type { BenchServer } from './benchServer';
import { measure } from './stats';

export interface IngestResult {
  ms: number;
  cpuMs: number;
  items: number;
  traffic: Traffic;
}

/**
 * Server ingest through the real push API: a seeding client commits the records locally
 * (untimed, `commitWrites` in chunks of 1,000), then `pushOutbox` sends its outbox in batches
 * (timed). `order: 'creation'` writes organisation by organisation, as people create records;
 * `'byTable'` writes all organisations first (e.g. an import), which pushes 200 large
 * organisation mutations per batch.
 */
export async function seedServer(
  server: BenchServer,
  data: BenchDataSet,
  order: 'creation' | 'byTable' = 'creation',
): Promise<IngestResult> {
  const client = await newBenchClient(server.baseUrl, server.token);
  const writes: RecordWrite[] =
    order === 'creation'
      ? data.inCreationOrder.map(({ table, record }) => ({ table, before: null, after: record }))
      : benchTables.flatMap((table) =>
          data.byTable[table].map((after) => ({ table, before: null, after })),
        );
  for (let i = 0; i < writes.length; i += 1000)
    await commitWrites(client.deps, writes.slice(i, i + 1000));
  const {
    wallMs: ms,
    cpuMs,
    value: summary,
  } = await measure(() => pushOutbox(client.deps, client.api));
  if (summary.pushed !== data.total || summary.quarantined !== 0) {
    throw new Error(
      `seeding pushed ${summary.pushed} of ${data.total} (${summary.quarantined} quarantined)`,
    );
  }
  const traffic = { ...client.traffic };
  await client.dispose();
  return { ms, cpuMs, items: data.total, traffic };
}
