import type { ContactPerson } from '../../domain/contactPerson';
import type { Organisation } from '../../domain/organisation';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import type { BrueckeDb, Draft } from '../database';

export interface OrganisationProfile {
  /** Null when no record has this id; a deleted record is returned as it is (a tombstone). */
  organisation: Organisation | null;
  /** Contacts not erased, in name order. */
  contacts: ContactPerson[];
  /** Visits, newest first. */
  visits: Visit[];
  referrals: Referral[];
  /** Follow-ups not deleted (done ones included), by due date. */
  followUps: FollowUp[];
}

const byName = (a: ContactPerson, b: ContactPerson): number => a.name.localeCompare(b.name);

/** Everything the profile shows about one organisation, read through the organisationId indexes. */
export async function organisationProfile(
  db: BrueckeDb,
  organisationId: string,
): Promise<OrganisationProfile> {
  const [organisation, contacts, visits, referrals, followUps] = await Promise.all([
    db.organisations.get(organisationId),
    db.contacts.where('organisationId').equals(organisationId).toArray(),
    organisationVisits(db, organisationId),
    db.referrals.where('organisationId').equals(organisationId).toArray(),
    db.followUps.where('organisationId').equals(organisationId).toArray(),
  ]);
  return {
    organisation: organisation ?? null,
    contacts: contacts.filter((c) => !c.deleted).sort(byName),
    visits,
    referrals: referrals.filter((r) => !r.deleted),
    followUps: followUps
      .filter((f) => !f.deleted)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}

/** The organisation's visits (not deleted), newest first, from the compound index. */
export async function organisationVisits(db: BrueckeDb, organisationId: string): Promise<Visit[]> {
  const visits = await db.visits
    .where('[organisationId+date]')
    .between([organisationId, ''], [organisationId, '\uffff'])
    .reverse()
    .toArray();
  return visits.filter((v) => !v.deleted);
}

export interface OrganisationEditorData {
  organisation: Organisation | null;
  draft: Draft | null;
}

/** What the profile editor starts from: the stored record and a draft left from earlier. */
export async function organisationEditorData(
  db: BrueckeDb,
  organisationId: string,
  draftId: string,
): Promise<OrganisationEditorData> {
  const [organisation, draft] = await Promise.all([
    db.organisations.get(organisationId),
    db.drafts.get(draftId),
  ]);
  return { organisation: organisation ?? null, draft: draft ?? null };
}

/** The stored record as it is now (the editor merges its changes onto it when saving). */
export async function currentOrganisation(
  db: BrueckeDb,
  organisationId: string,
): Promise<Organisation | null> {
  return (await db.organisations.get(organisationId)) ?? null;
}

export interface NeedsHistoryData {
  organisation: Organisation | null;
  visits: Visit[];
}

/** The organisation and its visits: what the needs history is computed from. */
export async function needsHistoryData(
  db: BrueckeDb,
  organisationId: string,
): Promise<NeedsHistoryData> {
  const [organisation, visits] = await Promise.all([
    currentOrganisation(db, organisationId),
    organisationVisits(db, organisationId),
  ]);
  return { organisation, visits };
}

/** Drafts of new organisations are keyed `organisation:new-<uuid>`. */
export const NEW_ORGANISATION_DRAFT_PREFIX = 'organisation:new-';

/** The most recently edited draft of a not yet saved organisation, if any. */
export async function latestNewOrganisationDraft(db: BrueckeDb): Promise<Draft | null> {
  const drafts = await db.drafts
    .where('kind')
    .equals('organisation')
    .filter((d) => d.id.startsWith(NEW_ORGANISATION_DRAFT_PREFIX))
    .toArray();
  drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return drafts[0] ?? null;
}
