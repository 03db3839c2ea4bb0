import type { CooperationStatus, Organisation } from './organisation';

/** A status change records when it happened; an exclusion must say why (checked by the schema). */
export function withStatus(
  org: Organisation,
  status: CooperationStatus,
  reason: string,
  today: string,
): Organisation {
  if (org.status === status && org.statusReason === reason) return org;
  return { ...org, status, statusReason: reason, statusChangedAt: today };
}

/** The first visit moves an organisation out of "not yet contacted". */
export function afterVisit(org: Organisation, today: string): Organisation {
  return org.status === 'notContacted' ? withStatus(org, 'contacted', '', today) : org;
}

export function todayIso(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
