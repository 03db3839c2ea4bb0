import {
  organisationSchema,
  profileSections,
  provenanceSources,
  type Organisation,
  type ProfileSection,
  type Provenance,
} from '../../domain/organisation';
import { withStatus } from '../../domain/organisationStatus';
import { validate, type FieldError, type Validated } from '../../domain/validation';

export type ProvenanceSource = Provenance['source'];

/** The editor's working state; plain JSON, so it can be kept as a draft. */
export interface OrganisationFormState {
  fields: Organisation;
  /** Language tags as typed, comma-separated. */
  languagesText: string;
  /** ISO country codes as typed, comma-separated. */
  originCountriesText: string;
  /** Sections marked "verified today", with the source of the check. */
  verified: Partial<Record<ProfileSection, ProvenanceSource>>;
}

/** What an organisation draft holds (`Draft.data` for kind 'organisation'). */
export interface OrganisationDraftData {
  version: 1;
  /** The stored organisation when editing began; null for a new organisation. */
  base: Organisation | null;
  form: OrganisationFormState;
}

export const ORGANISATION_ID_PREFIX = 'org-';

export const ORGANISATION_DRAFT_PREFIX = 'organisation:';

/** `organisation:<id>` for an existing organisation, `organisation:new-<uuid>` for a new one. */
export function organisationDraftId(key: string): string {
  return `${ORGANISATION_DRAFT_PREFIX}${key}`;
}

/** Fields the editor owns. Needs change only through visits; provenance and status date are derived. */
const editableKeys = [
  'name',
  'originalName',
  'shortName',
  'legalForm',
  'registerNumber',
  'goals',
  'fieldsOfActivity',
  'members',
  'professionalisation',
  'relationsAbroad',
  'district',
  'foundingYear',
  'ownRooms',
  'lendsRooms',
  'networks',
  'cooperations',
  'funding',
  'status',
  'statusReason',
] as const satisfies readonly (keyof Organisation)[];

export function formFromOrganisation(org: Organisation): OrganisationFormState {
  return {
    fields: org,
    languagesText: org.members.languages.join(', '),
    originCountriesText: org.members.originCountries.join(', '),
    verified: {},
  };
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "AR, pt-BR" → ["ar", "pt-BR"]: the primary subtag is lower case, the rest as typed. */
export function parseLanguages(text: string): string[] {
  return splitList(text).map((tag) => tag.replace(/^[A-Za-z]+/, (m) => m.toLowerCase()));
}

export function parseCountries(text: string): string[] {
  return splitList(text).map((c) => c.toUpperCase());
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Three-way merge: what the user changed since `base` wins, everything else keeps the value
 * stored now (`theirs`), so a sync or a visit saved meanwhile is not reverted by this form.
 */
export function merge3(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (sameJson(base, mine)) return theirs;
  if (isPlainObject(mine) && isPlainObject(base) && isPlainObject(theirs)) {
    const out: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const merged = merge3(base[key], mine[key], theirs[key]);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return mine;
}

/** The form's values as entered: list fields parsed from their text. */
export function editedFields(form: OrganisationFormState): Organisation {
  const f = form.fields;
  return {
    ...f,
    members: {
      ...f.members,
      languages: parseLanguages(form.languagesText),
      originCountries: parseCountries(form.originCountriesText),
    },
  };
}

/** The record to store: the user's edits on top of the current record, status date and provenance set. */
export function buildOrganisation(
  current: Organisation,
  base: Organisation,
  form: OrganisationFormState,
  today: string,
): Organisation {
  const mine = editedFields(form);
  const merged: Organisation = { ...current };
  for (const key of editableKeys) {
    (merged as Record<string, unknown>)[key] = merge3(base[key], mine[key], current[key]);
  }
  const provenance = { ...current.provenance };
  for (const [section, source] of Object.entries(form.verified) as [
    ProfileSection,
    ProvenanceSource,
  ][]) {
    provenance[section] = { source, verifiedAt: today, language: null };
  }
  const withStoredStatus = {
    ...merged,
    status: current.status,
    statusReason: current.statusReason,
    provenance,
  };
  return withStatus(withStoredStatus, merged.status, merged.statusReason, today);
}

/** Error paths as the form's field ids know them: list items point at their list field. */
export function formErrorPath(path: string): string {
  const parts = path.split('.');
  const index = parts.findIndex((p) => /^\d+$/.test(p));
  const kept = index >= 0 ? parts.slice(0, index) : parts;
  return (kept[0] === 'provenance' ? kept.slice(0, 2) : kept).join('.');
}

export function formErrors(errors: readonly FieldError[]): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = formErrorPath(e.path);
    if (!out.some((o) => o.path === path && o.key === e.key)) out.push({ path, key: e.key });
  }
  return out;
}

export function validateOrganisation(record: Organisation): Validated<Organisation> {
  const result = validate(organisationSchema, record);
  return result.ok ? result : { ok: false, errors: formErrors(result.errors) };
}

/** A field id from a record path: `org-members-memberCount`. */
export function orgFieldId(path: string): string {
  return `${ORGANISATION_ID_PREFIX}${path.replace(/\./g, '-')}`;
}

function parseVerified(value: unknown): OrganisationFormState['verified'] {
  const out: OrganisationFormState['verified'] = {};
  if (!isPlainObject(value)) return out;
  for (const section of profileSections) {
    const source = value[section];
    const known = provenanceSources.find((s) => s === source);
    if (known) out[section] = known;
  }
  return out;
}

/** Reads a stored draft defensively: drafts outlive app versions. */
export function parseDraftData(data: unknown): OrganisationDraftData | null {
  if (!isPlainObject(data) || data.version !== 1) return null;
  const form = data.form;
  if (!isPlainObject(form) || !isPlainObject(form.fields)) return null;
  const base = isPlainObject(data.base) ? (data.base as unknown as Organisation) : null;
  return {
    version: 1,
    base,
    form: {
      fields: form.fields as unknown as Organisation,
      languagesText: typeof form.languagesText === 'string' ? form.languagesText : '',
      originCountriesText:
        typeof form.originCountriesText === 'string' ? form.originCountriesText : '',
      verified: parseVerified(form.verified),
    },
  };
}
