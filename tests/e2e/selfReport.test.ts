import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOrganisationViaList, textOf } from './appSteps';
import { goOffline, goOnline, launchBrowser, newAppContext } from './browser';
import { logIn, openProfile, syncNow } from './coordinatorSteps';

const baseUrl = inject('baseUrl');
const [anna] = inject('accounts');
const SELF_REPORT_SCREENSHOT = '/tmp/bruecke-self-report-ar.png';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The phone's page is controlled by the service worker, so it reloads offline. */
async function waitForPhoneServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state === 'activated';
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.getByTestId('self-report').waitFor();
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Presses "next" until `selector` is visible (one topic per screen). Each time it first waits
 * for a step to be on the screen (after a reload the page shows "loading" first: a click then
 * would wait for the step and skip it) and, after the click, for the next step.
 */
async function advanceTo(page: Page, selector: string): Promise<void> {
  const step = page.getByTestId('sr-step');
  for (let i = 0; i < 12; i++) {
    await step.waitFor();
    if (await page.locator(selector).first().isVisible()) return;
    const before = await step.getAttribute('data-step');
    await page.getByTestId('sr-next').click();
    await expect
      .poll(async () => step.getAttribute('data-step'), { timeout: 10_000 })
      .not.toBe(before);
  }
  throw new Error(`never reached ${selector}`);
}

describe('a representative reports on their own phone, in Arabic', () => {
  it('invitation link → Arabic form offline with a draft that survives reload → sent → coordinator accepts one answer and rejects another', async () => {
    if (!anna) throw new Error('accounts missing');
    const tablet: BrowserContext = await newAppContext(browser);
    const phone: BrowserContext = await newAppContext(browser, {
      locale: 'ar',
      viewport: { width: 390, height: 844 },
    });
    const coordinator = await tablet.newPage();
    const representative = await phone.newPage();
    try {
      // The coordinator creates the organisation, syncs it and creates an invitation.
      await coordinator.goto(`${baseUrl}/`);
      await logIn(coordinator, baseUrl, anna.login, anna.password);
      const originalName = `Selbstauskunft-Verein ${Date.now()}`;
      const id = await createOrganisationViaList(coordinator, originalName);
      await syncNow(coordinator);
      await openProfile(coordinator, baseUrl, id);
      await coordinator.getByTestId('invite-create').click();
      const link = coordinator.getByTestId('invite-link');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/#\/report\/inv_[A-Za-z0-9_-]+$/);
      await coordinator.getByTestId('invite-qr').waitFor();

      // The phone opens the link: the page is Arabic and right to left because of the language.
      await representative.goto(url);
      await representative.getByTestId('self-report').waitFor();
      expect(
        await representative.evaluate(() => [
          document.documentElement.getAttribute('dir'),
          document.documentElement.getAttribute('lang'),
        ]),
      ).toEqual(['rtl', 'ar']);
      await waitForPhoneServiceWorker(representative);

      // In the basement: no network. Part of the profile and the needs are filled in.
      await goOffline(phone);
      await advanceTo(representative, 'input[name="name"]');
      await representative.locator('input[name="name"]').fill('جمعية الجسر');
      await advanceTo(representative, 'input[name="memberCount"]');
      await representative.locator('input[name="memberCount"]').fill('42');
      await representative.screenshot({ path: SELF_REPORT_SCREENSHOT, fullPage: true });
      await advanceTo(representative, '[data-testid="need-findingRooms"]');
      const need = representative.getByTestId('need-findingRooms');
      await need.locator('input[value="needed"]').check();
      await need.locator('textarea').fill('نحتاج قاعة للاجتماعات');
      await expect.poll(async () => textOf(representative.getByTestId('sr-saved'))).not.toBe('');

      // Reload without network: the service worker serves the page, the draft is still there.
      await representative.reload();
      await representative.getByTestId('self-report').waitFor();
      await advanceTo(representative, '[data-testid="need-findingRooms"]');
      expect(
        await representative
          .getByTestId('need-findingRooms')
          .locator('input[value="needed"]')
          .isChecked(),
      ).toBe(true);
      for (
        let i = 0;
        i < 12 && !(await representative.locator('input[name="memberCount"]').isVisible());
        i++
      ) {
        await representative.getByTestId('sr-back').click();
      }
      expect(await representative.locator('input[name="memberCount"]').inputValue()).toBe('42');

      // Back online: send.
      await goOnline(phone);
      await advanceTo(representative, '[data-testid="sr-send"]');
      await representative.getByTestId('sr-send').click();
      await representative.getByTestId('sr-sent').waitFor({ timeout: 20_000 });

      // The coordinator syncs, reviews: accepts the member count, rejects the new name.
      await syncNow(coordinator);
      await coordinator.goto(`${baseUrl}/#/self-reports`);
      const item = coordinator.getByTestId('review-item').filter({ hasText: originalName });
      await item.first().click();
      await coordinator.getByTestId('review-accept-memberCount').click();
      await coordinator.getByTestId('review-reject-name').click();
      await expect
        .poll(async () =>
          coordinator.getByTestId('review-row-memberCount').getAttribute('data-decision'),
        )
        .toBe('accepted');
      await expect
        .poll(async () => coordinator.getByTestId('review-row-name').getAttribute('data-decision'))
        .toBe('rejected');
      // The proposed Arabic name is shown as typed, tagged with its language.
      const proposed = coordinator.getByTestId('review-row-name').locator('[lang="ar"]');
      expect(await textOf(proposed.first())).toContain('جمعية الجسر');

      // The profile shows the accepted answer with where it came from; the name is unchanged.
      await openProfile(coordinator, baseUrl, id);
      expect(await textOf(coordinator.getByTestId('profile-name'))).toContain(originalName);
      const members = await textOf(coordinator.getByTestId('provenance-members'));
      expect(members).toContain('Selbstauskunft');
      expect(members).toContain('Arabisch');
      expect(await textOf(coordinator.locator('main'))).toContain('42');
      await syncNow(coordinator);
    } finally {
      await tablet.close();
      await phone.close();
    }
  }, 180_000);
});
