import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganisationViaList, textOf, waitForHash } from './appSteps';
import { logIn as logInAt, openProfile as openProfileAt, syncNow } from './coordinatorSteps';
import {
  goOffline,
  goOnline,
  launchBrowser,
  newAppContext,
  openApp,
  waitForServiceWorker,
} from './browser';

const baseUrl = inject('baseUrl');
const [anna, ben] = inject('accounts');

const logIn = (page: Page, login: string, password: string) =>
  logInAt(page, baseUrl, login, password);
const openProfile = (page: Page, id: string) => openProfileAt(page, baseUrl, id);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function renameOrganisation(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/#/organisations/${id}/edit`);
  await page.getByLabel('Offizieller Name').fill(name);
  await page.getByTestId('org-save').click();
  await waitForHash(page, new RegExp(`^#/organisations/${id}$`));
  await page.getByTestId('profile-name').filter({ hasText: name }).waitFor();
}

describe('two coordinators edit the same organisation', () => {
  it('an offline edit that loses shows up on the conflict screen and can be restored; the offline visit reaches the other tablet', async () => {
    if (!anna || !ben) throw new Error('accounts missing');
    const contextA: BrowserContext = await newAppContext(browser);
    const contextB: BrowserContext = await newAppContext(browser);
    const a = await contextA.newPage();
    const b = await contextB.newPage();
    try {
      await openApp(a, baseUrl);
      await waitForServiceWorker(a);
      await logIn(a, anna.login, anna.password);
      const base = `Konfliktverein ${Date.now()}`;
      const id = await createOrganisationViaList(a, base);
      await syncNow(a);

      await openApp(b, baseUrl);
      await logIn(b, ben.login, ben.password);
      await syncNow(b);
      await openProfile(b, id);

      // A goes into the basement: edits the name and records a visit without a network.
      await goOffline(contextA);
      await renameOrganisation(a, id, `${base} – Fassung A`);
      await a.goto(`${baseUrl}/#/visits/new?org=${id}`);
      await a.getByRole('radio', { name: 'Folgebesuch' }).check();
      await a.getByLabel('Notizen', { exact: true }).fill('Besuch im Keller ohne Netz');
      await a.getByTestId('visit-save').click();
      await waitForHash(a, new RegExp(`^#/organisations/${id}$`));

      // B, online, changes the same field a little later.
      await renameOrganisation(b, id, `${base} – Fassung B`);
      await syncNow(b);

      // A comes back online and syncs; then B syncs again: both show the same data.
      await goOnline(contextA);
      await syncNow(a);
      await syncNow(b);
      await openProfile(a, id);
      await openProfile(b, id);
      expect(await textOf(a.getByTestId('profile-name'))).toContain('Fassung B');
      expect(await textOf(b.getByTestId('profile-name'))).toContain('Fassung B');
      await expect
        .poll(async () => textOf(b.getByTestId('profile-visits')))
        .toContain('Folgebesuch');

      // The losing value is on the conflict screen, with who and when, and can be restored.
      await a.goto(`${baseUrl}/#/conflicts`);
      const item = a.getByTestId('conflict-item').filter({ hasText: 'Fassung A' });
      await item.waitFor();
      expect(await textOf(item.getByTestId('conflict-loser-value'))).toContain('Fassung A');
      expect(await textOf(item.getByTestId('conflict-winner-value'))).toContain('Fassung B');
      expect(await textOf(item)).toContain(anna.displayName);
      expect(await textOf(item)).toContain(ben.displayName);
      await item.getByTestId('conflict-restore').click();
      // Restoring is a new edit: it waits in the outbox until A syncs.
      await expect.poll(async () => textOf(a.getByTestId('pending-count'))).not.toMatch(/^0 /);
      await syncNow(a);
      await openProfile(b, id);
      await expect
        .poll(
          async () => {
            await syncNow(b);
            return textOf(b.getByTestId('profile-name'));
          },
          { timeout: 20_000 },
        )
        .toContain('Fassung A');
      await a.screenshot({ path: '/tmp/bruecke-conflict-a.png' });
    } finally {
      await contextA.close();
      await contextB.close();
    }
  });
});
