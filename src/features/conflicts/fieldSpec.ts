import { checklistStates, priorities } from '../../domain/checklist';
import { consentScopes } from '../../domain/contactPerson';
import { needsCatalogue } from '../../domain/needsCatalogue';
import {
  ageGroups,
  arrivalPeriods,
  cooperationStatuses,
  fundingStatuses,
  legalForms,
  provenanceSections,
  provenanceSources,
  skillLevels,
  umbrellaKinds,
} from '../../domain/organisation';
import { referenceKinds, type ReferenceKind } from '../../domain/referenceData';
import type { DataTable } from '../../domain/sync/mutation';
import { referralOutcomes, visitPlaces, visitPurposes } from '../../domain/visit';
import { selfReportSpec } from './selfReportFieldSpec';

/** How a field's value is shown to people. */
export type ValueFormat =
  /** Numbers, booleans: formatted by type. */
  | { type: 'plain' }
  /** What someone typed: shown in its own writing direction. */
  | { type: 'text' }
  /** Ids and codes: shown as they are. */
  | { type: 'raw' }
  /** One of a fixed set of values, translated as `${prefix}.${value}`. */
  | { type: 'enum'; prefix: string; values: readonly string[] }
  | { type: 'ref'; kind: ReferenceKind }
  | { type: 'language' }
  | { type: 'region' }
  | { type: 'date' }
  /** A timestamp (ISO date and time). */
  | { type: 'dateTime' }
  | { type: 'year' }
  | { type: 'percent' }
  | { type: 'money' };

export interface FieldSpec {
  /** Translation keys from the outermost to the innermost part ("need" → "state"). */
  label: string[];
  format: ValueFormat;
}

const plain: ValueFormat = { type: 'plain' };
const text: ValueFormat = { type: 'text' };
const raw: ValueFormat = { type: 'raw' };
const date: ValueFormat = { type: 'date' };
const language: ValueFormat = { type: 'language' };
const enumOf = (prefix: string, values: readonly string[]): ValueFormat => ({
  type: 'enum',
  prefix,
  values,
});
const ref = (kind: ReferenceKind): ValueFormat => ({ type: 'ref', kind });

type Fields = Readonly<Record<string, readonly [label: string, format: ValueFormat]>>;

const orgField = (key: string, format: ValueFormat) =>
  [`organisations:fields.${key}`, format] as const;

const organisationTop: Fields = {
  name: orgField('name', text),
  originalName: orgField('originalName', text),
  shortName: orgField('shortName', text),
  legalForm: orgField('legalForm', enumOf('organisations:legalForms', legalForms)),
  registerNumber: orgField('registerNumber', text),
  goals: orgField('goals', text),
  fieldsOfActivity: orgField('fieldsOfActivity', ref('fieldOfActivity')),
  relationsAbroad: orgField('relationsAbroad', text),
  district: orgField('district', ref('district')),
  foundingYear: orgField('foundingYear', { type: 'year' }),
  ownRooms: orgField('ownRooms', plain),
  lendsRooms: orgField('lendsRooms', plain),
  networks: orgField('networks', ref('network')),
  status: orgField('status', enumOf('organisations:status', cooperationStatuses)),
  statusReason: orgField('statusReason', text),
  statusChangedAt: orgField('statusChangedAt', date),
  members: ['organisations:sections.members', plain],
  professionalisation: ['organisations:sections.professionalisation', plain],
  needs: ['visits:sections.needs', plain],
  cooperations: ['organisations:sections.cooperations', plain],
  funding: ['organisations:sections.funding', plain],
  provenance: ['organisations:provenance.legend', plain],
};

const members: Fields = {
  memberCount: orgField('memberCount', plain),
  activeVolunteers: orgField('activeVolunteers', plain),
  ageGroups: orgField('ageGroups', enumOf('organisations:ageGroups', ageGroups)),
  arrivalPeriods: orgField(
    'arrivalPeriods',
    enumOf('organisations:arrivalPeriods', arrivalPeriods),
  ),
  shareBornInGermanyPercent: orgField('shareBornInGermanyPercent', { type: 'percent' }),
  languages: orgField('languages', language),
  originCountries: orgField('originCountries', { type: 'region' }),
  peopleReached: orgField('peopleReached', plain),
};

const professionalisation: Fields = {
  paidStaff: orgField('paidStaff', plain),
  umbrellaKind: orgField('umbrellaKind', enumOf('organisations:umbrellaKinds', umbrellaKinds)),
  umbrellaName: orgField('umbrellaName', text),
  welfareAssociation: orgField('welfareAssociation', ref('welfareAssociation')),
  boardGermanSkills: orgField(
    'boardGermanSkills',
    enumOf('organisations:skillLevels', skillLevels),
  ),
  boardSystemKnowledge: orgField(
    'boardSystemKnowledge',
    enumOf('organisations:skillLevels', skillLevels),
  ),
};

const cooperation: Fields = {
  institution: orgField('institution', text),
  educationProvider: orgField('educationProvider', plain),
  note: orgField('cooperationNote', text),
};

const funding: Fields = {
  programme: orgField('programme', text),
  status: orgField('fundingStatus', enumOf('organisations:fundingStatuses', fundingStatuses)),
  year: orgField('fundingYear', { type: 'year' }),
  amountEur: orgField('amountEur', { type: 'money' }),
};

const provenance: Fields = {
  source: [
    'organisations:provenance.source',
    enumOf('organisations:provenance.sources', provenanceSources),
  ],
  verifiedAt: ['conflicts:fields.verifiedAt', date],
  language: ['conflicts:fields.provenanceLanguage', language],
};

const contactTop: Fields = {
  name: ['organisations:contacts.name', text],
  role: ['organisations:contacts.role', text],
  languages: ['organisations:contacts.languages', language],
  phone: ['organisations:contacts.phone', text],
  email: ['organisations:contacts.email', text],
  consent: ['organisations:contacts.consentLegend', plain],
  organisationId: ['conflicts:fields.organisation', raw],
};

const consent: Fields = {
  date: ['organisations:contacts.consentDate', date],
  scopes: [
    'organisations:contacts.consentScopes',
    enumOf('organisations:consentScopes', consentScopes),
  ],
};

const visitTop: Fields = {
  date: ['visits:fields.date', date],
  place: ['visits:fields.place', enumOf('visits:places', visitPlaces)],
  placeNote: ['visits:fields.placeNote', text],
  participants: ['visits:fields.participants', text],
  purpose: ['visits:fields.purpose', enumOf('visits:purposes', visitPurposes)],
  language: ['visits:fields.language', language],
  interpreter: ['visits:fields.interpreter', plain],
  notes: ['visits:fields.notes', text],
  handedOver: ['visits:fields.handedOver', text],
  checklistUpdates: ['visits:sections.needs', plain],
  organisationId: ['conflicts:fields.organisation', raw],
};

const referralTop: Fields = {
  targetId: ['visits:referrals.target', ref('referralTarget')],
  note: ['visits:referrals.note', text],
  outcome: ['visits:referrals.outcome', enumOf('visits:referrals.outcomes', referralOutcomes)],
  organisationId: ['conflicts:fields.organisation', raw],
  visitId: ['conflicts:fields.visit', raw],
};

const followUpTop: Fields = {
  what: ['visits:followUps.what', text],
  who: ['visits:followUps.who', text],
  dueDate: ['visits:followUps.dueDate', date],
  done: ['conflicts:fields.done', plain],
  doneAt: ['conflicts:fields.doneAt', date],
  organisationId: ['conflicts:fields.organisation', raw],
  visitId: ['conflicts:fields.visit', raw],
};

const referenceTop: Fields = {
  label: ['conflicts:fields.referenceLabel', text],
  archived: ['settings:reference.archived', plain],
  order: ['conflicts:fields.order', plain],
  code: ['conflicts:fields.code', raw],
  kind: ['conflicts:fields.kind', enumOf('settings:reference.kinds', referenceKinds)],
  labelKey: ['conflicts:fields.code', raw],
};

const deletedField = ['conflicts:fields.deleted', plain] as const;

const readiness = new Set(needsCatalogue.filter((i) => i.group === 'readiness').map((i) => i.id));

/** `needs.<item>` (organisation) or `checklistUpdates.<item>` (visit), and their parts. */
function checklistSpec(rest: readonly string[]): FieldSpec | null {
  const [item, part, ...more] = rest;
  if (item === undefined || more.length > 0) return null;
  if (!needsCatalogue.some((i) => i.id === item)) return null;
  const label = [`needs:items.${item}.label`];
  if (part === undefined) return { label, format: plain };
  const states = readiness.has(item) ? 'needs:readinessStates' : 'needs:states';
  switch (part) {
    case 'state':
      return {
        label: [...label, 'conflicts:fields.needState'],
        format: enumOf(states, checklistStates),
      };
    case 'priority':
      return {
        label: [...label, 'needs:priority'],
        format: enumOf('needs:priorities', priorities),
      };
    case 'note':
      return { label: [...label, 'needs:note'], format: text };
    default:
      return null;
  }
}

function fromFields(
  fields: Fields,
  key: string | undefined,
  prefix: string[] = [],
): FieldSpec | null {
  if (key === undefined || !Object.hasOwn(fields, key)) return null;
  const entry = fields[key];
  return entry ? { label: [...prefix, entry[0]], format: entry[1] } : null;
}

function organisationSpec(path: readonly string[]): FieldSpec | null {
  const [top, second, third, ...more] = path;
  if (path.length === 1) return fromFields(organisationTop, top);
  switch (top) {
    case 'members':
      return path.length === 2 ? fromFields(members, second) : null;
    case 'professionalisation':
      return path.length === 2 ? fromFields(professionalisation, second) : null;
    case 'needs':
      return checklistSpec(path.slice(1));
    case 'cooperations':
    case 'funding': {
      const section = `organisations:sections.${top}`;
      if (path.length === 2) return { label: [section], format: plain };
      if (more.length > 0) return null;
      return fromFields(top === 'cooperations' ? cooperation : funding, third, [section]);
    }
    case 'provenance': {
      if (!second || !(provenanceSections as readonly string[]).includes(second)) return null;
      const sectionKey =
        second === 'needs' ? 'visits:sections.needs' : `organisations:sections.${second}`;
      const section = [sectionKey, 'organisations:provenance.legend'];
      if (path.length === 2) return { label: section, format: plain };
      return path.length === 3 ? fromFields(provenance, third, [section[0] ?? '']) : null;
    }
    default:
      return null;
  }
}

/**
 * What a field path of a record means: its label (as translation keys) and how to show its
 * value. Null when the path is not known (the screen then shows the raw path). Pure.
 */
export function fieldSpec(table: DataTable, path: readonly string[]): FieldSpec | null {
  const [top, second] = path;
  if (path.length === 1 && top === 'deleted') return { label: [deletedField[0]], format: plain };
  switch (table) {
    case 'organisations':
      return organisationSpec(path);
    case 'contacts':
      if (path.length === 1) return fromFields(contactTop, top);
      return top === 'consent' && path.length === 2
        ? fromFields(consent, second, ['organisations:contacts.consentLegend'])
        : null;
    case 'visits':
      if (path.length === 1) return fromFields(visitTop, top);
      return top === 'checklistUpdates' ? checklistSpec(path.slice(1)) : null;
    case 'referrals':
      return path.length === 1 ? fromFields(referralTop, top) : null;
    case 'followUps':
      return path.length === 1 ? fromFields(followUpTop, top) : null;
    case 'referenceData':
      return path.length === 1 ? fromFields(referenceTop, top) : null;
    case 'selfReports':
      return selfReportSpec(path, checklistSpec);
  }
}
