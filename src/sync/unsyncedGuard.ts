/**
 * Whether the device may be logged out or reset: never while edits exist only here (outbox or
 * quarantine), unless they were exported after the last of them was made. Pure.
 */

/** Written to `settings` under `lastExport` after a successful device export. */
export interface LastExport {
  at: string;
  outboxCount: number;
  quarantineCount: number;
  /** The highest outbox `seq` the export contained. */
  maxSeq: number;
}

export const LAST_EXPORT_KEY = 'lastExport';

export interface UnsyncedSnapshot {
  outboxCount: number;
  quarantineCount: number;
  /** The highest `seq` in the outbox, or null when it is empty. */
  maxOutboxSeq: number | null;
  lastExport: LastExport | null;
}

export type GuardDecision =
  | { allowed: true; reason: 'nothingUnsynced' | 'exported' }
  | { allowed: false; outboxCount: number; quarantineCount: number };

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The `lastExport` settings value, or null when it is missing or malformed. */
export function parseLastExport(value: unknown): LastExport | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'string' || Number.isNaN(new Date(v.at).getTime())) return null;
  if (!isCount(v.outboxCount) || !isCount(v.quarantineCount)) return null;
  if (typeof v.maxSeq !== 'number' || !Number.isFinite(v.maxSeq)) return null;
  return {
    at: v.at,
    outboxCount: v.outboxCount,
    quarantineCount: v.quarantineCount,
    maxSeq: v.maxSeq,
  };
}

/**
 * "Exported" means: the export holds every outbox entry there is now (no entry is newer than its
 * highest seq) and at least as many quarantined entries as there are now.
 */
export function unsyncedGuard(s: UnsyncedSnapshot): GuardDecision {
  if (s.outboxCount === 0 && s.quarantineCount === 0) {
    return { allowed: true, reason: 'nothingUnsynced' };
  }
  const e = s.lastExport;
  const outboxCovered = s.outboxCount === 0 || (e !== null && e.maxSeq >= (s.maxOutboxSeq ?? 0));
  const quarantineCovered =
    s.quarantineCount === 0 || (e !== null && e.quarantineCount >= s.quarantineCount);
  if (e !== null && outboxCovered && quarantineCovered)
    return { allowed: true, reason: 'exported' };
  return { allowed: false, outboxCount: s.outboxCount, quarantineCount: s.quarantineCount };
}
