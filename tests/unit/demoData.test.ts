import { describe, expect, it } from 'vitest';
import { applyUpdates, sameValue, valueOf, type ChecklistMap } from '../../src/domain/checklist';
import { referenceSeeds } from '../../src/domain/referenceData';
import { recordSchemas } from '../../src/domain/tables';
import { isOverdue } from '../../src/domain/visit';
import { loadDemoData } from '../../src/db/repositories/demoData';
import { demoDataSetting } from '../../src/db/queries/settings';
import {
  addDays,
  buildDemoData,
  DEMO_NAME_SUFFIX,
  demoIdGenerator,
  type DemoDataSet,
} from '../../src/features/settings/demoData';
import { testDeps } from './testDeps';

const today = '2026-03-10';
const build = (): DemoDataSet => buildDemoData(today, demoIdGenerator());

const codesOf = (kind: string): Set<string> =>
  new Set(referenceSeeds.filter((s) => s.kind === kind).map((s) => s.code));

describe('demo data builder', () => {
  const set = build();

  it('builds a realistic amount of data', () => {
    expect(set.organisations.length).toBeGreaterThanOrEqual(18);
    expect(set.organisations.length).toBeLessThanOrEqual(22);
    expect(set.visits.length).toBeGreaterThanOrEqual(35);
    expect(set.visits.length).toBeLessThanOrEqual(50);
    expect(set.referrals.length).toBeGreaterThan(10);
    expect(set.followUps.length).toBeGreaterThan(10);
  });

  it('passes the record schema of every table', () => {
    const tables = [
      ['organisations', set.organisations],
      ['contacts', set.contacts],
      ['visits', set.visits],
      ['referrals', set.referrals],
      ['followUps', set.followUps],
    ] as const;
    for (const [table, records] of tables) {
      for (const record of records) {
        const result = recordSchemas[table].safeParse(record);
        expect(result.error?.issues ?? [], `${table} ${record.id}`).toEqual([]);
      }
    }
  });

  it('is deterministic and uses unique ids', () => {
    expect(build()).toEqual(set);
    const ids = Object.values(set).flatMap((records: { id: string }[]) => records.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every organisation as demo and covers several scripts, districts and statuses', () => {
    for (const org of set.organisations) expect(org.name.endsWith(DEMO_NAME_SUFFIX)).toBe(true);
    const originals = set.organisations.map((o) => o.originalName).join(' ');
    expect(originals).toMatch(/\p{Script=Arabic}/u);
    expect(originals).toMatch(/\p{Script=Cyrillic}/u);
    expect(originals).toMatch(/[ğışİ]/u);
    expect(originals).toMatch(/[łąę]|Polska/u);
    expect(originals).toMatch(/Italiana/u);
    expect(new Set(set.organisations.map((o) => o.district)).size).toBeGreaterThanOrEqual(10);
    const statuses = new Set(set.organisations.map((o) => o.status));
    for (const s of [
      'notContacted',
      'contacted',
      'cooperating',
      'paused',
      'declined',
      'excluded',
    ]) {
      expect(statuses).toContain(s);
    }
    const excluded = set.organisations.filter((o) => o.status === 'excluded');
    expect(excluded).toHaveLength(1);
    expect(excluded[0]?.statusReason.trim()).not.toBe('');
  });

  it('refers only to existing reference data', () => {
    const districts = codesOf('district');
    const fields = codesOf('fieldOfActivity');
    const networks = codesOf('network');
    const welfare = codesOf('welfareAssociation');
    const targets = codesOf('referralTarget');
    for (const org of set.organisations) {
      expect(districts).toContain(org.district);
      for (const f of org.fieldsOfActivity) expect(fields).toContain(f);
      for (const n of org.networks) expect(networks).toContain(n);
      const w = org.professionalisation.welfareAssociation;
      if (w) expect(welfare).toContain(w);
    }
    for (const r of set.referrals) expect(targets).toContain(r.targetId);
  });

  it('spreads visits over the last 18 months and links every child to its organisation', () => {
    const orgIds = new Set(set.organisations.map((o) => o.id));
    const visitOrg = new Map(set.visits.map((v) => [v.id, v.organisationId]));
    for (const v of set.visits) {
      expect(orgIds).toContain(v.organisationId);
      expect(v.date <= today).toBe(true);
      expect(v.date >= addDays(today, -548)).toBe(true);
    }
    const dates = set.visits.map((v) => v.date).sort();
    expect((dates[0] ?? today) < addDays(today, -365)).toBe(true);
    for (const r of set.referrals) expect(visitOrg.get(r.visitId)).toBe(r.organisationId);
    for (const f of set.followUps) {
      expect(f.visitId && visitOrg.get(f.visitId)).toBe(f.organisationId);
      if (f.doneAt) expect(f.doneAt <= today).toBe(true);
    }
    for (const c of set.contacts) expect(orgIds).toContain(c.organisationId);
  });

  it('has overdue, upcoming and done follow-ups', () => {
    const overdue = set.followUps.filter((f) => isOverdue(f, today));
    const upcoming = set.followUps.filter((f) => !f.done && f.dueDate >= today);
    const done = set.followUps.filter((f) => f.done);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    expect(done.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps each organisation's needs equal to its visits' updates applied in date order", () => {
    for (const org of set.organisations) {
      const visits = set.visits
        .filter((v) => v.organisationId === org.id)
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
      let needs: ChecklistMap = {};
      for (const v of visits) {
        // Like a real visit, an update only records what actually changed.
        for (const [item, value] of Object.entries(v.checklistUpdates)) {
          expect(sameValue(valueOf(needs, item), value), `${org.name} ${item}`).toBe(false);
          expect(value.priority === null).toBe(value.state !== 'needed');
        }
        needs = applyUpdates(needs, v.checklistUpdates);
      }
      expect(org.needs).toEqual(needs);
    }
  });
});

describe('loading demo data', () => {
  it('writes records, outbox entries and the setting once, and never duplicates', async () => {
    const deps = testDeps(new Date(`${today}T09:00:00Z`));
    const set = buildDemoData(today, demoIdGenerator());
    const first = await loadDemoData(deps, set);
    expect(first).toEqual({
      status: 'loaded',
      organisations: set.organisations.length,
      visits: set.visits.length,
    });
    const total =
      set.organisations.length +
      set.contacts.length +
      set.visits.length +
      set.referrals.length +
      set.followUps.length;
    expect(await deps.db.organisations.count()).toBe(set.organisations.length);
    expect(await deps.db.followUps.count()).toBe(set.followUps.length);
    expect(await deps.db.outbox.count()).toBe(total);
    expect(await demoDataSetting(deps.db)).toEqual({ loadedAt: `${today}T09:00:00.000Z` });

    const second = await loadDemoData(deps, buildDemoData(today, demoIdGenerator()));
    expect(second).toEqual({ status: 'alreadyLoaded' });
    expect(await deps.db.organisations.count()).toBe(set.organisations.length);
    expect(await deps.db.outbox.count()).toBe(total);
  });

  it('writes nothing at all when a record is invalid', async () => {
    const deps = testDeps();
    const set = buildDemoData(today, demoIdGenerator());
    const broken = {
      ...set,
      visits: set.visits.map((v, i) => (i === 3 ? { ...v, date: 'x' } : v)),
    };
    await expect(loadDemoData(deps, broken)).rejects.toThrow();
    expect(await deps.db.organisations.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
    expect(await demoDataSetting(deps.db)).toBeNull();
  });
});
