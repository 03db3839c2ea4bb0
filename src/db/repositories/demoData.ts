import type { ContactPerson } from '../../domain/contactPerson';
import type { Organisation } from '../../domain/organisation';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import { commitWrites, type RecordWrite } from '../commitWrites';
import type { RepoDeps } from '../deps';
import { DEMO_DATA_KEY, type DemoDataSetting } from '../queries/settings';

/** A complete set of demo records (built by `features/settings/demoData`). */
export interface DemoRecords {
  organisations: readonly Organisation[];
  contacts: readonly ContactPerson[];
  visits: readonly Visit[];
  referrals: readonly Referral[];
  followUps: readonly FollowUp[];
}

export type DemoLoadResult =
  { status: 'loaded'; organisations: number; visits: number } | { status: 'alreadyLoaded' };

function writesOf(set: DemoRecords): RecordWrite[] {
  return [
    ...set.organisations.map((after) => ({ table: 'organisations' as const, before: null, after })),
    ...set.contacts.map((after) => ({ table: 'contacts' as const, before: null, after })),
    ...set.visits.map((after) => ({ table: 'visits' as const, before: null, after })),
    ...set.referrals.map((after) => ({ table: 'referrals' as const, before: null, after })),
    ...set.followUps.map((after) => ({ table: 'followUps' as const, before: null, after })),
  ];
}

/**
 * Loads the demo set: every record with its outbox entry, and the `demoData` setting, in one
 * transaction. Loading again changes nothing: the setting is checked inside the same
 * transaction (and the demo records have fixed ids anyway).
 */
export async function loadDemoData(deps: RepoDeps, set: DemoRecords): Promise<DemoLoadResult> {
  const { db } = deps;
  const writes = writesOf(set);
  const tables = [
    db.organisations,
    db.contacts,
    db.visits,
    db.referrals,
    db.followUps,
    db.outbox,
    db.meta,
    db.drafts,
    db.settings,
    db.shadows,
  ];
  return db.transaction('rw', tables, async (): Promise<DemoLoadResult> => {
    if (await db.settings.get(DEMO_DATA_KEY)) return { status: 'alreadyLoaded' };
    // commitWrites joins this transaction: records, outbox and setting commit together or not at all.
    await commitWrites(deps, writes);
    const value: DemoDataSetting = { loadedAt: deps.now().toISOString() };
    await db.settings.put({ key: DEMO_DATA_KEY, value });
    return { status: 'loaded', organisations: set.organisations.length, visits: set.visits.length };
  });
}
