import { describe, expect, it } from 'vitest';
import { contactPersonSchema } from '../../src/domain/contactPerson';
import { newOrganisation, organisationSchema } from '../../src/domain/organisation';
import { validate } from '../../src/domain/validation';

const nowIso = '2026-03-10T09:00:00.000Z';
const org = (patch: object) => ({
  ...newOrganisation('00000000-0000-4000-8000-000000000001', nowIso),
  name: 'Deutsch-Türkischer Kulturverein',
  ...patch,
});
const contact = (patch: object) => ({
  id: '00000000-0000-4000-8000-000000000002',
  createdAt: nowIso,
  updatedAt: nowIso,
  deleted: false,
  organisationId: '00000000-0000-4000-8000-000000000001',
  name: 'Ayşe Yılmaz',
  role: 'Vorsitzende',
  languages: [],
  phone: '',
  email: '',
  consent: null,
  ...patch,
});

describe('organisation profile validation', () => {
  it('accepts a complete profile with a name in the original script', () => {
    const result = validate(
      organisationSchema,
      org({ originalName: 'جمعية الثقافة المغربية', foundingYear: 1998 }),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses an exclusion without a recorded reason', () => {
    const result = validate(organisationSchema, org({ status: 'excluded', statusReason: '  ' }));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'statusReason', key: 'errors.exclusionReasonRequired' }],
    });
  });

  it('accepts an exclusion with a reason', () => {
    expect(
      validate(
        organisationSchema,
        org({
          status: 'excluded',
          statusReason: 'Verfassungsfeindliche Ziele laut Verfassungsschutzbericht 2025',
        }),
      ).ok,
    ).toBe(true);
  });

  it('requires a name and reports it as a translation key', () => {
    const result = validate(organisationSchema, org({ name: '' }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual({ path: 'name', key: 'errors.nameRequired' });
  });

  it('rejects unknown checklist items, bad country codes and negative member counts', () => {
    const result = validate(
      organisationSchema,
      org({
        needs: { flying: { state: 'needed', priority: 'high', note: '' } },
        members: { ...org({}).members, originCountries: ['turkey'], memberCount: -3 },
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.key).sort()).toEqual([
        'errors.checklistItemUnknown',
        'errors.countryInvalid',
        'errors.numberNegative',
      ]);
    }
  });

  it('accepts a removed cooperation as a null tombstone, so the removal can sync', () => {
    const result = validate(
      organisationSchema,
      org({
        cooperations: { abc: null, def: { institution: 'VHS', educationProvider: true, note: '' } },
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('keeps register numbers for registered associations only', () => {
    expect(validate(organisationSchema, org({ registerNumber: 'VR 4711' })).ok).toBe(true);
    const result = validate(
      organisationSchema,
      org({ legalForm: 'initiative', registerNumber: 'VR 4711' }),
    );
    expect(result.ok).toBe(false);
  });
});

describe('contact persons and consent', () => {
  it('keeps only name and role without consent', () => {
    expect(validate(contactPersonSchema, contact({})).ok).toBe(true);
  });

  it('refuses phone, e-mail or languages without recorded consent', () => {
    const result = validate(
      contactPersonSchema,
      contact({ phone: '+49 611 123456', email: 'a@example.org', languages: ['tr'] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.path).sort()).toEqual(['email', 'languages', 'phone']);
      expect(new Set(result.errors.map((e) => e.key))).toEqual(
        new Set(['errors.contactDetailsWithoutConsent']),
      );
    }
  });

  it('accepts contact details with consent (date and scope)', () => {
    const result = validate(
      contactPersonSchema,
      contact({
        phone: '+49 611 123456',
        email: 'ayse@example.org',
        consent: { date: '2026-03-01', scopes: ['contact'] },
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('rejects a malformed e-mail address', () => {
    const result = validate(
      contactPersonSchema,
      contact({ email: 'ayse@', consent: { date: '2026-03-01', scopes: ['contact'] } }),
    );
    expect(result).toEqual({ ok: false, errors: [{ path: 'email', key: 'errors.emailInvalid' }] });
  });

  it('requires at least one consent scope', () => {
    const result = validate(
      contactPersonSchema,
      contact({ consent: { date: '2026-03-01', scopes: [] } }),
    );
    expect(result.ok).toBe(false);
  });
});
