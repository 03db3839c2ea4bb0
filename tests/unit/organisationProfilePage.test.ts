import { describe, expect, it } from 'vitest';
import { organisationProfile } from '../../src/db/queries/organisationProfile';
import { organisationProfilePage } from '../../src/db/queries/organisationProfilePage';
import type { FollowUp, Referral, Visit } from '../../src/domain/visit';
import { testDeps } from './testDeps';
import { visitRecord } from './visitRecord';

const ORG = '00000000-0000-4000-8000-0000000000a1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';
const stamp = '2026-03-10T09:00:00.000Z';
const base = { createdAt: stamp, updatedAt: stamp, deleted: false };
const uuid = (prefix: string, n: number): string =>
  `00000000-0000-4000-${prefix}-${String(n).padStart(12, '0')}`;

function visit(n: number, organisationId = ORG): Visit {
  const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const id = uuid(organisationId === ORG ? '8000' : '9000', n);
  return visitRecord({ id, organisationId, date: day });
}

function referral(n: number, v: Visit): Referral {
  return {
    ...base,
    id: uuid('a000', n),
    organisationId: v.organisationId,
    visitId: v.id,
    targetId: 'ref-1',
    note: '',
    outcome: 'open',
  };
}

function followUp(n: number, dueDate: string): FollowUp {
  return {
    ...base,
    id: uuid('b000', n),
    organisationId: ORG,
    visitId: null,
    what: `task ${n}`,
    who: '',
    dueDate,
    done: n % 2 === 0,
    doneAt: null,
  };
}

async function seeded() {
  const { db } = testDeps();
  const visits = Array.from({ length: 45 }, (_, i) => visit(i));
  visits[44] = { ...visits[44], deleted: true } as Visit;
  const others = Array.from({ length: 5 }, (_, i) => visit(100 + i, OTHER));
  const referrals = visits.filter((_, i) => i % 3 === 0).map((v, i) => referral(i, v));
  await db.visits.bulkPut([...visits, ...others]);
  await db.referrals.bulkPut([
    ...referrals,
    { ...referral(99, visits[43] as Visit), deleted: true },
  ]);
  await db.followUps.bulkPut([followUp(1, '2026-05-01'), followUp(2, '2026-04-01')]);
  return db;
}

describe('organisationProfilePage', () => {
  it('reads the newest visits of the organisation and the referrals of just those', async () => {
    const db = await seeded();
    const full = await organisationProfile(db, ORG);
    const page = await organisationProfilePage(db, ORG, 20);
    expect(page.visits).toEqual(full.visits.slice(0, 20));
    expect(page.visits[0]?.date).toBe(visit(43).date);
    const shown = new Set(page.visits.map((v) => v.id));
    expect(page.referrals).toEqual(full.referrals.filter((r) => shown.has(r.visitId)));
    expect(page.referrals.length).toBeGreaterThan(0);
    expect(page.followUps).toEqual(full.followUps);
    expect(page.organisation).toBeNull();
  });

  it('counts visits on the index, tombstones included', async () => {
    const db = await seeded();
    const page = await organisationProfilePage(db, ORG, 20);
    expect(page.visitCount).toBe(45);
    expect((await organisationProfilePage(db, OTHER, 20)).visitCount).toBe(5);
  });

  it('reads further pages when asked for more', async () => {
    const db = await seeded();
    const full = await organisationProfile(db, ORG);
    expect((await organisationProfilePage(db, ORG, 40)).visits).toEqual(full.visits.slice(0, 40));
    const all = await organisationProfilePage(db, ORG, 60);
    expect(all.visits).toEqual(full.visits);
    expect(all.referrals).toEqual(full.referrals);
  });

  it('is empty for an organisation without visits', async () => {
    const { db } = testDeps();
    const page = await organisationProfilePage(db, ORG, 20);
    expect(page).toMatchObject({ visitCount: 0, visits: [], referrals: [], followUps: [] });
  });
});
