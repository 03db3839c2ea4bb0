import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  touchesOverview,
  watchOrganisationOverview,
  type OverviewTiming,
} from '../../src/db/queries/organisationOverviewCache';
import {
  OVERVIEW_CHUNK,
  organisationOverview,
  type OrganisationOverview,
} from '../../src/db/queries/organisations';
import { newOrganisation } from '../../src/domain/organisation';
import type { Visit } from '../../src/domain/visit';
import { testDeps } from './testDeps';
import { visitRecord } from './visitRecord';

const ORG = '00000000-0000-4000-8000-0000000000a1';
const stamp = '2026-03-10T09:00:00.000Z';

const visit = (id: string, date: string): Visit => visitRecord({ id, organisationId: ORG, date });

const unsubscribes: (() => void)[] = [];
afterEach(() => {
  for (const u of unsubscribes.splice(0)) u();
});

/** Subscribes and resolves with the next notification (a finished read). */
function nextRead(
  db: ReturnType<typeof testDeps>['db'],
): Promise<OrganisationOverview | undefined> {
  const watch = watchOrganisationOverview(db);
  return new Promise((resolve) => {
    const off = watch.subscribe(() => {
      off();
      resolve(watch.current());
    });
    unsubscribes.push(off);
  });
}

const tick = () => new Promise((r) => setTimeout(r, 30));

const realTime = (): Omit<OverviewTiming, 'minGapMs'> => ({
  now: () => performance.now(),
  setTimer: (fn, ms) => void setTimeout(fn, ms),
});

/** A clock that moves only when told to; timers fire when it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const timing: OverviewTiming = {
    now: () => now,
    setTimer: (fn, ms) => void timers.push({ at: now + ms, fn }),
    minGapMs: 1000,
  };
  return {
    timing,
    pending: () => timers.map((t) => t.at - now),
    advance: (ms: number) => {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe('organisation overview cache', () => {
  it('reads once and is kept while nothing changes', async () => {
    const { db } = testDeps();
    await db.organisations.put({ ...newOrganisation(ORG, stamp), name: 'Kulturverein' });
    await db.visits.bulkPut([visit('00000000-0000-4000-8000-0000000000b1', '2026-01-05')]);
    const first = await nextRead(db);
    expect(first?.organisations.map((o) => o.name)).toEqual(['Kulturverein']);
    expect(first?.lastVisits.get(ORG)).toBe('2026-01-05');

    // Opening the list again: the same overview at once, no new read.
    const watch = watchOrganisationOverview(db);
    let reads = 0;
    unsubscribes.push(watch.subscribe(() => (reads += 1)));
    await tick();
    expect(reads).toBe(0);
    expect(watch.current()).toBe(first);
  });

  it('a prefetch at start-up reads the overview before the list subscribes', async () => {
    const { db } = testDeps();
    await db.organisations.put({ ...newOrganisation(ORG, stamp), name: 'Frauenverein' });
    const watch = watchOrganisationOverview(db);
    watch.prefetch();
    await vi.waitFor(() =>
      expect(watch.current()?.organisations.map((o) => o.name)).toEqual(['Frauenverein']),
    );
    let reads = 0;
    unsubscribes.push(watch.subscribe(() => (reads += 1)));
    await tick();
    expect(reads).toBe(0);
  });

  it('reads again after a visit was written while nobody was watching', async () => {
    const { db } = testDeps();
    await db.organisations.put({ ...newOrganisation(ORG, stamp), name: 'Elternverein' });
    await nextRead(db);
    await db.visits.put(visit('00000000-0000-4000-8000-0000000000b2', '2026-02-20'));
    const again = await nextRead(db);
    expect(again?.lastVisits.get(ORG)).toBe('2026-02-20');
  });

  it('follows changes while the list is open', async () => {
    const { db } = testDeps();
    await db.organisations.put({ ...newOrganisation(ORG, stamp), name: 'Alt' });
    const watch = watchOrganisationOverview(db, { ...realTime(), minGapMs: 0 });
    const names: string[][] = [];
    unsubscribes.push(
      watch.subscribe(() => names.push((watch.current()?.organisations ?? []).map((o) => o.name))),
    );
    await tick();
    await db.organisations.update(ORG, { name: 'Neu' });
    await tick();
    expect(names.at(-1)).toEqual(['Neu']);
  });

  it('follows a stream of changes at most once per interval, the last change included', async () => {
    const { db } = testDeps();
    await db.organisations.put({ ...newOrganisation(ORG, stamp), name: 'v0' });
    const clock = manualClock();
    const watch = watchOrganisationOverview(db, clock.timing);
    const names: string[] = [];
    unsubscribes.push(
      watch.subscribe(() => names.push(watch.current()?.organisations[0]?.name ?? '')),
    );
    await tick();
    expect(names).toEqual(['v0']);
    // Three writes within the interval: no read yet, one is due when the interval is over.
    for (const name of ['v1', 'v2', 'v3']) {
      await db.organisations.update(ORG, { name });
      await tick();
    }
    expect(names).toEqual(['v0']);
    expect(clock.pending()).toEqual([1000]);
    clock.advance(1000);
    await tick();
    expect(names).toEqual(['v0', 'v3']);
    // A change after a quiet spell is read at once.
    clock.advance(5000);
    await db.organisations.update(ORG, { name: 'v4' });
    await tick();
    expect(names).toEqual(['v0', 'v3', 'v4']);
  });

  it('reads the organisations in chunks, all of them in key order', async () => {
    const { db } = testDeps();
    const count = OVERVIEW_CHUNK * 2 + 7;
    const ids = Array.from(
      { length: count },
      (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    );
    await db.organisations.bulkPut(ids.map((id) => ({ ...newOrganisation(id, stamp), name: id })));
    const overview = await organisationOverview(db);
    expect(overview.organisations.map((o) => o.id)).toEqual(ids);
  });

  it('ignores changes to other tables and other databases', () => {
    const part = (p: string) => ({ [p]: {} }) as Parameters<typeof touchesOverview>[0];
    expect(touchesOverview(part('idb://bruecke/visits/[organisationId+date]'), 'bruecke')).toBe(
      true,
    );
    expect(touchesOverview(part('idb://bruecke/organisations/'), 'bruecke')).toBe(true);
    expect(touchesOverview(part('idb://bruecke/drafts/'), 'bruecke')).toBe(false);
    expect(touchesOverview(part('idb://other/visits/'), 'bruecke')).toBe(false);
    expect(touchesOverview(part('idb://bruecke-test/visits/'), 'bruecke')).toBe(false);
  });
});
