import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/domain/sync/protocol';
import { applyServerChanges, putSlices } from '../../src/sync/applyServerChanges';
import { readPagesAhead } from '../../src/sync/pagesAhead';
import { TransientSyncError, type PullOutcome, type SyncApi } from '../../src/sync/syncApi';
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

describe('reading pages ahead', () => {
  /** A server whose answers the test releases one by one, recording what was requested. */
  function heldServer(total: number, pageSize: number) {
    const requested: number[] = [];
    const held: (() => void)[] = [];
    const fetchPage = (since: number): Promise<PullOutcome> => {
      requested.push(since);
      const cursor = Math.min(total, since + pageSize);
      return new Promise((resolve) => {
        held.push(() => {
          resolve({
            kind: 'ok',
            response: {
              epoch: 'e1',
              changes: [],
              cursor,
              hasMore: cursor < total,
              serverClock: '',
            },
          });
        });
      });
    };
    const release = async () => {
      held.shift()?.();
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    };
    return { fetchPage, requested, release };
  }

  it('asks for the next page as soon as the one before arrives, at most two ahead, in order', async () => {
    const server = heldServer(50, 10);
    const reader = readPagesAhead(server.fetchPage, 0, 2);
    expect(server.requested).toEqual([0]);
    await server.release();
    // Page 1 arrived: page 2 is asked for before anyone read page 1.
    expect(server.requested).toEqual([0, 10]);
    await server.release();
    // Two pages wait unread: no third request until one is taken.
    expect(server.requested).toEqual([0, 10]);
    const first = await reader.next();
    expect(server.requested).toEqual([0, 10, 20]);
    const second = await reader.next();
    await server.release();
    const cursors = [first, second, await reader.next()].map((o) =>
      o.kind === 'ok' ? o.response.cursor : -1,
    );
    expect(cursors).toEqual([10, 20, 30]);
    await server.release();
    await server.release();
    expect(server.requested).toEqual([0, 10, 20, 30, 40]);
    expect(await reader.next()).toMatchObject({ response: { cursor: 40, hasMore: true } });
    expect(await reader.next()).toMatchObject({ response: { cursor: 50, hasMore: false } });
    // The last page asks for nothing more.
    expect(server.requested).toHaveLength(5);
    await expect(reader.next()).rejects.toThrow(/last one/);
  });

  it('hands a failed request to the reader in its place and asks for nothing after it', async () => {
    const requested: number[] = [];
    const reader = readPagesAhead((since) => {
      requested.push(since);
      return since === 0
        ? Promise.resolve({
            kind: 'ok',
            response: { epoch: 'e1', changes: [], cursor: 10, hasMore: true, serverClock: '' },
          })
        : Promise.reject(new TransientSyncError('offline'));
    }, 0);
    expect(await reader.next()).toMatchObject({ response: { cursor: 10 } });
    await expect(reader.next()).rejects.toThrow('offline');
    expect(requested).toEqual([0, 10]);
  });

  it('a pull that fails half-way keeps the pages applied before it and resumes after them', async () => {
    const deps = testDeps();
    const total = PULL_PAGE * 3;
    const { api } = pagedServer(total);
    let calls = 0;
    const flaky: SyncApi = {
      ...api,
      pull: (since, limit) => {
        calls += 1;
        return since >= PULL_PAGE * 2
          ? Promise.reject(new TransientSyncError('connection lost'))
          : api.pull(since, limit);
      },
    };
    await expect(syncOnce(deps, flaky)).rejects.toThrow('connection lost');
    expect((await readSyncState(deps.db)).cursor).toBe(PULL_PAGE * 2);
    expect(await deps.db.organisations.count()).toBe(PULL_PAGE * 2);
    expect(calls).toBe(3);
    expect((await syncOnce(deps, api)).pulled).toBe(PULL_PAGE);
    expect(await deps.db.organisations.count()).toBe(total);
  });
});
