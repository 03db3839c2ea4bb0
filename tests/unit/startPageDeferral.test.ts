import { describe, expect, it, vi } from 'vitest';
import { firstScreenSignal } from '../../src/app/firstScreen';
import { ACCOUNT_KEY, sessionUser } from '../../src/db/queries/account';
import { startBrowserSync, type BrowserSyncEnv } from '../../src/sync/startBrowserSync';
import { testDeps } from './testDeps';

/**
 * Issue 6, budget 1: the start page does not load the sync engine; its first round waits for the
 * first screen, and the engine (a lazy chunk) is loaded when a round runs or the auth API is used.
 */

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const user = { id: 'u1', login: 'koordination', displayName: 'Koordinierungsstelle' };

function onlineEnv(calls: string[]): BrowserSyncEnv {
  return {
    fetch: (url) => {
      calls.push(url);
      if (url.startsWith('/api/sync/pull'))
        return Promise.resolve(
          json(200, { epoch: 'e1', changes: [], cursor: 0, hasMore: false, serverClock: '' }),
        );
      if (url === '/api/auth/me' || url === '/api/auth/session')
        return Promise.resolve(json(200, { user }));
      return Promise.resolve(json(404, { code: 'not_found', message: '' }));
    },
    locks: undefined,
    isOnline: () => true,
    isVisible: () => true,
    window: new EventTarget(),
    document: new EventTarget(),
    random: () => 0.5,
    setTimer: () => 0,
    clearTimer: () => undefined,
    intervalMs: 60_000,
  };
}

const pause = () => new Promise((r) => setTimeout(r, 50));

describe('the first sync round after the first screen', () => {
  it('waits until the deferral starts it, then syncs', async () => {
    const deps = testDeps();
    const calls: string[] = [];
    let startFirstRound: (() => void) | undefined;
    const sync = startBrowserSync(deps, {
      ...onlineEnv(calls),
      deferFirstRound: (start) => {
        startFirstRound = start;
      },
    });
    await pause();
    expect(calls).toEqual([]);
    expect(sync.isSyncing()).toBe(false);
    startFirstRound?.();
    expect(sync.isSyncing()).toBe(true);
    await vi.waitFor(() => {
      if (sync.isSyncing()) throw new Error('still syncing');
    });
    expect(calls.some((c) => c.startsWith('/api/sync/pull'))).toBe(true);
    expect(await sessionUser(deps.db)).toEqual(user);
    sync.stop();
  });

  it('"sync now" does not wait for the deferral', async () => {
    const deps = testDeps();
    const calls: string[] = [];
    const sync = startBrowserSync(deps, { ...onlineEnv(calls), deferFirstRound: () => undefined });
    await sync.syncNow();
    expect(calls.some((c) => c.startsWith('/api/sync/pull'))).toBe(true);
    sync.stop();
  });

  it('the auth API loads the engine on first use', async () => {
    const calls: string[] = [];
    const sync = startBrowserSync(testDeps(), {
      ...onlineEnv(calls),
      deferFirstRound: () => undefined,
    });
    expect(await sync.auth.me()).toEqual({ kind: 'ok', user });
    expect(calls).toEqual(['/api/auth/me']);
    sync.stop();
  });
});

describe('firstScreenSignal', () => {
  it('runs waiting work once the first screen is shown, and later work right away', () => {
    const ran: string[] = [];
    const idle = (fn: () => void) => {
      ran.push('idle');
      fn();
    };
    const signal = firstScreenSignal(idle);
    signal.after(() => ran.push('a'));
    expect(ran).toEqual([]);
    signal.shown();
    signal.shown();
    expect(ran).toEqual(['idle', 'a']);
    signal.after(() => ran.push('b'));
    expect(ran).toEqual(['idle', 'a', 'idle', 'b']);
  });

  it('waits for what the first screen needs (e.g. the list rows), even if it fails', async () => {
    const ran: string[] = [];
    const signal = firstScreenSignal((fn) => fn());
    let finishRead = (): void => undefined;
    signal.waitFor(new Promise<void>((resolve) => (finishRead = resolve)));
    signal.waitFor(Promise.reject(new Error('no data')));
    signal.after(() => ran.push('sync'));
    signal.shown();
    await Promise.resolve();
    expect(ran).toEqual([]);
    finishRead();
    await vi.waitFor(() => expect(ran).toEqual(['sync']));
    signal.after(() => ran.push('later'));
    expect(ran).toEqual(['sync', 'later']);
  });
});

describe('the remembered session user (read without zod)', () => {
  it('is read with exactly its three fields, and anything else is no user', async () => {
    const deps = testDeps();
    expect(await sessionUser(deps.db)).toBeNull();
    await deps.db.settings.put({ key: ACCOUNT_KEY, value: { ...user, extra: 1 } });
    expect(await sessionUser(deps.db)).toEqual(user);
    for (const value of [null, 'u1', { id: 'u1', login: 'x' }, { ...user, displayName: 3 }]) {
      await deps.db.settings.put({ key: ACCOUNT_KEY, value });
      expect(await sessionUser(deps.db)).toBeNull();
    }
  });
});
