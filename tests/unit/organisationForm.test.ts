import { describe, expect, it } from 'vitest';
import { newOrganisation, type Organisation } from '../../src/domain/organisation';
import {
  buildOrganisation,
  formErrorPath,
  formFromOrganisation,
  merge3,
  parseCountries,
  parseDraftData,
  parseLanguages,
  validateOrganisation,
} from '../../src/features/organisations/organisationForm';

const ID = '00000000-0000-4000-8000-000000000001';
const org = (patch: Partial<Organisation> = {}): Organisation => ({
  ...newOrganisation(ID, '2026-03-01T10:00:00.000Z'),
  name: 'Kulturverein',
  ...patch,
});

describe('organisation form', () => {
  it('parses language tags and country codes typed with commas', () => {
    expect(parseLanguages('TR, ar;  pt-BR')).toEqual(['tr', 'ar', 'pt-BR']);
    expect(parseCountries('tr, ma PL')).toEqual(['TR', 'MA', 'PL']);
  });

  it('points list item errors at the list field', () => {
    expect(formErrorPath('members.languages.1')).toBe('members.languages');
    expect(formErrorPath('cooperations.ab-1.institution')).toBe('cooperations.ab-1.institution');
    expect(formErrorPath('provenance.names.verifiedAt')).toBe('provenance.names');
  });

  it('keeps changes stored meanwhile in fields the user did not touch', () => {
    const base = { a: 1, m: { x: 1, y: 1 }, list: [1] };
    const mine = { a: 2, m: { x: 1, y: 1 }, list: [1] };
    const theirs = { a: 1, m: { x: 5, y: 1 }, list: [1, 2] };
    expect(merge3(base, mine, theirs)).toEqual({ a: 2, m: { x: 5, y: 1 }, list: [1, 2] });
  });

  it('removes a map entry the user removed and keeps one added elsewhere', () => {
    const base = { a: { n: 1 } };
    expect(merge3(base, {}, { a: { n: 1 }, b: { n: 2 } })).toEqual({ b: { n: 2 } });
  });

  it('does not revert needs a visit stored while the profile was open', () => {
    const base = org();
    const current = org({
      needs: { findingRooms: { state: 'needed', priority: 'high', note: '' } },
    });
    const form = formFromOrganisation(base);
    form.fields = { ...form.fields, shortName: 'KV' };
    const record = buildOrganisation(current, base, form, '2026-03-10');
    expect(record.shortName).toBe('KV');
    expect(record.needs).toEqual(current.needs);
  });

  it('sets the status date only when status or reason changed', () => {
    const base = org();
    const same = buildOrganisation(base, base, formFromOrganisation(base), '2026-03-10');
    expect(same.statusChangedAt).toBeNull();
    const form = formFromOrganisation(base);
    form.fields = { ...form.fields, status: 'cooperating' };
    expect(buildOrganisation(base, base, form, '2026-03-10').statusChangedAt).toBe('2026-03-10');
  });

  it('writes provenance for sections verified today', () => {
    const base = org();
    const form = { ...formFromOrganisation(base), verified: { names: 'visit' as const } };
    const record = buildOrganisation(base, base, form, '2026-03-10');
    expect(record.provenance.names).toEqual({
      source: 'visit',
      verifiedAt: '2026-03-10',
      language: null,
    });
  });

  it('requires a reason for an exclusion, reported at statusReason', () => {
    const base = org();
    const form = formFromOrganisation(base);
    form.fields = { ...form.fields, status: 'excluded' };
    const result = validateOrganisation(buildOrganisation(base, base, form, '2026-03-10'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({
        path: 'statusReason',
        key: 'errors.exclusionReasonRequired',
      });
    }
  });

  it('reads back a stored draft and rejects foreign data', () => {
    const form = formFromOrganisation(org());
    const parsed = parseDraftData({
      version: 1,
      base: null,
      form: { ...form, verified: { x: 1 } },
    });
    expect(parsed?.form.fields.name).toBe('Kulturverein');
    expect(parsed?.form.verified).toEqual({});
    expect(parseDraftData({ version: 2 })).toBeNull();
    expect(parseDraftData('nonsense')).toBeNull();
  });
});
