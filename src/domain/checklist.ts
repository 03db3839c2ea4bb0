import type { ChecklistValue } from './checklistSchema';
import { needsCatalogue } from './needsCatalogue';

/**
 * The needs checklist's rules. No zod here, so the start page can use them without the schemas;
 * `checklistValueSchema` and `checklistMapSchema` are in checklistSchema.ts.
 */

export const checklistStates = ['needed', 'notNeeded', 'unknown', 'resolved'] as const;
export type ChecklistState = (typeof checklistStates)[number];
export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

export type { ChecklistValue };
/** Item id → value. A map, never an array, so concurrent edits of different items never collide. */
export type ChecklistMap = Record<string, ChecklistValue>;

export const unknownValue: ChecklistValue = Object.freeze({
  state: 'unknown',
  priority: null,
  note: '',
});

export function valueOf(map: ChecklistMap, itemId: string): ChecklistValue {
  return map[itemId] ?? unknownValue;
}

/** Every catalogue item with its last known value: what a visit starts from. */
export function prefill(current: ChecklistMap): ChecklistMap {
  const out: ChecklistMap = {};
  for (const { id } of needsCatalogue) out[id] = { ...valueOf(current, id) };
  return out;
}

/** Changing the state keeps the note; a priority only makes sense for an open need. */
export function withState(map: ChecklistMap, itemId: string, state: ChecklistState): ChecklistMap {
  const prev = valueOf(map, itemId);
  const priority = state === 'needed' ? (prev.priority ?? 'medium') : null;
  return { ...map, [itemId]: { ...prev, state, priority } };
}

export function withPriority(map: ChecklistMap, itemId: string, priority: Priority): ChecklistMap {
  const prev = valueOf(map, itemId);
  if (prev.state !== 'needed') return map;
  return { ...map, [itemId]: { ...prev, priority } };
}

export function withNote(map: ChecklistMap, itemId: string, note: string): ChecklistMap {
  return { ...map, [itemId]: { ...valueOf(map, itemId), note } };
}

export function sameValue(a: ChecklistValue, b: ChecklistValue): boolean {
  return a.state === b.state && a.priority === b.priority && a.note === b.note;
}

/** Only the items whose value differs from the starting point: what a visit records. */
export function changedItems(before: ChecklistMap, after: ChecklistMap): ChecklistMap {
  const out: ChecklistMap = {};
  for (const [id, value] of Object.entries(after)) {
    if (!sameValue(valueOf(before, id), value)) out[id] = value;
  }
  return out;
}

export function applyUpdates(current: ChecklistMap, updates: ChecklistMap): ChecklistMap {
  return { ...current, ...updates };
}

/** Items marked as needed; readiness items ("willing to …") are not needs. */
export function openNeeds(map: ChecklistMap): string[] {
  return needsCatalogue
    .filter((i) => i.group !== 'readiness' && valueOf(map, i.id).state === 'needed')
    .map((i) => i.id);
}

export interface HistoryStep {
  visitId: string;
  date: string;
  from: ChecklistValue;
  to: ChecklistValue;
}

/** How each item changed across visits, oldest first. Visits are applied in date order. */
export function needsHistory(
  visits: readonly { id: string; date: string; checklistUpdates: ChecklistMap }[],
): Map<string, HistoryStep[]> {
  const ordered = [...visits].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  const state: ChecklistMap = {};
  const history = new Map<string, HistoryStep[]>();
  for (const visit of ordered) {
    for (const [itemId, to] of Object.entries(visit.checklistUpdates)) {
      const from = valueOf(state, itemId);
      if (sameValue(from, to)) continue;
      const steps = history.get(itemId) ?? [];
      steps.push({ visitId: visit.id, date: visit.date, from, to });
      history.set(itemId, steps);
      state[itemId] = to;
    }
  }
  return history;
}
