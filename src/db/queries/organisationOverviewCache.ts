import { Dexie, type ObservabilitySet } from 'dexie';
import type { BrueckeDb } from '../database';
import { organisationOverview, type OrganisationOverview } from './organisations';

/** The tables the overview is read from: a write to any of them makes it stale. */
const SOURCES = ['organisations', 'visits'] as const;

/** Whether committed changes (Dexie's `storagemutated` parts) touch the overview's tables. */
export function touchesOverview(parts: ObservabilitySet, dbName: string): boolean {
  const prefixes = SOURCES.map((table) => `idb://${dbName}/${table}/`);
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
}

/** When reads may happen; injected so tests control time. */
export interface OverviewTiming {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => void;
  /**
   * Least time from the start of one read caused by changes to the start of the next. A stream
   * of changes (a pull writes a page every few tens of milliseconds) then costs one read (and one
   * rebuild of the list's index, see useOrganisationRows.ts) per interval, not one per write.
   */
  minGapMs: number;
}

export const OVERVIEW_MIN_GAP_MS = 1000;

export const browserOverviewTiming = (): OverviewTiming => ({
  now: () => performance.now(),
  setTimer: (fn, ms) => void setTimeout(fn, ms),
  minGapMs: OVERVIEW_MIN_GAP_MS,
});

export interface OverviewWatch {
  /** The overview as last read; undefined before the first read finished. */
  current: () => OrganisationOverview | undefined;
  /** The error of the last read, if it failed. */
  error: () => unknown;
  /** Calls `onChange` after each new read; reads again now if something changed meanwhile. */
  subscribe: (onChange: () => void) => () => void;
  /** Reads now if the overview is not known yet or changed, so it is there when a list opens. */
  prefetch: () => void;
}

/**
 * The organisation overview, kept for the whole session and read again only after organisations
 * or visits changed (in this tab, another tab, or through sync). A live query would read it
 * anew every time the list is opened: reading 1,000 organisations and 20,000 visit keys takes a
 * noticeable while, and such reads queue up in IndexedDB ahead of the next save when someone
 * goes back and forth between the list and profiles.
 *
 * While the list is open, changes are followed at most once per `minGapMs` (the first change
 * after a quiet spell at once): during an initial pull the list grows every second instead of
 * rebuilding itself after every page.
 */
class OverviewCache implements OverviewWatch {
  private value: OrganisationOverview | undefined;
  private failure: unknown = undefined;
  private stale = true;
  private reading = false;
  private waiting = false;
  /** When the last read started (`timing.now()`); none yet: -Infinity. */
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: BrueckeDb,
    private readonly timing: OverviewTiming,
  ) {
    Dexie.on.storagemutated.subscribe((parts) => {
      if (!touchesOverview(parts, this.db.name)) return;
      this.stale = true;
      if (this.listeners.size > 0) this.readSoon();
    });
  }

  current = (): OrganisationOverview | undefined => this.value;

  error = (): unknown => this.failure;

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    if (this.stale) this.read();
    return () => {
      this.listeners.delete(onChange);
    };
  };

  prefetch = (): void => {
    if (this.stale) this.read();
  };

  /** A read now, or when `minGapMs` since the last one have passed. */
  private readSoon(): void {
    if (this.reading || this.waiting) return;
    const wait = this.lastReadAt + this.timing.minGapMs - this.timing.now();
    if (wait <= 0) {
      this.read();
      return;
    }
    this.waiting = true;
    this.timing.setTimer(() => {
      this.waiting = false;
      if (this.stale && this.listeners.size > 0) this.read();
    }, wait);
  }

  /** One read at a time; changes during a read lead to one more read after it. */
  private read(): void {
    if (this.reading) return;
    this.reading = true;
    this.stale = false;
    this.lastReadAt = this.timing.now();
    organisationOverview(this.db).then(
      (overview) => this.settle(overview, undefined),
      (error: unknown) => this.settle(this.value, error),
    );
  }

  private settle(overview: OrganisationOverview | undefined, error: unknown): void {
    this.reading = false;
    this.value = overview;
    this.failure = error;
    for (const listener of [...this.listeners]) listener();
    if (this.stale && this.listeners.size > 0) this.readSoon();
  }
}

const caches = new WeakMap<BrueckeDb, OverviewCache>();

/** The overview cache of `db`; `timing` counts only on the first call for a database. */
export function watchOrganisationOverview(
  db: BrueckeDb,
  timing: OverviewTiming = browserOverviewTiming(),
): OverviewWatch {
  let cache = caches.get(db);
  if (!cache) {
    cache = new OverviewCache(db, timing);
    caches.set(db, cache);
  }
  return cache;
}
