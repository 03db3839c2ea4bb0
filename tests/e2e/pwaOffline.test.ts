import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
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

/** A fresh profile that loaded the app once online and is now controlled by the service worker. */
async function installedApp(): Promise<{ context: BrowserContext; page: Page }> {
  context = await newAppContext(browser);
  const page = await context.newPage();
  await openApp(page, baseUrl);
  await waitForServiceWorker(page);
  return { context, page };
}

/**
 * Same-origin requests of the next document that fail (e.g. a lazy chunk missing from the
 * precache). A request the current document issues before the next one commits is left out: a
 * reload aborts the previous document's late chunk loads (workbox-window and the sync engine load
 * after the first screen, possibly only after the network was cut), which loses nothing.
 */
function recordFailedRequests(page: Page): string[] {
  const failed: string[] = [];
  let documentsCommitted = 0;
  const issuedByNextDocument = new WeakSet<Request>();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) documentsCommitted += 1;
  });
  page.on('request', (request) => {
    if (documentsCommitted > 0 || request.isNavigationRequest()) issuedByNextDocument.add(request);
  });
  page.on('requestfailed', (request) => {
    if (!issuedByNextDocument.has(request) || !request.url().startsWith(baseUrl)) return;
    failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`);
  });
  return failed;
}

describe('PWA offline', () => {
  it('the app starts with the network cut after one online load', async () => {
    const { context, page } = await installedApp();
    await expect(page.getByTestId('online-status').textContent()).resolves.toBe('Online');

    await goOffline(context);
    const failed = recordFailedRequests(page);
    await page.reload();
    await waitForAppShell(page);

    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: 'Organisationen' }).waitFor({ state: 'visible' });
    const status = page.getByTestId('online-status');
    await expect(status.textContent()).resolves.toMatch(/^Offline/);
    await expect(status.getAttribute('class')).resolves.toContain('offline');
    // The chunks loaded after the first screen come from the precache as well.
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
  });

  it('a navigation to /#/settings works offline', async () => {
    const { context } = await installedApp();
    await goOffline(context);

    const page = await context.newPage();
    const failed = recordFailedRequests(page);
    await openApp(page, baseUrl, '#/settings');
    const settingsLink = page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Einstellungen' });
    await expect(settingsLink.getAttribute('aria-current')).resolves.toBe('page');
    // The lazily loaded settings screen came from the precache, not from the network.
    await page.locator('main .loading').waitFor({ state: 'detached' });
    await expect(page.getByTestId('online-status').textContent()).resolves.toMatch(/^Offline/);
    expect(failed).toEqual([]);
  });
});

describe('web app manifest', () => {
  it('is linked from the page and describes an installable app', async () => {
    context = await newAppContext(browser);
    const page = await context.newPage();
    await openApp(page, baseUrl);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();

    const response = await fetch(new URL(href ?? '', `${baseUrl}/`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await response.json()) as {
      name?: string;
      display?: string;
      icons?: { src: string; sizes?: string; purpose?: string }[];
    };
    expect(manifest.name).toMatch(/Brücke/);
    expect(manifest.display).toBe('standalone');
    const icons = manifest.icons ?? [];
    expect(icons.some((icon) => icon.sizes === '192x192')).toBe(true);
    expect(icons.some((icon) => icon.sizes === '512x512')).toBe(true);
    const maskable = icons.find((icon) => icon.purpose?.split(' ').includes('maskable'));
    expect(maskable).toBeDefined();
    const iconResponse = await fetch(new URL(maskable?.src ?? '', `${baseUrl}/`));
    expect(iconResponse.status).toBe(200);
    expect(iconResponse.headers.get('content-type')).toBe('image/png');
  });
});
