import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { countRecords, createOrganisationViaList, textOf, type StoreName } from './appSteps';
import { goOffline, launchBrowser, newAppContext, openApp } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function freshPage(hash: string, locale?: string): Promise<Page> {
  context = await newAppContext(browser, locale ? { locale } : {});
  const page = await context.newPage();
  await openApp(page, baseUrl, hash);
  return page;
}

/**
 * Runs `submit`, waits for the error summary to show `message`, and checks that the stores hold
 * exactly as many records as before.
 */
async function expectRejected(
  page: Page,
  stores: readonly StoreName[],
  submit: () => Promise<void>,
  message: string,
): Promise<void> {
  // Offline (the form is loaded by now), so the counts see only what this form wrote, never a
  // background sync.
  await goOffline(page.context());
  const before = await countRecords(page, stores);
  await submit();
  const summary = page.getByTestId('error-summary');
  await summary.filter({ hasText: message }).waitFor();
  await expect(textOf(summary)).resolves.toContain(message);
  // The save was refused without a write: give a stray write a moment, then count again.
  await page.waitForTimeout(100);
  await expect(countRecords(page, stores)).resolves.toEqual(before);
}

describe('invalid input shows a translated message and stores nothing', () => {
  it('a visit without an organisation', async () => {
    const page = await freshPage('#/visits/new');
    await page.getByRole('radio', { name: 'Bedarfserhebung' }).check();
    await page.getByLabel('Notizen', { exact: true }).fill('Gespräch im Gemeindesaal.');
    await expectRejected(
      page,
      ['visits', 'organisations', 'outbox'],
      () => page.getByTestId('visit-save').click(),
      'Bitte zuerst die besuchte Organisation auswählen oder anlegen.',
    );
    // The message leads to the field; the form keeps what was typed.
    await page
      .getByTestId('error-summary')
      .getByRole('button', {
        name: 'Bitte zuerst die besuchte Organisation auswählen oder anlegen.',
      })
      .click();
    await expect(
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).resolves.toBe('visit-org-search');
    await expect(page.getByLabel('Notizen', { exact: true }).inputValue()).resolves.toBe(
      'Gespräch im Gemeindesaal.',
    );
  });

  it('an excluded organisation without a reason', async () => {
    const page = await freshPage('#/organisations/new');
    await page.getByLabel('Offizieller Name').fill('Kulturverein Anatolien');
    await page.getByLabel('Kooperationsstatus').selectOption({ label: 'Ausgeschlossen' });
    await expectRejected(
      page,
      ['organisations', 'outbox'],
      () => page.getByTestId('org-save').click(),
      'Ein Ausschluss braucht eine dokumentierte Begründung.',
    );
    expect(new URL(page.url()).hash).toBe('#/organisations/new');
  });

  it('an excluded organisation without a reason, in English', async () => {
    const page = await freshPage('#/organisations/new', 'en-GB');
    await page.getByLabel('Official name').fill('Anatolian Cultural Association');
    await page.getByLabel('Cooperation status').selectOption({ label: 'Excluded' });
    await expectRejected(
      page,
      ['organisations', 'outbox'],
      () => page.getByTestId('org-save').click(),
      'An exclusion needs a recorded reason.',
    );
  });

  it('a contact person with consent and a malformed e-mail address', async () => {
    const page = await freshPage('');
    await createOrganisationViaList(page, 'Arabischer Elternverein');
    await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    await page.getByLabel('Name der Ansprechperson').fill('Ayşe Yılmaz');
    await page.getByLabel('Einwilligung dokumentiert').check();
    await page.getByLabel('Kontaktaufnahme durch die Koordinierungsstelle').check();
    await page.getByLabel('E-Mail', { exact: true }).fill('ayse@');
    await expectRejected(
      page,
      ['contacts', 'outbox'],
      () => page.getByRole('button', { name: 'Ansprechperson speichern' }).click(),
      'Die E-Mail-Adresse ist nicht gültig.',
    );
    await expect(page.getByTestId('profile-contacts').textContent()).resolves.not.toContain(
      'Ansprechperson gespeichert.',
    );
  });
});
