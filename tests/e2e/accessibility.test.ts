import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedScreens, type SeededIds } from './a11ySeed';
import { axeViolations, focusMatches, formatAxe, invisibleFocus, smallTargets } from './a11ySteps';
import { launchBrowser, newAppContext } from './browser';

const baseUrl = inject('baseUrl');
const accounts = inject('accounts');

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1024, height: 768 };

interface ScreenCase {
  name: string;
  hash: (ids: SeededIds) => string;
  /** What shows once the screen has its data. */
  ready: string;
  /** Brings the screen into the state to check (e.g. a failed save). */
  prepare?: (page: Page) => Promise<void>;
}

const SCREENS: ScreenCase[] = [
  { name: 'organisation list', hash: () => '#/organisations', ready: '[data-testid=org-count]' },
  { name: 'new organisation', hash: () => '#/organisations/new', ready: '[data-testid=org-save]' },
  {
    name: 'new organisation after a failed save',
    hash: () => '#/organisations/new',
    ready: '[data-testid=org-save]',
    prepare: async (page) => {
      await page.getByTestId('org-save').click();
      await page.getByTestId('error-summary').waitFor();
      // Announced (role=alert) and focused, so a screen reader reads it at once.
      expect(await page.getByTestId('error-summary').getAttribute('role')).toBe('alert');
      await expect.poll(() => focusMatches(page, ':has(> [data-testid=error-summary])')).toBe(true);
    },
  },
  {
    name: 'edit organisation',
    hash: (ids) => `#/organisations/${ids.organisationId}/edit`,
    ready: '[data-testid=org-save]',
  },
  {
    name: 'organisation profile',
    hash: (ids) => `#/organisations/${ids.organisationId}`,
    ready: '[data-testid=profile-visits]',
  },
  {
    name: 'needs history',
    hash: (ids) => `#/organisations/${ids.organisationId}/history`,
    ready: '[data-testid=needs-history-summary]',
  },
  {
    name: 'new visit',
    hash: (ids) => `#/visits/new?org=${ids.organisationId}`,
    ready: '[data-testid=visit-save]',
  },
  { name: 'follow-ups', hash: () => '#/follow-ups', ready: '[data-testid=follow-up-item]' },
  { name: 'drafts', hash: () => '#/drafts', ready: '[data-testid=draft-item]' },
  { name: 'settings', hash: () => '#/settings', ready: '[data-testid=app-version]' },
  { name: 'login', hash: () => '#/login', ready: '[data-testid=login-current-user]' },
  { name: 'sync', hash: () => '#/sync', ready: '[data-testid=sync-screen-now]' },
  { name: 'conflicts', hash: () => '#/conflicts', ready: '[data-testid=conflict-item]' },
  {
    name: 'self-report review queue',
    hash: () => '#/self-reports',
    ready: '[data-testid=review-item]',
  },
  {
    name: 'self-report review',
    hash: (ids) => `#/self-reports/${ids.selfReportId}`,
    ready: '[data-testid=review-meta]',
  },
  {
    name: "representative's self-report",
    hash: (ids) => `#/report/${ids.invitationToken}`,
    ready: '[data-testid=sr-step]',
  },
  {
    name: "representative's self-report, second step",
    hash: (ids) => `#/report/${ids.invitationToken}`,
    ready: '[data-testid=sr-step]',
    prepare: async (page) => {
      const first = await page.getByTestId('sr-step').getAttribute('data-step');
      await page.getByTestId('sr-next').click();
      await page.locator(`[data-testid=sr-step]:not([data-step="${first}"])`).waitFor();
    },
  },
];

const LANGUAGES = [
  { code: 'de', locale: 'de-DE', dir: 'ltr' },
  { code: 'ar', locale: 'ar', dir: 'rtl' },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openScreen(page: Page, screen: ScreenCase, ids: SeededIds): Promise<void> {
  await page.goto(`${baseUrl}/${screen.hash(ids)}`);
  await page.locator(screen.ready).first().waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  await screen.prepare?.(page);
}

describe.each(LANGUAGES)('accessibility in $code', ({ code, locale, dir }) => {
  let context: BrowserContext;
  let page: Page;
  let ids: SeededIds;

  beforeAll(async () => {
    const account = accounts[code === 'de' ? 0 : 1];
    if (!account) throw new Error('e2e account missing');
    context = await newAppContext(browser, { locale, viewport: TABLET });
    page = await context.newPage();
    ids = await seedScreens(page, baseUrl, account);
  });
  afterAll(async () => {
    await context.close();
  });

  it.each(SCREENS)('$name: no axe violations, 44 px targets, visible focus', async (screen) => {
    await openScreen(page, screen, ids);
    await expect(
      page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).resolves.toEqual([code, dir]);

    const problems = formatAxe(await axeViolations(page));
    for (const viewport of [PHONE, TABLET]) {
      await page.setViewportSize(viewport);
      const small = await smallTargets(page);
      problems.push(...small.map((s) => `target < 44 px at ${viewport.width} px: ${s}`));
    }
    problems.push(...(await invisibleFocus(page)));
    expect(problems, `${screen.name} (${code}):\n${problems.join('\n')}`).toEqual([]);
  });
});
