import type { ContactPerson } from '../../domain/contactPerson';
import type { Organisation } from '../../domain/organisation';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import type { BrueckeDb } from '../database';

export interface OrganisationProfilePage {
  /** Null when no record has this id; a deleted record is returned as it is (a tombstone). */
  organisation: Organisation | null;
  /** Contacts not erased, in name order. */
  contacts: ContactPerson[];
  /** How many visits the organisation has, counted on the index (no visit is read for it). */
  visitCount: number;
  /** The newest visits (not deleted), newest first, at most the limit asked for. */
  visits: Visit[];
  /** Referrals (not deleted) made at the visits above (read by the organisation's index). */
  referrals: Referral[];
  /** Follow-ups not deleted (done ones included), by due date. */
  followUps: FollowUp[];
}

const byName = (a: ContactPerson, b: ContactPerson): number => a.name.localeCompare(b.name);

/** The organisation's visits on the `[organisationId+date]` index, oldest first. */
function visitRange(db: BrueckeDb, organisationId: string) {
  return db.visits
    .where('[organisationId+date]')
    .between([organisationId, ''], [organisationId, '\uffff']);
}

/**
 * The newest `limit` visits that are not deleted, newest first. Without a filter Dexie reads them
 * in one request where the browser can read an index backwards (`getAllRecords`, Chromium 141+);
 * a filter would walk a cursor, one wait per visit. Only when tombstones were among them are the
 * visits read again with the filter (the app itself never deletes a visit).
 */
async function newestVisits(db: BrueckeDb, organisationId: string, limit: number) {
  const newest = await visitRange(db, organisationId).reverse().limit(limit).toArray();
  const live = newest.filter((v) => !v.deleted);
  if (live.length === newest.length) return live;
  return visitRange(db, organisationId)
    .reverse()
    .filter((v) => !v.deleted)
    .limit(limit)
    .toArray();
}

/**
 * What the profile shows, read for its first screen: the visits are counted on the index and only
 * the newest `visitLimit` are read (a busy organisation has hundreds; reading them all made opening
 * its profile slow), with the referrals of just those visits.
 *
 * Every read is issued at once and is a single request (`get`, `count`, `getAll`): the transaction
 * waits for IndexedDB once. (Walking cursors over the newest visits and the referrals of each
 * waited once per record, which was most of the time opening a profile.) The referrals are read
 * by the organisation's index, and those of the visits shown are kept.
 *
 * Visit tombstones cannot be told apart on an index (IndexedDB does not index booleans), so the
 * count includes visits deleted through sync, like the organisation list's counts; the app itself
 * never deletes a visit.
 */
export async function organisationProfilePage(
  db: BrueckeDb,
  organisationId: string,
  visitLimit: number,
): Promise<OrganisationProfilePage> {
  const tables = [db.organisations, db.contacts, db.visits, db.referrals, db.followUps];
  return db.transaction('r', tables, async () => {
    const [organisation, contacts, visitCount, visits, referrals, followUps] = await Promise.all([
      db.organisations.get(organisationId),
      db.contacts.where('organisationId').equals(organisationId).toArray(),
      visitRange(db, organisationId).count(),
      newestVisits(db, organisationId, visitLimit),
      db.referrals.where('organisationId').equals(organisationId).toArray(),
      db.followUps.where('organisationId').equals(organisationId).toArray(),
    ]);
    const shown = new Set(visits.map((v) => v.id));
    return {
      organisation: organisation ?? null,
      contacts: contacts.filter((c) => !c.deleted).sort(byName),
      visitCount,
      visits,
      referrals: referrals.filter((r) => !r.deleted && shown.has(r.visitId)),
      followUps: followUps
        .filter((f) => !f.deleted)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    };
  });
}
