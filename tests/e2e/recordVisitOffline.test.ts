import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { countRecords, organisationIdOf, textOf, waitForHash } from './appSteps';
import {
  goOffline,
  launchBrowser,
  newAppContext,
  openApp,
  waitForAppShell,
  waitForServiceWorker,
} from './browser';

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

const ORG_NAME = 'Türkisch-Deutscher Elternverein Biebrich';
const FOLLOW_UP = 'Raumangebote der Stadt zusenden';

async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  await waitForAppShell(page);
  await expect(page.getByTestId('online-status').textContent()).resolves.toMatch(/^Offline/);
}

/**
 * "3 Änderungen nicht übertragen" → 3, once the count is above 0 (until its query has run the
 * status bar shows 0).
 */
async function pendingCount(page: Page): Promise<number> {
  const pill = page.getByTestId('pending-count');
  await pill.filter({ hasText: /^[1-9]\d* Änderungen? nicht übertragen$/ }).waitFor();
  const text = (await pill.textContent()) ?? '';
  const match = /\d+/.exec(text);
  if (!match) throw new Error(`no number in the pending count: ${text}`);
  return Number(match[0]);
}

describe('coordinator records a visit offline', () => {
  it('creates an organisation and a visit with no network, and everything survives a reload', async () => {
    context = await newAppContext(browser);
    const page = await context.newPage();
    await openApp(page, baseUrl);
    await waitForServiceWorker(page);

    // In the basement: no signal.
    await goOffline(context);
    await reloadOffline(page);
    const before = await countRecords(page, ['organisations', 'visits', 'followUps']);

    // Record a visit; the organisation is new and is created on the spot.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Besuch erfassen' }).click();
    await waitForHash(page, /^#\/visits\/new/);
    await page.getByLabel('Name der neuen Organisation').fill(ORG_NAME);
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.locator('.org-selected-name').filter({ hasText: ORG_NAME }).waitFor();

    await page.getByRole('radio', { name: 'Bedarfserhebung' }).check();

    // Needs checklist: rooms are needed urgently, training for volunteers is not needed.
    const rooms = page.getByTestId('checklist-item-findingRooms');
    await rooms.getByRole('radio', { name: 'Bedarf', exact: true }).check();
    await rooms.getByRole('radio', { name: 'Hoch' }).check();
    const training = page.getByTestId('checklist-item-volunteerTraining');
    await training.getByRole('radio', { name: 'Kein Bedarf' }).check();
    await expect(rooms.getAttribute('data-changed')).resolves.toBe('true');

    // Referral counselling.
    await page.getByRole('button', { name: 'Verweis hinzufügen' }).click();
    await page.getByLabel('Verwiesen an').selectOption({ label: 'Kulturamt' });
    await page.getByLabel('Anliegen').fill('Raum für das Sommerfest');

    // What was agreed.
    await page.getByRole('button', { name: 'Wiedervorlage hinzufügen' }).click();
    await page.getByLabel('Was ist zu tun?').fill(FOLLOW_UP);
    await page.getByLabel('Wer?').fill('Koordinierungsstelle');
    await page.getByLabel('Fällig am').fill('2031-03-15');

    await page.getByLabel('Notizen', { exact: true }).fill('Vorstand neu gewählt.');

    await page.getByTestId('visit-save').click();
    await waitForHash(page, /^#\/organisations\/[^/]+$/);
    const orgId = organisationIdOf(page);
    await page.getByTestId('profile-name').filter({ hasText: ORG_NAME }).waitFor();

    // Still offline, a reload shows everything: it came from IndexedDB, not from memory.
    await reloadOffline(page);
    await page.getByTestId('profile-name').filter({ hasText: ORG_NAME }).waitFor();
    const visits = page.getByTestId('profile-visits');
    await visits.getByRole('heading', { name: '1 Besuch' }).waitFor();
    await expect(visits.textContent()).resolves.toContain('Bedarfserhebung');
    await expect(visits.textContent()).resolves.toContain('2 Punkte der Bedarfsliste geändert');
    await expect(visits.textContent()).resolves.toContain('1 Verweis');

    const openNeeds = page.getByTestId('profile-open-needs');
    await expect(openNeeds.textContent()).resolves.toContain('1 offener Bedarf');
    await expect(openNeeds.textContent()).resolves.toContain('Hilfe bei der Suche nach Räumen');
    await expect(openNeeds.textContent()).resolves.toContain('Hoch');

    const followUps = page.getByTestId('profile-follow-ups');
    await expect(followUps.textContent()).resolves.toContain(FOLLOW_UP);
    await expect(followUps.textContent()).resolves.toContain('15.03.2031');

    // Saved on the device, waiting for a connection.
    await expect(page.getByTestId('online-status').textContent()).resolves.toMatch(/^Offline/);
    const pending = await pendingCount(page);
    expect(pending).toBeGreaterThan(0);
    const stored = await countRecords(page, ['organisations', 'visits', 'followUps', 'outbox']);
    expect(stored).toMatchObject({
      organisations: before.organisations + 1,
      visits: before.visits + 1,
      followUps: before.followUps + 1,
    });
    // The status bar counts exactly the changes waiting in the outbox.
    expect(stored.outbox).toBe(pending);

    // The follow-ups screen lists it, with its organisation.
    await nav.getByRole('link', { name: 'Wiedervorlagen' }).click();
    const item = page
      .getByTestId('follow-up-item')
      .filter({ hasText: FOLLOW_UP })
      .filter({ hasText: ORG_NAME });
    await item.waitFor();
    await expect(item.count()).resolves.toBe(1);
    await expect(textOf(item)).resolves.toContain('Zuständig: Koordinierungsstelle');

    // The needs history shows both changes of this visit.
    await page.goto(`${baseUrl}/#/organisations/${encodeURIComponent(orgId)}/history`);
    await waitForAppShell(page);
    await page
      .getByTestId('needs-history-summary')
      .filter({ hasText: 'Verlauf aus 1 Besuch' })
      .waitFor();
    const roomsHistory = page.getByTestId('history-item-findingRooms');
    await expect(roomsHistory.textContent()).resolves.toContain('Unbekannt → Bedarf');
    await expect(roomsHistory.textContent()).resolves.toContain('Priorität: Hoch');
    await expect(
      page.getByTestId('history-item-volunteerTraining').textContent(),
    ).resolves.toContain('Unbekannt → Kein Bedarf');
  });
});
