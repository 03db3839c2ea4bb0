import { describe, expect, it } from 'vitest';
import { newOrganisation, type Organisation } from '../../src/domain/organisation';
import { searchKey } from '../../src/domain/search';
import {
  emptyFilters,
  filterOrganisations,
} from '../../src/features/organisations/filterOrganisations';

let n = 0;
const org = (patch: Partial<Organisation>): Organisation => {
  n += 1;
  return {
    ...newOrganisation(
      `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      '2026-01-01T00:00:00.000Z',
    ),
    ...patch,
  };
};
const collator = new Intl.Collator('de');

const orgs = [
  org({
    name: 'Marokkanischer Kulturverein',
    originalName: 'الجمعية الثقافية المغربية',
    district: 'Biebrich',
    status: 'cooperating',
    fieldsOfActivity: ['cultureArts'],
  }),
  org({
    name: 'Russischsprachiger Elternverein',
    originalName: 'Родительский клуб «Радуга»',
    district: 'Mitte',
    needs: { school: { state: 'needed', priority: 'high', note: '' } },
  }),
  org({
    name: 'Türkischer Sportverein Kastel',
    district: 'MainzKastel',
    status: 'paused',
    fieldsOfActivity: ['sport'],
  }),
  org({ name: 'Alter Verein', deleted: true }),
];

describe('organisation list', () => {
  it('finds organisations by a name in Arabic or Cyrillic script and ignores case and accents', () => {
    const names = (q: string) =>
      filterOrganisations(orgs, new Map(), { ...emptyFilters, query: q }, collator).map(
        (r) => r.org.name,
      );
    expect(names('المغربية')).toEqual(['Marokkanischer Kulturverein']);
    expect(names('радуга')).toEqual(['Russischsprachiger Elternverein']);
    expect(names('turkischer')).toEqual(['Türkischer Sportverein Kastel']);
    expect(names('verein kastel')).toEqual(['Türkischer Sportverein Kastel']);
  });

  it('filters by district, status, field of activity and open need, never showing deleted ones', () => {
    const run = (f: Partial<typeof emptyFilters>) =>
      filterOrganisations(orgs, new Map(), { ...emptyFilters, ...f }, collator).map(
        (r) => r.org.name,
      );
    expect(run({})).toHaveLength(3);
    expect(run({ district: 'Mitte' })).toEqual(['Russischsprachiger Elternverein']);
    expect(run({ status: 'paused' })).toEqual(['Türkischer Sportverein Kastel']);
    expect(run({ fieldOfActivity: 'cultureArts' })).toEqual(['Marokkanischer Kulturverein']);
    expect(run({ openNeed: 'school' })).toEqual(['Russischsprachiger Elternverein']);
  });

  it('sorts by last visit, most recent first, never visited last', () => {
    const last = new Map([
      [orgs[2]?.id ?? '', '2026-02-01'],
      [orgs[0]?.id ?? '', '2025-12-01'],
    ]);
    const rows = filterOrganisations(orgs, last, emptyFilters, collator);
    expect(rows.map((r) => r.org.name)).toEqual([
      'Türkischer Sportverein Kastel',
      'Marokkanischer Kulturverein',
      'Russischsprachiger Elternverein',
    ]);
  });

  it('folds Arabic vowel marks and German sharp s', () => {
    expect(searchKey('مَدْرَسَة')).toBe(searchKey('مدرسة'));
    expect(searchKey('Straße')).toBe('strasse');
  });
});
