import { applyUpdates, type ChecklistMap } from '../../domain/checklist';
import type { ContactPerson } from '../../domain/contactPerson';
import { newOrganisation, type Organisation, type Provenance } from '../../domain/organisation';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import { demoOrganisations } from './demoOrganisations';
import type { OrganisationSpec, VisitSpec } from './demoSpecs';

/** Every demo organisation's name ends with this, so demo records are recognisable anywhere. */
export const DEMO_NAME_SUFFIX = ' (Demo)';

export interface DemoDataSet {
  organisations: Organisation[];
  contacts: ContactPerson[];
  visits: Visit[];
  referrals: Referral[];
  followUps: FollowUp[];
}

/** Calendar arithmetic on YYYY-MM-DD without time zones. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const at = (date: string, time: string): string => `${date}T${time}:00.000Z`;

/**
 * Fixed ids for the demo set: loading it again (here or on another device) describes the same
 * records instead of adding copies.
 */
export function demoIdGenerator(): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `de3e0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

interface BuiltVisit {
  visit: Visit;
  referrals: Referral[];
  followUps: FollowUp[];
}

function buildVisit(
  spec: VisitSpec,
  orgId: string,
  today: string,
  newId: () => string,
): BuiltVisit {
  const date = addDays(today, -spec.daysAgo);
  const stamp = at(date, '17:00');
  const base = { createdAt: stamp, updatedAt: stamp, deleted: false };
  const visit: Visit = {
    ...base,
    id: newId(),
    organisationId: orgId,
    date,
    place: spec.place,
    placeNote: spec.placeNote ?? '',
    participants: spec.participants,
    purpose: spec.purpose,
    language: spec.language,
    interpreter: spec.interpreter ?? false,
    notes: spec.notes,
    handedOver: spec.handedOver ?? '',
    checklistUpdates: spec.updates ?? {},
  };
  const referrals: Referral[] = (spec.referrals ?? []).map(([targetId, note, outcome]) => ({
    ...base,
    id: newId(),
    organisationId: orgId,
    visitId: visit.id,
    targetId,
    note,
    outcome,
  }));
  const followUps: FollowUp[] = (spec.followUps ?? []).map((f) => {
    const doneAt = f.doneAfter === undefined ? null : minDate(addDays(date, f.doneAfter), today);
    return {
      ...base,
      updatedAt: doneAt ? at(doneAt, '10:00') : stamp,
      id: newId(),
      organisationId: orgId,
      visitId: visit.id,
      what: f.what,
      who: f.who,
      dueDate: addDays(date, f.dueAfter),
      done: doneAt !== null,
      doneAt,
    };
  });
  return { visit, referrals, followUps };
}

const minDate = (a: string, b: string): string => (a < b ? a : b);

/** The organisation's needs: its visits' checklist updates applied in date order. */
export function needsFromVisits(visits: readonly Visit[]): ChecklistMap {
  return [...visits]
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .reduce<ChecklistMap>((needs, v) => applyUpdates(needs, v.checklistUpdates), {});
}

function statusDate(spec: OrganisationSpec, dates: readonly string[]): string | null {
  if (spec.status === 'notContacted') return null;
  if (spec.status === 'contacted') return dates[0] ?? null;
  if (spec.status === 'cooperating') return dates[1] ?? dates.at(-1) ?? null;
  return dates.at(-1) ?? null;
}

function buildOrganisation(
  spec: OrganisationSpec,
  today: string,
  newId: () => string,
  out: DemoDataSet,
): void {
  const orgId = newId();
  const built = [...spec.visits]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map((v) => buildVisit(v, orgId, today, newId));
  const visits = built.map((b) => b.visit);
  const dates = visits.map((v) => v.date);
  const first = dates[0];
  const last = dates.at(-1);
  const lastVisit = visits.at(-1);
  const createdDate = first ? addDays(first, -14) : addDays(today, -200);
  const empty = newOrganisation(orgId, at(createdDate, '08:00'));
  const year = Number(today.slice(0, 4));
  const verified: Provenance = lastVisit
    ? { source: 'visit', verifiedAt: lastVisit.date, language: lastVisit.language }
    : { source: 'register', verifiedAt: createdDate, language: null };
  const org: Organisation = {
    ...empty,
    updatedAt: at(last ?? createdDate, last ? '17:30' : '08:00'),
    name: spec.name,
    originalName: spec.originalName ?? '',
    shortName: spec.shortName ?? '',
    legalForm: spec.legalForm,
    registerNumber: spec.registerNumber ?? '',
    goals: spec.goals,
    fieldsOfActivity: spec.fieldsOfActivity,
    members: { ...empty.members, ...spec.members },
    professionalisation: { ...empty.professionalisation, ...spec.professionalisation },
    relationsAbroad: spec.relationsAbroad ?? '',
    district: spec.district,
    foundingYear: spec.foundingYear,
    ownRooms: spec.ownRooms,
    lendsRooms: spec.lendsRooms,
    networks: spec.networks ?? [],
    cooperations: spec.cooperations ?? {},
    funding: Object.fromEntries(
      Object.entries(spec.funding ?? {}).map(([key, f]) => [
        key,
        {
          programme: f.programme,
          status: f.status,
          year: year - f.yearsAgo,
          amountEur: f.amountEur,
        },
      ]),
    ),
    status: spec.status,
    statusReason: spec.statusReason ?? '',
    statusChangedAt: statusDate(spec, dates),
    needs: needsFromVisits(visits),
    provenance: {
      names: verified,
      form: verified,
      activities: verified,
      members: lastVisit ? verified : { ...verified, source: 'survey' },
      ...(lastVisit ? { status: verified } : {}),
    },
  };
  out.organisations.push(org);
  for (const c of spec.contacts ?? []) {
    const stamp = at(first ?? createdDate, '17:10');
    out.contacts.push({
      id: newId(),
      createdAt: stamp,
      updatedAt: stamp,
      deleted: false,
      organisationId: orgId,
      name: c.name,
      role: c.role,
      languages: c.consent?.languages ?? [],
      phone: c.consent?.phone ?? '',
      email: c.consent?.email ?? '',
      consent: c.consent
        ? { date: first ?? createdDate, scopes: ['contact', 'storeDetails'] }
        : null,
    });
  }
  for (const b of built) {
    out.visits.push(b.visit);
    out.referrals.push(...b.referrals);
    out.followUps.push(...b.followUps);
  }
}

/**
 * The fictional demo set, relative to `today` (YYYY-MM-DD): about 20 organisations and 40
 * visits over the last 18 months. Pure and deterministic: same inputs, same records.
 */
export function buildDemoData(today: string, newId: () => string): DemoDataSet {
  const out: DemoDataSet = {
    organisations: [],
    contacts: [],
    visits: [],
    referrals: [],
    followUps: [],
  };
  for (const spec of demoOrganisations) buildOrganisation(spec, today, newId, out);
  return out;
}
