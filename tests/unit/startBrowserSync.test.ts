import { describe, expect, it, vi } from 'vitest';
import { sessionUser } from '../../src/db/queries/account';
import { rememberSessionUser } from '../../src/db/repositories/account';
import {
  readingWholeBody,
  startBrowserSync,
  type BrowserSync,
  type BrowserSyncEnv,
} from '../../src/sync/startBrowserSync';
import { readSyncState } from '../../src/sync/syncState';
import { testDeps } from './testDeps';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const user = { id: 'u1', login: 'koordination', displayName: 'Koordinierungsstelle' };

/** A browser as data: online flag, visibility, event targets, a fake server and manual timers. */
function fakeBrowser(loggedIn: boolean) {
  const calls: string[] = [];
  const timers: number[] = [];
  const browser = { online: false, visible: true, loggedIn };
  const win = new EventTarget();
  const doc = new EventTarget();
  const env: BrowserSyncEnv = {
    fetch: (url) => {
      calls.push(url);
      if (url === '/api/auth/session')
        return Promise.resolve(json(200, { user: browser.loggedIn ? user : null }));
      if (!browser.loggedIn)
        return Promise.resolve(json(401, { code: 'unauthenticated', message: '' }));
      if (url.startsWith('/api/sync/pull')) {
        return Promise.resolve(
          json(200, { epoch: 'e1', changes: [], cursor: 0, hasMore: false, serverClock: '' }),
        );
      }
      if (url === '/api/auth/me') return Promise.resolve(json(200, { user }));
      return Promise.resolve(json(404, { code: 'not_found', message: '' }));
    },
    locks: undefined,
    isOnline: () => browser.online,
    isVisible: () => browser.visible,
    window: win,
    document: doc,
    random: () => 0.5,
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
    intervalMs: 60_000,
  };
  return { env, calls, timers, browser, win, doc };
}

/** A round starts synchronously when triggered; this waits until it is over. */
const idle = (sync: BrowserSync) =>
  vi.waitFor(
    () => {
      if (sync.isSyncing()) throw new Error('still syncing');
    },
    { timeout: 10_000 },
  );

/** For "nothing happens": give any stray work a moment. */
const pause = () => new Promise((r) => setTimeout(r, 50));

describe('browser sync', () => {
  it('does not sync while offline, and syncs as soon as the device is online', async () => {
    const deps = testDeps();
    const { env, calls, browser, win } = fakeBrowser(true);
    const sync = startBrowserSync(deps, env);
    await sync.syncNow();
    await pause();
    expect(calls).toEqual([]);
    browser.online = true;
    win.dispatchEvent(new Event('online'));
    expect(sync.isSyncing()).toBe(true);
    await idle(sync);
    // The device remembers nobody: it asks the server first, which knows the session.
    expect(calls[0]).toBe('/api/auth/session');
    expect(calls[1]).toMatch(/^\/api\/sync\/pull\?since=0&limit=\d+$/);
    const state = await readSyncState(deps.db);
    expect(state.lastSyncAt).not.toBeNull();
    expect(state.lastError).toBeNull();
    // It learned who is logged in.
    expect(await sessionUser(deps.db)).toEqual(user);
    sync.stop();
  });

  it('syncs on app open and when the tab becomes visible, not when it is hidden', async () => {
    const deps = testDeps();
    const { env, calls, browser, win, doc } = fakeBrowser(true);
    browser.online = true;
    const sync = startBrowserSync(deps, env);
    await idle(sync);
    const pulls = () => calls.filter((c) => c.startsWith('/api/sync/pull')).length;
    expect(pulls()).toBe(1);
    browser.visible = false;
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(sync.isSyncing()).toBe(false);
    await pause();
    expect(pulls()).toBe(1);
    browser.visible = true;
    doc.dispatchEvent(new Event('visibilitychange'));
    await idle(sync);
    expect(pulls()).toBe(2);
    sync.stop();
    win.dispatchEvent(new Event('online'));
    await pause();
    expect(pulls()).toBe(2);
  });

  it('records "login required" and forgets the remembered user when the session is gone', async () => {
    const deps = testDeps();
    await rememberSessionUser(deps, user);
    const { env, timers, browser } = fakeBrowser(false);
    browser.online = true;
    const sync = startBrowserSync(deps, env);
    await idle(sync);
    expect((await readSyncState(deps.db)).lastError).toBe('loginRequired');
    expect(await sessionUser(deps.db)).toBeNull();
    expect(timers).toEqual([]);
    sync.stop();
  });

  it('without a remembered user and without a session, ends the round before loading the engine', async () => {
    const deps = testDeps();
    const { env, calls, timers, browser } = fakeBrowser(false);
    browser.online = true;
    const sync = startBrowserSync(deps, env);
    await idle(sync);
    // Only the engine-free question; the engine would have asked for a pull.
    expect(calls).toEqual(['/api/auth/session']);
    expect((await readSyncState(deps.db)).lastError).toBe('loginRequired');
    expect(timers).toEqual([]);
    sync.stop();
  });

  it('an unclear answer to the session question leaves the round to the engine', async () => {
    const deps = testDeps();
    const { env, calls, browser } = fakeBrowser(false);
    browser.online = true;
    // As from a server without the route: not a clear "nobody".
    const fetch = env.fetch;
    const sync = startBrowserSync(deps, {
      ...env,
      fetch: (url, init) =>
        url === '/api/auth/session'
          ? Promise.resolve(json(404, { code: 'not_found', message: '' }))
          : fetch(url, init),
    });
    await idle(sync);
    expect(calls.some((c) => c.startsWith('/api/sync/pull'))).toBe(true);
    expect((await readSyncState(deps.db)).lastError).toBe('loginRequired');
    sync.stop();
  });

  it('stopAndRun stops syncing, and resumes it when the work fails', async () => {
    const deps = testDeps();
    const { env, calls, browser, win } = fakeBrowser(true);
    browser.online = true;
    const sync = startBrowserSync(deps, env);
    await idle(sync);
    const pulls = () => calls.filter((c) => c.startsWith('/api/sync/pull')).length;
    expect(pulls()).toBe(1);
    await expect(
      sync.stopAndRun(() => {
        win.dispatchEvent(new Event('online'));
        return Promise.reject(new Error('nope'));
      }),
    ).rejects.toThrow('nope');
    await idle(sync);
    // Nothing synced while stopped (the "online" above), then one round when syncing resumed.
    expect(pulls()).toBe(2);
    sync.stop();
  });

  it('reads every answer to its end, so no request stays open (a 401 body is never read)', async () => {
    const original = json(401, { code: 'unauthenticated', message: '' });
    const res = await readingWholeBody(() => Promise.resolve(original))('/api/sync/pull');
    expect(original.bodyUsed).toBe(true);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'unauthenticated', message: '' });
    const empty = await readingWholeBody(() =>
      Promise.resolve(new Response(null, { status: 204 })),
    )('/x');
    expect(empty.status).toBe(204);
  });
});
