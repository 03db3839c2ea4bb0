import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync/protocol';
import { applyServerChanges, putSlices } from '../../src/sync/applyServerChanges';
import type { SyncApi } from '../../src/sync/syncApi';
import { PULL_PAGE, syncOnce } from '../../src/sync/syncOnce';
import { readSyncState } from '../../src/sync/syncState';
import { yieldToEventLoop } from '../../src/sync/yieldToEventLoop';
import { testDeps } from './testDeps';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A server holding `total` organisations at versions 1…total, paged by the requested limit. */
function pagedServer(total: number) {
  const limits: number[] = [];
  const api: SyncApi = {
    push: () => Promise.reject(new Error('nothing to push')),
    pull: (since, limit) => {
      limits.push(limit);
      const changes = [];
      for (let v = since + 1; v <= Math.min(total, since + limit); v += 1)
        changes.push({
          table: 'organisations' as const,
          id: id(v),
          version: v,
          data: { id: id(v) },
        });
      const cursor = changes.at(-1)?.version ?? since;
      const response: PullResponse = {
        epoch: 'e1',
        changes,
        cursor,
        hasMore: cursor < total,
        serverClock: '',
      };
      return Promise.resolve({ kind: 'ok', response });
    },
  };
  return { api, limits };
}

describe('pulling page by page', () => {
  it('asks for the largest pages and pauses after every applied page but the last', async () => {
    const deps = testDeps();
    const total = PULL_PAGE * 2 + 5;
    const { api, limits } = pagedServer(total);
    const cursorsAtPause: number[] = [];
    const summary = await syncOnce(deps, api, async () => {
      cursorsAtPause.push((await readSyncState(deps.db)).cursor);
    });
    expect(summary.pulled).toBe(total);
    expect(await deps.db.organisations.count()).toBe(total);
    expect(limits).toEqual([PULL_PAGE, PULL_PAGE, PULL_PAGE]);
    // The pause comes after the page's transaction (with its cursor) committed.
    expect(cursorsAtPause).toEqual([PULL_PAGE, PULL_PAGE * 2]);
  });

  it('does not pause by default (a client in Node, the benchmarks)', async () => {
    const deps = testDeps();
    const { api, limits } = pagedServer(3);
    expect((await syncOnce(deps, api)).pulled).toBe(3);
    expect(limits).toEqual([PULL_PAGE]);
  });
});

describe('yielding to the event loop', () => {
  it('uses scheduler.yield where there is one, and a message otherwise', async () => {
    let yields = 0;
    const withScheduler = {
      ...globalThis,
      scheduler: {
        yield: () => {
          yields += 1;
          return Promise.resolve();
        },
      },
    } as unknown as typeof globalThis;
    await yieldToEventLoop(withScheduler);
    expect(yields).toBe(1);
    const withoutScheduler = { MessageChannel } as unknown as typeof globalThis;
    await expect(yieldToEventLoop(withoutScheduler)).resolves.toBeUndefined();
  });
});

describe('writing a page in slices', () => {
  it('cuts large tables into near-equal slices of 100 to 200 records, keeping small ones whole', () => {
    const sizes = (n: number) =>
      putSlices(Array.from({ length: n }, (_, i) => i)).map((s) => s.length);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(200)).toEqual([200]);
    expect(sizes(201)).toEqual([101, 100]);
    expect(sizes(391)).toEqual([196, 195]);
    expect(sizes(1000)).toEqual([200, 200, 200, 200, 200]);
    const all = putSlices(Array.from({ length: 777 }, (_, i) => i)).flat();
    expect(all).toEqual(Array.from({ length: 777 }, (_, i) => i));
  });

  it('stores every record of a large page, and its cursor, in one transaction', async () => {
    const deps = testDeps();
    const { api } = pagedServer(450);
    const outcome = await api.pull(0, 1000);
    if (outcome.kind !== 'ok') throw new Error('unexpected');
    await applyServerChanges(deps, outcome.response);
    expect(await deps.db.organisations.count()).toBe(450);
    expect((await readSyncState(deps.db)).cursor).toBe(450);
  });
});
