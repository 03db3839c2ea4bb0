import { describe, expect, it } from 'vitest';
import {
  applyUpdates,
  changedItems,
  needsHistory,
  openNeeds,
  prefill,
  withNote,
  withPriority,
  withState,
} from '../../src/domain/checklist';
import { needsCatalogue } from '../../src/domain/needsCatalogue';

describe('needs checklist', () => {
  it('pre-fills every catalogue item from the last known state, unknown where nothing is known', () => {
    const filled = prefill({
      findingRooms: { state: 'needed', priority: 'high', note: 'Keller zu klein' },
    });
    expect(Object.keys(filled)).toHaveLength(needsCatalogue.length);
    expect(filled.findingRooms).toEqual({
      state: 'needed',
      priority: 'high',
      note: 'Keller zu klein',
    });
    expect(filled.school).toEqual({ state: 'unknown', priority: null, note: '' });
  });

  it('gives an open need a default priority and drops it when the need is resolved', () => {
    let map = withState({}, 'fundingMatters', 'needed');
    expect(map.fundingMatters?.priority).toBe('medium');
    map = withPriority(map, 'fundingMatters', 'high');
    expect(map.fundingMatters?.priority).toBe('high');
    map = withNote(map, 'fundingMatters', 'WIR-Antrag');
    map = withState(map, 'fundingMatters', 'resolved');
    expect(map.fundingMatters).toEqual({ state: 'resolved', priority: null, note: 'WIR-Antrag' });
  });

  it('ignores a priority for an item that is not needed', () => {
    const map = withPriority({}, 'school', 'high');
    expect(map.school).toBeUndefined();
  });

  it('records only the items a visit changed', () => {
    const before = prefill({ findingRooms: { state: 'needed', priority: 'high', note: '' } });
    let after = withState(before, 'findingRooms', 'resolved');
    after = withState(after, 'youthWork', 'needed');
    expect(Object.keys(changedItems(before, after)).sort()).toEqual(['findingRooms', 'youthWork']);
    expect(changedItems(before, before)).toEqual({});
  });

  it('applies updates and lists open needs in catalogue order', () => {
    const needs = applyUpdates(
      { school: { state: 'needed', priority: 'low', note: '' } },
      { findingRooms: { state: 'needed', priority: 'high', note: '' } },
    );
    expect(openNeeds(needs)).toEqual(['findingRooms', 'school']);
  });

  it('tells how each item changed across visits, in date order whatever the input order', () => {
    const history = needsHistory([
      {
        id: 'b',
        date: '2026-02-01',
        checklistUpdates: { findingRooms: { state: 'resolved', priority: null, note: '' } },
      },
      {
        id: 'a',
        date: '2025-11-01',
        checklistUpdates: { findingRooms: { state: 'needed', priority: 'high', note: '' } },
      },
    ]);
    const steps = history.get('findingRooms') ?? [];
    expect(steps.map((s) => [s.date, s.from.state, s.to.state])).toEqual([
      ['2025-11-01', 'unknown', 'needed'],
      ['2026-02-01', 'needed', 'resolved'],
    ]);
  });
});
