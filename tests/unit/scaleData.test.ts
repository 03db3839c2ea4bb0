import { describe, expect, it } from 'vitest';
import { applyUpdates, type ChecklistMap } from '../../src/domain/checklist';
import { recordSchemas } from '../../src/domain/tables';
import { buildScaleData, countChecklistEntries, fullScale } from '../bench/scaleData';

const spec = { ...fullScale, organisations: 60, visits: 900, checklistEntries: 9_000 };

describe('scale benchmark data', () => {
  const set = buildScaleData(spec);

  it('has exactly the organisations, visits and checklist entries asked for', () => {
    expect(set.organisations).toHaveLength(60);
    expect(set.visits).toHaveLength(900);
    expect(countChecklistEntries(set).updates).toBe(9_000);
    // Referrals and follow-ups in the demo set's proportions (about 0.44 and 0.49 per visit).
    expect(set.referrals.length / 900).toBeGreaterThan(0.3);
    expect(set.referrals.length / 900).toBeLessThan(0.6);
    expect(set.followUps.length / 900).toBeGreaterThan(0.35);
    expect(set.followUps.length / 900).toBeLessThan(0.65);
  });

  it('makes only records their schemas accept', () => {
    const tables = ['organisations', 'contacts', 'visits', 'referrals', 'followUps'] as const;
    for (const table of tables) {
      for (const record of set[table]) {
        const result = recordSchemas[table].safeParse(record);
        expect(result.error?.issues ?? [], `${table} ${record.id}`).toEqual([]);
      }
    }
  });

  it('is the same for the same seed, with distinct names and ids', () => {
    const again = buildScaleData(spec);
    expect(again.visits.map((v) => v.id)).toEqual(set.visits.map((v) => v.id));
    expect(new Set(set.organisations.map((o) => o.name)).size).toBe(60);
    const ids = [...set.organisations, ...set.visits, ...set.referrals].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps each organisation's needs equal to its visits' updates in date order", () => {
    for (const org of set.organisations) {
      const visits = set.visits.filter((v) => v.organisationId === org.id);
      if (org.status === 'notContacted') expect(visits).toEqual([]);
      const needs = [...visits]
        .sort((a, b) => a.date.localeCompare(b.date))
        .reduce<ChecklistMap>((m, v) => applyUpdates(m, v.checklistUpdates), {});
      expect(org.needs).toEqual(needs);
    }
  });

  it('spreads visits unevenly: some organisations are visited far more than the median', () => {
    const counts = new Map<string, number>();
    for (const v of set.visits)
      counts.set(v.organisationId, (counts.get(v.organisationId) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    expect(sorted[0]).toBeGreaterThan(2 * median);
  });
});
