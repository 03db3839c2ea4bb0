import type { RepoDeps } from '../db/deps';
import { observeServerClock } from '../db/deviceMeta';
import type { Mutation } from '../domain/sync/mutation';
import type { MutationResult, Rejection } from '../domain/sync/protocol';
import { toWire, type WireMutation } from '../domain/sync/wireMutation';
import { recomputeFromShadows } from './applyServerChanges';
import { asciiJson } from './asciiJson';
import { AuthRequired } from './authRequired';
import { currentShadow } from './shadows';
import { TransientSyncError, type SyncApi } from './syncApi';
import { readSyncState, SYNC_STATE_KEY } from './syncState';

/**
 * Entries per push at most: the protocol's limit (PUSH_MAX_MUTATIONS). Pushes are cut by size
 * first (PUSH_MAX_BYTES), so a backlog goes in fewer round trips, which on a mobile connection
 * cost more than the bytes; a push the server refuses in part is split, whatever its size.
 */
export const PUSH_BATCH = 500;

/** The server wants a login before it takes changes (re-exported; defined in authRequired.ts). */
export { AuthRequired };

export interface PushSummary {
  pushed: number;
  quarantined: number;
  epochChanged: boolean;
}

/** Stays well below the server's 1 MiB body limit (a new organisation is ~4 KB in push form). */
export const PUSH_MAX_BYTES = 512 * 1024;

export interface PushBatch {
  /** The outbox entries, as stored. */
  batch: Mutation[];
  /** The same entries in their push form (`toWire`), as the request carries them. */
  wire: WireMutation[];
}

/**
 * The leading `entries` (oldest first) that make one push: all from one client id (imported
 * entries keep their device's id) and no more than PUSH_MAX_BYTES of JSON in their push form,
 * as bytes on the wire (a first entry larger than that goes alone).
 */
export function pushBatchOf(entries: readonly Mutation[]): PushBatch {
  const first = entries[0];
  const batch: Mutation[] = [];
  const wire: WireMutation[] = [];
  let bytes = 0;
  for (const m of entries) {
    if (m.clientId !== first?.clientId) break;
    const sent = toWire(m);
    // Counted as sent: ASCII JSON, one byte per character (`\uXXXX` for each character beyond).
    bytes += asciiJson(sent).length + 1;
    if (batch.length > 0 && bytes > PUSH_MAX_BYTES) break;
    batch.push(m);
    wire.push(sent);
  }
  return { batch, wire };
}

async function nextBatch(deps: RepoDeps, size: number): Promise<PushBatch> {
  return pushBatchOf(await deps.db.outbox.orderBy('seq').limit(size).toArray());
}

async function acknowledge(
  deps: RepoDeps,
  batch: Mutation[],
  results: MutationResult[],
  serverClock: string,
): Promise<void> {
  const { db } = deps;
  await db.transaction(
    'rw',
    [db.outbox, db.shadows, db.meta, ...batch.map((m) => db.table(m.table))],
    async () => {
      await db.outbox.bulkDelete(results.map((r) => r.mutationId));
      // A repeat means the edit was applied earlier; if the shadow already has that version, the
      // visible record must drop the replayed edit (it may have lost a conflict meanwhile).
      const stale: Mutation[] = [];
      for (const r of results) {
        const m = batch.find((b) => b.mutationId === r.mutationId);
        if (!m || r.status !== 'duplicate') continue;
        const shadow = await currentShadow(db, m.table, m.recordId);
        if (shadow && shadow.version >= r.version) stale.push(m);
      }
      await recomputeFromShadows(
        deps,
        stale.map((m) => ({ table: m.table, id: m.recordId })),
      );
      if (serverClock) await observeServerClock(deps, serverClock);
    },
  );
}

/** Sets refused entries aside with their reason; the record shows the server's state again. */
async function quarantine(
  deps: RepoDeps,
  batch: Mutation[],
  rejected: Rejection[],
): Promise<number> {
  const { db } = deps;
  const nowIso = deps.now().toISOString();
  return db.transaction(
    'rw',
    [db.outbox, db.quarantine, db.shadows, ...batch.map((m) => db.table(m.table))],
    async () => {
      const refused = rejected.flatMap((r) => {
        const m = batch.find((b) => b.mutationId === r.mutationId);
        return m ? [{ m, r }] : [];
      });
      await db.quarantine.bulkPut(
        refused.map(({ m, r }) => ({
          mutationId: m.mutationId,
          seq: m.seq,
          mutation: m,
          code: r.code,
          message: r.message,
          path: r.path ?? '',
          quarantinedAt: nowIso,
        })),
      );
      await db.outbox.bulkDelete(refused.map(({ m }) => m.mutationId));
      await recomputeFromShadows(
        deps,
        refused.map(({ m }) => ({ table: m.table, id: m.recordId })),
      );
      return refused.length;
    },
  );
}

/**
 * Drains the outbox in batches, oldest first. A batch the server refuses in part is split:
 * the refused entries are quarantined, the rest is sent again, so one bad record never blocks
 * the others. Network problems throw TransientSyncError (the scheduler retries with backoff).
 */
export async function pushOutbox(deps: RepoDeps, api: SyncApi): Promise<PushSummary> {
  const summary: PushSummary = { pushed: 0, quarantined: 0, epochChanged: false };
  let size = PUSH_BATCH;
  for (;;) {
    const { batch, wire } = await nextBatch(deps, size);
    const first = batch[0];
    if (!first) return summary;
    const state = await readSyncState(deps.db);
    const outcome = await api.push({
      clientId: first.clientId,
      epoch: state.epoch,
      clientTime: deps.now().toISOString(),
      mutations: wire,
    });
    switch (outcome.kind) {
      case 'ok':
        await acknowledge(deps, batch, outcome.response.results, outcome.response.serverClock);
        await deps.db.settings.put({
          key: SYNC_STATE_KEY,
          value: { ...(await readSyncState(deps.db)), clockDriftMs: outcome.response.clockDriftMs },
        });
        summary.pushed += outcome.response.results.length;
        size = PUSH_BATCH;
        break;
      case 'rejected': {
        const count = await quarantine(deps, batch, outcome.rejected);
        if (count === 0) throw new TransientSyncError('server refused changes it was not sent');
        summary.quarantined += count;
        break;
      }
      case 'invalid':
        if (batch.length > 1) {
          // Something in this batch is malformed: send one at a time to find it.
          size = 1;
          break;
        }
        await quarantine(deps, batch, [
          { mutationId: first.mutationId, code: outcome.code, message: outcome.message },
        ]);
        summary.quarantined += 1;
        break;
      case 'epochChanged':
        summary.epochChanged = true;
        return summary;
      case 'unauthenticated':
        throw new AuthRequired();
    }
  }
}
