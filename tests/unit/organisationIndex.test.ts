import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openNeeds, type ChecklistMap } from '../../src/domain/checklist';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import {
  cooperationStatuses,
  newOrganisation,
  type Organisation,
} from '../../src/domain/organisation';
import { searchKey } from '../../src/domain/search';
import {
  emptyFilters,
  type OrganisationFilters,
} from '../../src/features/organisations/filterOrganisations';
import {
  buildOrganisationIndex,
  queryOrganisations,
} from '../../src/features/organisations/list/organisationIndex';

/**
 * The list's filtering as it was written before the index: fold every name and the query on
 * each call, filter, then sort. The index must give exactly the same rows in the same order.
 */
function reference(
  orgs: readonly Organisation[],
  lastVisits: ReadonlyMap<string, string>,
  filters: OrganisationFilters,
  collator: Intl.Collator,
): string[] {
  const q = searchKey(filters.query);
  const rows = orgs
    .filter((org) => !org.deleted)
    .filter((org) => !filters.district || org.district === filters.district)
    .filter((org) => !filters.status || org.status === filters.status)
    .filter(
      (org) => !filters.fieldOfActivity || org.fieldsOfActivity.includes(filters.fieldOfActivity),
    )
    .filter((org) => !filters.openNeed || openNeeds(org.needs).includes(filters.openNeed))
    .filter((org) => {
      const haystack = searchKey([org.name, org.originalName, org.shortName].join(' '));
      return q === '' || q.split(' ').every((w) => haystack.includes(w));
    })
    .map((org) => ({ org, lastVisit: lastVisits.get(org.id) ?? null }));
  rows.sort((a, b) => {
    if (filters.sort === 'lastVisit') {
      const byVisit = (b.lastVisit ?? '').localeCompare(a.lastVisit ?? '');
      if (byVisit !== 0) return byVisit;
    }
    return collator.compare(a.org.name, b.org.name);
  });
  return rows.map((r) => r.org.id);
}

const words = [
  'Kulturverein',
  'KÜLTÜR',
  'Türk',
  'Işık',
  'Elternverein',
  'Mitte',
  'Biebrich',
  'الجمعية',
  'الثقافية',
  'انجمن فرهنگی افغان‌ها',
  'Радуга',
  'Берёзка',
  'Złota',
  'Ελληνική',
  'Σύλλογος',
  'Hội Người Việt',
  'ማሕበር',
  'Straße',
  'e. V.',
];
const districts = ['Mitte', 'Biebrich', 'Westend'];
const fields = ['sport', 'cultureArts', 'youthWork'];
const needIds = needsCatalogue.map((i) => i.id);

const orgArb = fc.record({
  name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
  originalName: fc.array(fc.constantFrom(...words), { maxLength: 2 }),
  shortName: fc.constantFrom('', 'TKV', 'ΣΓΚ'),
  district: fc.option(fc.constantFrom(...districts)),
  status: fc.constantFrom(...cooperationStatuses),
  fields: fc.subarray(fields),
  needed: fc.subarray(needIds, { maxLength: 4 }),
  deleted: fc.boolean(),
  lastVisit: fc.option(fc.constantFrom('2025-01-03', '2025-06-30', '2026-02-11')),
});

const filtersArb = fc.record({
  query: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...words),
    fc.constantFrom(
      'kultur',
      'turk',
      'isik',
      'радуга',
      'березка',
      'zlota',
      'ελληνικη',
      'hoi',
      'verein mitte',
      'ss',
    ),
  ),
  district: fc.constantFrom('', ...districts),
  status: fc.constantFrom('' as const, ...cooperationStatuses),
  fieldOfActivity: fc.constantFrom('', ...fields),
  openNeed: fc.constantFrom('', ...needIds.slice(0, 5)),
  sort: fc.constantFrom('lastVisit' as const, 'name' as const),
});

describe('organisation index', () => {
  it('gives the same rows in the same order as filtering from scratch', () => {
    const collator = new Intl.Collator('de', { sensitivity: 'base' });
    fc.assert(
      fc.property(fc.array(orgArb, { maxLength: 40 }), filtersArb, (specs, filters) => {
        const lastVisits = new Map<string, string>();
        const orgs = specs.map((s, i) => {
          const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          if (s.lastVisit) lastVisits.set(id, s.lastVisit);
          const needs: ChecklistMap = Object.fromEntries(
            s.needed.map((n) => [
              n,
              { state: 'needed' as const, priority: 'high' as const, note: '' },
            ]),
          );
          return {
            ...newOrganisation(id, '2026-01-01T00:00:00.000Z'),
            name: s.name.join(' '),
            originalName: s.originalName.join(' '),
            shortName: s.shortName,
            district: s.district,
            status: s.status,
            fieldsOfActivity: s.fields,
            needs,
            deleted: s.deleted,
          };
        });
        const index = buildOrganisationIndex(orgs, lastVisits, collator);
        const got = queryOrganisations(index, filters).map((r) => r.org.id);
        expect(got).toEqual(reference(orgs, lastVisits, filters, collator));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the index across keystrokes: the same index answers every query', () => {
    const orgs = [
      'Türkischer Kulturverein Mitte',
      'Marokkanischer Kulturverein',
      'Sportverein',
    ].map((name, i) => ({
      ...newOrganisation(`00000000-0000-4000-8000-00000000000${i}`, '2026-01-01T00:00:00.000Z'),
      name,
    }));
    const index = buildOrganisationIndex(orgs, new Map(), new Intl.Collator('de'));
    const names = (query: string) =>
      queryOrganisations(index, { ...emptyFilters, sort: 'name', query }).map((r) => r.org.name);
    expect(names('k')).toEqual(['Marokkanischer Kulturverein', 'Türkischer Kulturverein Mitte']);
    expect(names('kultur mitte')).toEqual(['Türkischer Kulturverein Mitte']);
    expect(names('')).toHaveLength(3);
  });

  it('rebuilt after a change, finds renamed organisations by their new names only', () => {
    const org = (i: number, name: string) => ({
      ...newOrganisation(`00000000-0000-4000-8000-00000000000${i}`, '2026-01-01T00:00:00.000Z'),
      name,
    });
    const collator = new Intl.Collator('de');
    const before = buildOrganisationIndex(
      [org(1, 'Elternverein'), org(2, 'Sportverein')],
      new Map(),
      collator,
    );
    const after = buildOrganisationIndex(
      [org(1, 'Elternnetzwerk'), org(2, 'Sportverein'), org(3, 'Chor')],
      new Map(),
      collator,
      before,
    );
    const names = (query: string) =>
      queryOrganisations(after, { ...emptyFilters, sort: 'name', query }).map((r) => r.org.name);
    expect(names('verein')).toEqual(['Sportverein']);
    expect(names('netzwerk')).toEqual(['Elternnetzwerk']);
    expect(names('chor')).toEqual(['Chor']);
  });
});
