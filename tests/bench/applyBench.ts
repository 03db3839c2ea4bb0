/**
 * Budget 6b: the apply step batches. The same pulled pages are applied to an empty client twice,
 * by the engine's `applyServerChanges`: once page by page (one transaction per page, as the
 * engine does) and once record by record (each record its own one-record page, so one Dexie
 * transaction per record, with the cursor and versions kept as the engine keeps them).
 */
import { BrueckeDb } from '../../src/db/database';
import type { RepoDeps } from '../../src/db/deps';
import { deepEqual } from '../../src/domain/sync/fieldChanges';
import { syncTables } from '../../src/domain/sync/mutation';
import type { PullResponse } from '../../src/domain/sync/protocol';
import { applyServerChanges } from '../../src/sync/applyServerChanges';
import { createSyncApi } from '../../src/sync/syncApi';
import { PULL_PAGE } from '../../src/sync/syncOnce';
import type { BenchServer } from './benchServer';
import { measure, type Timing } from './stats';

/** Every page of a full pull, parsed by the engine's own API client. */
export async function fetchPages(server: BenchServer): Promise<PullResponse[]> {
  const api = createSyncApi(server.baseUrl, (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${server.token}`);
    return fetch(input, { ...init, headers });
  });
  const pages: PullResponse[] = [];
  let since = 0;
  for (;;) {
    const outcome = await api.pull(since, PULL_PAGE);
    if (outcome.kind !== 'ok') throw new Error('bench server refused the pull');
    pages.push(outcome.response);
    if (!outcome.response.hasMore) return pages;
    since = outcome.response.cursor;
  }
}

/** The same pages cut into one-record pages, each with its own cursor (the record's version). */
export function oneRecordPages(pages: readonly PullResponse[]): PullResponse[] {
  return pages.flatMap((page) =>
    page.changes.map((c) => ({ ...page, changes: [c], cursor: c.version, hasMore: true })),
  );
}

export type ApplyMode = 'batched' | 'perRecord';

async function snapshot(db: BrueckeDb): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  for (const table of syncTables) out.set(table, await db.table(table).orderBy('id').toArray());
  return out;
}

/**
 * Applies the pages to a fresh database (timed). With `expected`, the database must end up
 * holding exactly that; without, its content is returned for the other mode to compare with.
 */
export async function applyRun(
  pages: readonly PullResponse[],
  expected?: Map<string, unknown[]>,
): Promise<Timing & { content: Map<string, unknown[]> | null }> {
  const db = new BrueckeDb(`bench-apply-${crypto.randomUUID()}`);
  await db.open();
  const deps: RepoDeps = { db, now: () => new Date(), newId: () => crypto.randomUUID() };
  try {
    const t = await measure(async () => {
      for (const page of pages) await applyServerChanges(deps, page);
    });
    const content = await snapshot(db);
    if (expected && !deepEqual(Object.fromEntries(content), Object.fromEntries(expected)))
      throw new Error('record-by-record apply ended with other records than the batched apply');
    return { wallMs: t.wallMs, cpuMs: t.cpuMs, content: expected ? null : content };
  } finally {
    await db.delete();
  }
}
