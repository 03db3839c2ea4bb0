/**
 * Search and filter on the organisation list, in the real UI: each sample is one keystroke in
 * the search field (or one choice in a filter), timed from its `input` event until the list shows
 * the expected result (first row and result count, as the app's own filter code computes them)
 * and is laid out.
 */
import type { Page } from 'playwright-core';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import { cooperationStatuses } from '../../src/domain/organisation';
import { fieldsOfActivity, referenceSeeds } from '../../src/domain/referenceData';
import {
  emptyFilters,
  type OrganisationFilters,
} from '../../src/features/organisations/filterOrganisations';
import type { ListExpectation } from './scalePage';
import { react, type BenchWindow } from './scaleSession';

/** Latin, Arabic, Cyrillic, Greek, Ge'ez and Vietnamese, with and without diacritics. */
export const searchTerms = [
  'kultur',
  'الثقافية',
  'радуга',
  'turkisch',
  'polska',
  'ελληνική',
  'ማሕበር',
  'zentrum e',
  'hội',
];

export interface ListSamples {
  search: number[];
  filter: number[];
  /** The most `li` rows the list had in the DOM while measuring. */
  maxRowsInDom: number;
}

const expectList = (page: Page, filters: OrganisationFilters): Promise<ListExpectation> =>
  page.evaluate((f) => (window as unknown as BenchWindow).scaleBench.expectList(f), filters);

/** What one key press types: a user-perceived character (Vietnamese "ộ" may be several). */
const graphemes = (text: string): string[] =>
  Array.from(
    new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text),
    (s) => s.segment,
  );

const same = (a: ListExpectation, b: ListExpectation): boolean =>
  a.count === b.count && a.firstId === b.firstId;

const rowsInDom = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('[data-testid="org-list"] li').length);

async function searchSamples(page: Page, out: ListSamples): Promise<void> {
  const field = page.locator('#org-search');
  await field.focus();
  let shown = await expectList(page, emptyFilters);
  for (const term of searchTerms) {
    let typed = '';
    for (const char of graphemes(term)) {
      typed += char;
      const next = await expectList(page, { ...emptyFilters, query: typed });
      if (same(next, shown)) {
        await page.keyboard.type(char);
        continue;
      }
      const t = await react(page, { trigger: 'input', expect: { kind: 'list', ...next } }, () =>
        page.keyboard.type(char),
      );
      out.search.push(t.domMs);
      out.maxRowsInDom = Math.max(out.maxRowsInDom, await rowsInDom(page));
      shown = next;
    }
    const all = await expectList(page, emptyFilters);
    await page.keyboard.press('Control+A');
    const t = await react(page, { trigger: 'input', expect: { kind: 'list', ...all } }, () =>
      page.keyboard.press('Backspace'),
    );
    out.search.push(t.domMs);
    out.maxRowsInDom = Math.max(out.maxRowsInDom, await rowsInDom(page));
    shown = all;
  }
}

const filterChoices: [keyof OrganisationFilters, string, readonly string[]][] = [
  ['status', 'filter-status', ['', ...cooperationStatuses]],
  [
    'district',
    'filter-district',
    ['', ...referenceSeeds.filter((s) => s.kind === 'district').map((s) => s.code)],
  ],
  ['fieldOfActivity', 'filter-field', ['', ...fieldsOfActivity]],
  [
    'openNeed',
    'filter-need',
    ['', ...needsCatalogue.filter((i) => i.group !== 'readiness').map((i) => i.id)],
  ],
  ['sort', 'org-sort', ['lastVisit', 'name']],
];

async function filterSamples(page: Page, out: ListSamples, samples: number): Promise<void> {
  let filters: OrganisationFilters = { ...emptyFilters };
  let shown = await expectList(page, filters);
  for (let k = 0; out.filter.length < samples && k < samples * 4; k += 1) {
    const choice = filterChoices[k % filterChoices.length];
    if (!choice) break;
    const [key, id, values] = choice;
    // Every third change clears the filter again, so results do not shrink to nothing.
    const value = k % 3 === 2 ? (values[0] ?? '') : (values[(k * 7) % values.length] ?? '');
    const nextFilters = { ...filters, [key]: value };
    const next = await expectList(page, nextFilters);
    if (same(next, shown) || value === filters[key]) continue;
    const t = await react(page, { trigger: 'input', expect: { kind: 'list', ...next } }, () =>
      page.selectOption(`#${id}`, value).then(() => undefined),
    );
    out.filter.push(t.domMs);
    out.maxRowsInDom = Math.max(out.maxRowsInDom, await rowsInDom(page));
    filters = nextFilters;
    shown = next;
  }
  for (const [key, id] of filterChoices) {
    if (filters[key] !== emptyFilters[key]) await page.selectOption(`#${id}`, emptyFilters[key]);
  }
}

export async function measureList(page: Page, filterSampleCount: number): Promise<ListSamples> {
  const out: ListSamples = { search: [], filter: [], maxRowsInDom: await rowsInDom(page) };
  await searchSamples(page, out);
  await filterSamples(page, out, filterSampleCount);
  return out;
}
