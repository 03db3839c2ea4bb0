import { afterEach, describe, expect, it } from 'vitest';
import {
  touchesOverview,
  watchOrganisationOverview,
} from '../../src/db/queries/organisationOverviewCache';
import type { OrganisationOverview } from '../../src/db/queries/organisations';
import { newOrganisation } from '../../src/domain/organisation';
import type { Visit } from '../../src/domain/visit';
import { testDeps } from './testDeps';

const ORG = '00000000-0000-4000-8000-0000000000a1';
const stamp = '2026-03-10T09:00:00.000Z';

function visit(id: string, date: string): Visit {
  return {
    id,
    createdAt: stamp,
    updatedAt: stamp,
    deleted: false,
    organisationId: ORG,
    date,
    place: 'moRooms',
    placeNote: '',
    participants: '',
    purpose: 'counselling',
    language: 'de',
    interpreter: false,
    notes: '',
    handedOver: '',
    checklistUpdates: {},
  };
}

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
    const watch = watchOrganisationOverview(db);
    const names: string[][] = [];
    unsubscribes.push(
      watch.subscribe(() => names.push((watch.current()?.organisations ?? []).map((o) => o.name))),
    );
    await tick();
    await db.organisations.update(ORG, { name: 'Neu' });
    await tick();
    expect(names.at(-1)).toEqual(['Neu']);
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
