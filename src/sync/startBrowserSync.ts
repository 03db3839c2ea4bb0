import type { RepoDeps } from '../db/deps';
import { sessionUser } from '../db/queries/account';
import { forgetSessionUser, rememberSessionUser } from '../db/repositories/account';
import type { AuthApi } from './authApi';
import { AuthRequired } from './authRequired';
import type { SyncApi } from './syncApi';
import { createSyncScheduler, type SyncScheduler } from './syncScheduler';
import { updateSyncState } from './syncState';
import { yieldToEventLoop } from './yieldToEventLoop';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
type Listenable = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** What the sync engine needs from the browser; injected so it can run without one. */
export interface BrowserSyncEnv {
  fetch: Fetch;
  /** Web Locks: one tab syncs at a time. Missing in old browsers (then every tab may sync). */
  locks: LockManager | undefined;
  isOnline: () => boolean;
  isVisible: () => boolean;
  /** Fires `online`. */
  window: Listenable;
  /** Fires `visibilitychange`. */
  document: Listenable;
  random: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  intervalMs: number;
  /**
   * When the first round may start (the start page: after the first screen, so the engine chunk
   * is not downloaded before it). Missing: right away.
   */
  deferFirstRound?: (start: () => void) => void;
  /** Awaited between two pulled pages (a yield to the event loop). Missing: no pause. */
  betweenPulledPages?: () => Promise<void>;
}

export const SYNC_INTERVAL_MS = 60_000;

/** The Web Lock `runSync` holds while syncing (same name as there). */
const SYNC_LOCK = 'bruecke-sync';

export function browserSyncEnv(): BrowserSyncEnv {
  return {
    fetch: fetch.bind(window),
    locks: 'locks' in navigator ? navigator.locks : undefined,
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === 'visible',
    window,
    document,
    random: Math.random,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    intervalMs: SYNC_INTERVAL_MS,
    betweenPulledPages: () => yieldToEventLoop(),
  };
}

/** Statuses whose response may not carry a body (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Reads every response to its end before handing it on. The API clients skip the body of some
 * answers (a 401, for instance); an unread body keeps the request open, until a reload aborts it.
 */
export function readingWholeBody(fetchImpl: Fetch): Fetch {
  return async (input, init) => {
    const res = await fetchImpl(input, init);
    const body = NULL_BODY_STATUS.has(res.status) ? null : await res.arrayBuffer();
    return new Response(body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}

/**
 * Whether the server clearly says "no session" (`GET /api/auth/session` answers `user: null`),
 * asked without the engine. A device that remembers nobody may still hold a session cookie (a
 * login in another tab or through the API), so it asks; any other answer, or none, leaves it to
 * the engine.
 */
async function knownLoggedOut(fetchRead: Fetch): Promise<boolean> {
  try {
    const res = await fetchRead('/api/auth/session');
    if (!res.ok) return false;
    const body: unknown = await res.json();
    return typeof body === 'object' && body !== null && 'user' in body && body.user === null;
  } catch {
    return false;
  }
}

type SyncEngine = typeof import('./syncEngine');

/** The engine's clients, made once the engine chunk is loaded. */
interface LoadedEngine {
  runSync: SyncEngine['runSync'];
  api: SyncApi;
  auth: AuthApi;
}

/**
 * Loads the engine chunk once, on first use. A failed load (e.g. offline before the service
 * worker cached it) is forgotten, so the next round tries again.
 */
function lazyEngine(fetchRead: Fetch): () => Promise<LoadedEngine> {
  let loading: Promise<LoadedEngine> | null = null;
  return () =>
    (loading ??= import('./syncEngine').then(
      (engine) => ({
        runSync: engine.runSync,
        api: engine.createSyncApi('', fetchRead),
        auth: engine.createAuthApi('', fetchRead),
      }),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
}

/** The auth API; loads the engine on first use. Not loading counts as no answer (`network`). */
function lazyAuthApi(engine: () => Promise<LoadedEngine>): AuthApi {
  const withAuth = async <T>(
    call: (auth: AuthApi) => Promise<T>,
  ): Promise<T | { kind: 'network' }> => {
    let auth: AuthApi;
    try {
      auth = (await engine()).auth;
    } catch {
      return { kind: 'network' };
    }
    return call(auth);
  };
  return {
    login: (login, password) => withAuth((auth) => auth.login(login, password)),
    logout: () => withAuth((auth) => auth.logout()),
    me: () => withAuth((auth) => auth.me()),
  };
}

export interface BrowserSync {
  /** Sync now (the "sync now" button, after a login); resolves when this round is over. */
  syncNow: () => Promise<void>;
  /** Whether this tab is syncing right now, as an external store for React. */
  isSyncing: () => boolean;
  subscribe: (listener: () => void) => () => void;
  auth: AuthApi;
  /**
   * Stops syncing in this tab, waits until no tab syncs, and runs `fn` while holding the sync
   * lock (e.g. deleting the local database). Syncing resumes only if `fn` throws.
   */
  stopAndRun: <T>(fn: () => Promise<T>) => Promise<T>;
  stop: () => void;
}

/**
 * Starts the sync engine in the browser: on app open, when the device comes back online, when
 * the tab becomes visible, on a timer and on request. Nothing is sent while offline; the next
 * `online` event starts the next round.
 */
export function startBrowserSync(deps: RepoDeps, env: BrowserSyncEnv): BrowserSync {
  const fetchRead = readingWholeBody(env.fetch);
  const engine = lazyEngine(fetchRead);
  const auth = lazyAuthApi(engine);
  const listeners = new Set<() => void>();
  const state = { syncing: false };
  const setSyncing = (syncing: boolean): void => {
    state.syncing = syncing;
    for (const listener of listeners) listener();
  };

  /** Learns who is logged in when a sync worked but the device does not know yet. */
  const refreshUser = async (): Promise<void> => {
    if (await sessionUser(deps.db)) return;
    const me = await auth.me();
    if (me.kind === 'ok') await rememberSessionUser(deps, me.user);
  };

  /** The engine; a chunk that does not load counts as a network error, like a failed request. */
  const loadEngine = async (): Promise<LoadedEngine> => {
    try {
      return await engine();
    } catch (error) {
      const attemptAt = deps.now().toISOString();
      await updateSyncState(deps.db, { lastAttemptAt: attemptAt, lastError: 'network' });
      throw error;
    }
  };

  /**
   * Nobody logged in on this device, and the server confirms it: the round ends as the engine
   * would end it ("login required"), without loading the engine (a large chunk) for nothing.
   */
  const loggedOut = async (): Promise<boolean> => {
    if ((await sessionUser(deps.db)) || !(await knownLoggedOut(fetchRead))) return false;
    const attemptAt = deps.now().toISOString();
    await updateSyncState(deps.db, { lastAttemptAt: attemptAt, lastError: 'loginRequired' });
    return true;
  };

  const run = async (): Promise<void> => {
    if (!env.isOnline()) return;
    setSyncing(true);
    try {
      if (await loggedOut()) throw new AuthRequired();
      const { runSync, api } = await loadEngine();
      const summary = await runSync(deps, api, env.locks, env.betweenPulledPages);
      if (summary) await refreshUser();
    } catch (error) {
      if (error instanceof AuthRequired) await forgetSessionUser(deps);
      throw error;
    } finally {
      setSyncing(false);
    }
  };
  const newScheduler = (): SyncScheduler =>
    createSyncScheduler({
      run,
      random: env.random,
      setTimer: env.setTimer,
      clearTimer: env.clearTimer,
      intervalMs: env.intervalMs,
    });
  // Replaced only when `stopAndRun` fails and syncing has to resume.
  let scheduler = newScheduler();

  const trigger = (): Promise<void> => (env.isOnline() ? scheduler.trigger() : Promise.resolve());
  const onOnline = (): void => void trigger();
  const onVisibility = (): void => {
    if (env.isVisible()) void trigger();
  };
  const listen = (): void => {
    env.window.addEventListener('online', onOnline);
    env.document.addEventListener('visibilitychange', onVisibility);
  };
  const stop = (): void => {
    scheduler.stop();
    env.window.removeEventListener('online', onOnline);
    env.document.removeEventListener('visibilitychange', onVisibility);
  };

  listen();
  if (env.deferFirstRound) env.deferFirstRound(() => void trigger());
  else void trigger();

  return {
    syncNow: trigger,
    isSyncing: () => state.syncing,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    auth,
    stopAndRun: async (fn) => {
      stop();
      try {
        return await (env.locks ? env.locks.request(SYNC_LOCK, fn) : fn());
      } catch (error) {
        scheduler = newScheduler();
        listen();
        void trigger();
        throw error;
      }
    },
    stop,
  };
}
