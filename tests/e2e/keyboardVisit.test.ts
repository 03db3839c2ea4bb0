import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { focusMatches, tabTo } from './a11ySteps';
import { countRecords, textOf, waitForHash } from './appSteps';
import { launchBrowser, newAppContext, openApp } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await newAppContext(browser);
});
afterAll(async () => {
  await browser.close();
});

const ORG_NAME = 'Eritreischer Elternverein Tastatur';
const NOTE = 'Vorstand möchte einen Raum für die Hausaufgabenhilfe.';

/** The value of the checked radio button of a group. */
function checkedValue(page: Page, name: string): Promise<string | null> {
  return page.evaluate(
    (n) =>
      document.querySelector<HTMLInputElement>(`input[type=radio][name="${n}"]:checked`)?.value ??
      null,
    name,
  );
}

/**
 * In a radio group (focused), Space checks the focused button and the arrow keys move and check;
 * goes down until `value` is checked.
 */
async function arrowTo(page: Page, name: string, value: string): Promise<void> {
  if ((await checkedValue(page, name)) === null) await page.keyboard.press('Space');
  for (let i = 0; i < 8 && (await checkedValue(page, name)) !== value; i++) {
    await page.keyboard.press('ArrowDown');
  }
  expect(await checkedValue(page, name)).toBe(value);
}

/** A day in the past, ISO (YYYY-MM-DD). */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Types a date into the focused date field segment by segment. The order of the segments follows
 * the browser's own UI language (not the page's), so it is found out first: ArrowUp on the first
 * segment shows which part it is, ArrowDown undoes it.
 */
async function typeDate(page: Page, selector: string, iso: string): Promise<void> {
  const field = page.locator(selector);
  const start = await field.inputValue();
  await page.keyboard.press('ArrowUp');
  const bumped = await field.inputValue();
  await page.keyboard.press('ArrowDown');
  const [y0, m0] = start.split('-');
  const [y1, m1] = bumped.split('-');
  const first = y0 !== y1 ? 'year' : m0 !== m1 ? 'month' : 'day';
  const [year = '', month = '', day = ''] = iso.split('-');
  const order =
    first === 'year'
      ? [year, month, day]
      : first === 'month'
        ? [month, day, year]
        : [day, month, year];
  await page.keyboard.type(order.join(''));
}

describe('a visit recorded with the keyboard only', () => {
  it('announces a form error, then creates an organisation and saves a complete visit', async () => {
    const page = await context.newPage();
    await openApp(page, baseUrl);
    const before = await countRecords(page, ['organisations', 'visits']);

    // From the top of the page to "record a visit" in the main navigation.
    await tabTo(page, 'nav a[href="#/visits/new"]');
    await page.keyboard.press('Enter');
    await waitForHash(page, /^#\/visits\/new/);
    await page.getByTestId('visit-save').waitFor();

    // Saving an empty visit: the error summary is announced and takes the focus.
    await tabTo(page, '[data-testid=visit-save]');
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => focusMatches(page, ':has(> [data-testid=error-summary])')).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    const orgError = 'Bitte zuerst die besuchte Organisation auswählen oder anlegen.';
    expect(await textOf(summary)).toContain(orgError);
    // The field itself points at its message.
    const search = page.getByTestId('visit-org-search');
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await search.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy.split(' ').map((id) => textOf(page.locator(`[id="${id}"]`))),
    );
    expect(messages).toContain(orgError);
    // The summary's entry leads to the field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(orgError);
    await page.keyboard.press('Enter');
    expect(await focusMatches(page, '[data-testid=visit-org-search]')).toBe(true);

    // A new organisation, created on the spot.
    await tabTo(page, '[data-testid=visit-new-org-name]');
    await page.keyboard.type(ORG_NAME);
    await page.keyboard.press('Enter');
    await page.locator('.org-selected-name').filter({ hasText: ORG_NAME }).waitFor();
    // Focus follows to the chosen organisation instead of falling back to the page.
    await expect.poll(() => focusMatches(page, '.org-selected')).toBe(true);

    // Date (two days ago), place and purpose.
    const date = daysAgo(2);
    await tabTo(page, '#vf-visit-date');
    await typeDate(page, '#vf-visit-date', date);
    expect(await page.locator('#vf-visit-date').inputValue()).toBe(date);
    await tabTo(page, 'input[name="vf-visit-place"]');
    await arrowTo(page, 'vf-visit-place', 'moRooms');
    await tabTo(page, 'input[name="vf-visit-purpose"]');
    await arrowTo(page, 'vf-visit-purpose', 'needsAssessment');

    // Needs checklist: finding rooms is needed, urgently.
    await tabTo(page, 'input[name="vf-checklist-findingRooms-state"]');
    await arrowTo(page, 'vf-checklist-findingRooms-state', 'needed');
    await tabTo(page, 'input[name="vf-checklist-findingRooms-priority"]');
    await arrowTo(page, 'vf-checklist-findingRooms-priority', 'high');
    expect(await page.getByTestId('checklist-item-findingRooms').getAttribute('data-changed')).toBe(
      'true',
    );

    // A note, then save.
    await tabTo(page, '#vf-visit-notes');
    await page.keyboard.type(NOTE);
    await tabTo(page, '[data-testid=visit-save]');
    await page.keyboard.press('Enter');
    await waitForHash(page, /^#\/organisations\/[^/]+$/);
    await page.getByTestId('profile-name').filter({ hasText: ORG_NAME }).waitFor();

    // Stored on the device, and the profile shows it.
    expect(await countRecords(page, ['organisations', 'visits'])).toEqual({
      organisations: before.organisations + 1,
      visits: before.visits + 1,
    });
    const visits = page.getByTestId('profile-visits');
    await visits.getByRole('heading', { name: '1 Besuch' }).waitFor();
    const shown = await textOf(visits);
    expect(shown).toContain('Bedarfserhebung');
    expect(shown).toContain('1 Punkt der Bedarfsliste geändert');
    const openNeeds = await textOf(page.getByTestId('profile-open-needs'));
    expect(openNeeds).toContain('Hilfe bei der Suche nach Räumen');
    expect(openNeeds).toContain('Hoch');
  });
});
