/**
 * The scale benchmark's data set (issue 6, budget 4): organisations with realistic, varied names
 * (German, Arabic, Persian, Cyrillic, Turkish, Polish, Greek, Ge'ez, Vietnamese, Chinese, …),
 * statuses, districts and fields of activity; visits spread unevenly over them (a few very busy
 * organisations, many quiet ones) whose checklist updates add up to an exact total; referrals and
 * follow-ups in the demo set's proportions. Each organisation's `needs` is its visits' updates
 * applied in date order, as the app would have recorded them. Pure and deterministic: the same
 * spec gives the same records (it runs inside the page, bundled by scaleBuild.ts).
 */
import { applyUpdates, type ChecklistMap, type ChecklistValue } from '../../src/domain/checklist';
import type { ContactPerson } from '../../src/domain/contactPerson';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import {
  cooperationStatuses,
  newOrganisation,
  type CooperationStatus,
  type Organisation,
} from '../../src/domain/organisation';
import { fieldsOfActivity, referralTargets } from '../../src/domain/referenceData';
import {
  referralOutcomes,
  visitPlaces,
  visitPurposes,
  type FollowUp,
  type Referral,
  type Visit,
} from '../../src/domain/visit';
import { seededIds } from '../support/seededIds';
import { buildOrganisationNames, type GeneratedName } from './scaleOrgNames';
import { contactNames, followUpTasks, noteSentences } from './scaleNames';
import { addDays, randomSource, type Random } from './scaleRandom';

export interface ScaleSpec {
  organisations: number;
  visits: number;
  /** Entries of `visit.checklistUpdates` over all visits, exactly. */
  checklistEntries: number;
  seed: number;
  /** The newest visit date (fixed, so the data set does not depend on the clock). */
  end: string;
  years: number;
}

export const fullScale: ScaleSpec = {
  organisations: 1000,
  visits: 20_000,
  checklistEntries: 200_000,
  seed: 6,
  end: '2026-10-31',
  years: 7,
};

export interface ScaleDataSet {
  organisations: Organisation[];
  contacts: ContactPerson[];
  visits: Visit[];
  referrals: Referral[];
  followUps: FollowUp[];
}

const stamp = (date: string, time = '17:00'): string => `${date}T${time}:00.000Z`;
const statusWeights: [CooperationStatus, number][] = [
  ['cooperating', 35],
  ['contacted', 25],
  ['notContacted', 15],
  ['paused', 10],
  ['declined', 10],
  ['excluded', 5],
];

function pickStatus(rnd: Random): CooperationStatus {
  const s = rnd.weighted(statusWeights);
  return cooperationStatuses.includes(s) ? s : 'contacted';
}

function buildOrganisation(
  rnd: Random,
  id: string,
  generated: GeneratedName,
  created: string,
): Organisation {
  const { names, community, district } = generated;
  const base = newOrganisation(id, stamp(created, '09:00'));
  const status = pickStatus(rnd);
  const legalForm = rnd.weighted([
    ['registeredAssociation', 70],
    ['initiative', 15],
    ['religiousCommunity', 10],
    ['other', 5],
  ] as const);
  return {
    ...base,
    ...names,
    legalForm,
    registerNumber: legalForm === 'registeredAssociation' ? `VR ${rnd.int(1000, 9999)}` : '',
    goals: rnd.chance(0.7) ? rnd.pick(noteSentences) : '',
    fieldsOfActivity: rnd.sample(fieldsOfActivity, rnd.int(1, 4)),
    members: {
      ...base.members,
      memberCount: rnd.chance(0.8) ? rnd.int(8, 600) : null,
      activeVolunteers: rnd.chance(0.6) ? rnd.int(2, 40) : null,
      ageGroups: rnd.sample(['children', 'youth', 'adults', 'seniors'] as const, rnd.int(1, 3)),
      languages: [...community.languages],
      originCountries: [...community.countries],
    },
    district,
    foundingYear: rnd.chance(0.75) ? rnd.int(1965, 2024) : null,
    ownRooms: rnd.chance(0.5) ? rnd.chance(0.4) : null,
    status,
    statusReason: status === 'excluded' ? 'Verfassungsschutzbericht 2023' : '',
    statusChangedAt: status === 'notContacted' ? null : addDays(created, rnd.int(10, 400)),
  };
}

/** Visits per organisation: 1/√rank over a shuffled order, so a few are visited very often. */
function visitCounts(rnd: Random, eligible: number, total: number): number[] {
  const weights = Array.from({ length: eligible }, (_, i) => 1 / Math.sqrt(i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  // Flooring leaves a few over: one more each for the busiest.
  let rest = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % eligible, rest -= 1) counts[i] = (counts[i] ?? 0) + 1;
  return rnd.shuffle(counts);
}

/** How many checklist items each visit updates: around the mean, adding up to `total` exactly. */
function updateCounts(rnd: Random, visits: number, total: number): number[] {
  const max = needsCatalogue.length;
  const mean = total / visits;
  const counts = Array.from({ length: visits }, () =>
    Math.min(max, Math.max(0, Math.round(mean + (rnd.next() * 2 - 1) * mean * 0.8))),
  );
  let rest = total - counts.reduce((a, b) => a + b, 0);
  while (rest !== 0) {
    const i = rnd.int(0, visits - 1);
    const step = rest > 0 ? 1 : -1;
    const next = (counts[i] ?? 0) + step;
    if (next < 0 || next > max) continue;
    counts[i] = next;
    rest -= step;
  }
  return counts;
}

function checklistValue(rnd: Random): ChecklistValue {
  const state = rnd.weighted([
    ['needed', 35],
    ['resolved', 25],
    ['notNeeded', 25],
    ['unknown', 15],
  ] as const);
  return {
    state,
    priority: state === 'needed' ? rnd.pick(['high', 'medium', 'low'] as const) : null,
    note: rnd.chance(0.15) ? rnd.pick(noteSentences) : '',
  };
}

function updatesOf(rnd: Random, count: number): ChecklistMap {
  const out: ChecklistMap = {};
  for (const item of rnd.sample(needsCatalogue, count)) out[item.id] = checklistValue(rnd);
  return out;
}

interface OrgVisits {
  visits: Visit[];
  referrals: Referral[];
  followUps: FollowUp[];
}

function buildVisits(
  rnd: Random,
  newId: () => string,
  org: Organisation,
  dates: string[],
  updateCountsLeft: number[],
  end: string,
): OrgVisits {
  const out: OrgVisits = { visits: [], referrals: [], followUps: [] };
  for (const [i, date] of dates.entries()) {
    const base = { createdAt: stamp(date), updatedAt: stamp(date), deleted: false };
    const visit: Visit = {
      ...base,
      id: newId(),
      organisationId: org.id,
      date,
      place: rnd.pick(visitPlaces),
      placeNote: rnd.chance(0.1) ? 'Gemeindezentrum' : '',
      participants: `Vorstand (${rnd.int(1, 4)} Personen)`,
      purpose: i === 0 ? 'firstContact' : rnd.pick(visitPurposes.slice(1)),
      language: rnd.chance(0.7) ? 'de' : (org.members.languages[0] ?? 'de'),
      interpreter: rnd.chance(0.1),
      notes: rnd.sample(noteSentences, rnd.int(1, 3)).join(' '),
      handedOver: rnd.chance(0.2) ? 'Flyer Förderprogramme' : '',
      checklistUpdates: updatesOf(rnd, updateCountsLeft.pop() ?? 0),
    };
    out.visits.push(visit);
    const r = rnd.next();
    for (let k = 0; k < (r < 0.62 ? 0 : r < 0.94 ? 1 : 2); k += 1) {
      out.referrals.push({
        ...base,
        id: newId(),
        organisationId: org.id,
        visitId: visit.id,
        targetId: rnd.pick(referralTargets),
        note: rnd.chance(0.3) ? rnd.pick(followUpTasks) : '',
        outcome: rnd.pick(referralOutcomes),
      });
    }
    const f = rnd.next();
    for (let k = 0; k < (f < 0.58 ? 0 : f < 0.93 ? 1 : 2); k += 1) {
      const dueDate = addDays(date, rnd.int(7, 42));
      const done = dueDate < addDays(end, -30) ? rnd.chance(0.9) : rnd.chance(0.2);
      out.followUps.push({
        ...base,
        id: newId(),
        organisationId: org.id,
        visitId: visit.id,
        what: rnd.pick(followUpTasks),
        who: rnd.chance(0.5) ? 'Koordination' : '',
        dueDate,
        done,
        doneAt: done ? dueDate : null,
      });
    }
  }
  return out;
}

function buildContacts(rnd: Random, newId: () => string, org: Organisation): ContactPerson[] {
  return Array.from({ length: rnd.int(0, 2) }, () => {
    const consent = rnd.chance(0.6);
    return {
      id: newId(),
      createdAt: org.createdAt,
      updatedAt: org.createdAt,
      deleted: false,
      organisationId: org.id,
      name: rnd.pick(contactNames),
      role: rnd.pick(['Vorsitz', 'Kasse', 'Schriftführung', 'Jugendarbeit']),
      languages: consent ? [...org.members.languages] : [],
      phone: consent ? `+49 611 ${rnd.int(100000, 999999)}` : '',
      email: '',
      consent: consent
        ? { date: org.createdAt.slice(0, 10), scopes: ['contact', 'storeDetails'] }
        : null,
    };
  });
}

export function buildScaleData(spec: ScaleSpec = fullScale): ScaleDataSet {
  const rnd = randomSource(spec.seed);
  const newId = seededIds(spec.seed);
  const start = addDays(spec.end, -365 * spec.years);
  const names = buildOrganisationNames(rnd, spec.organisations);
  const organisations = names.map((n) =>
    buildOrganisation(rnd, newId(), n, addDays(start, rnd.int(-400, 0))),
  );
  const eligible = organisations.filter((o) => o.status !== 'notContacted');
  const perOrg = visitCounts(rnd, eligible.length, spec.visits);
  const updatesLeft = updateCounts(rnd, spec.visits, spec.checklistEntries);
  const set: ScaleDataSet = {
    organisations: [],
    contacts: [],
    visits: [],
    referrals: [],
    followUps: [],
  };
  const byId = new Map(eligible.map((o, i) => [o.id, perOrg[i] ?? 0]));
  for (const org of organisations) {
    set.contacts.push(...buildContacts(rnd, newId, org));
    const count = byId.get(org.id) ?? 0;
    const dates = Array.from({ length: count }, () => addDays(start, rnd.int(0, 365 * spec.years)));
    dates.sort();
    const built = buildVisits(rnd, newId, org, dates, updatesLeft, spec.end);
    set.visits.push(...built.visits);
    set.referrals.push(...built.referrals);
    set.followUps.push(...built.followUps);
    const needs = built.visits.reduce((m, v) => applyUpdates(m, v.checklistUpdates), {});
    const last = built.visits.at(-1)?.date ?? null;
    set.organisations.push({
      ...org,
      needs,
      updatedAt: last ? stamp(last) : org.updatedAt,
      provenance: last ? { needs: { source: 'visit', verifiedAt: last, language: null } } : {},
    });
  }
  return set;
}

/** Checklist entries in the visits' updates and in the organisations' needs. */
export function countChecklistEntries(set: ScaleDataSet): { updates: number; needs: number } {
  let updates = 0;
  let needs = 0;
  for (const v of set.visits) updates += Object.keys(v.checklistUpdates).length;
  for (const o of set.organisations) needs += Object.keys(o.needs).length;
  return { updates, needs };
}
