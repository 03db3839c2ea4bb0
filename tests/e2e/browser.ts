import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type ViewportSize,
} from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. Never `npx playwright install`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium. Share one per test file (`beforeAll` / `afterAll`). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage', // CI containers often have a tiny /dev/shm
    ],
  });
}

export interface AppContextOptions {
  /** Browser locale, decides the app language (default `de-DE`). */
  locale?: string;
  /** Default 1024×768. */
  viewport?: ViewportSize;
}

/**
 * A fresh, isolated browser profile (own IndexedDB, caches, service workers). Use one per test
 * so tests do not see each other's data.
 */
export function newAppContext(
  browser: Browser,
  options: AppContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    locale: options.locale ?? 'de-DE',
    viewport: options.viewport ?? { width: 1024, height: 768 },
    serviceWorkers: 'allow',
  });
}

/** Resolves once the app shell rendered: the main navigation is visible. */
export async function waitForAppShell(page: Page): Promise<void> {
  await page.locator('header nav').first().waitFor({ state: 'visible' });
}

/**
 * Loads the app (optionally at a hash route such as `#/settings`) and waits until it rendered.
 * `baseUrl` is `inject('baseUrl')`.
 */
export async function openApp(page: Page, baseUrl: string, hash = ''): Promise<void> {
  const fragment = hash === '' || hash.startsWith('#') ? hash : `#${hash}`;
  await page.goto(`${baseUrl}/${fragment}`);
  await waitForAppShell(page);
}

function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits until the service worker is installed and activated (so the precache is complete) and
 * controls the page. The app does not claim clients on first install, so this reloads once when
 * needed.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // Page functions stay free of named inner functions: some TS transforms wrap those in a
  // `__name()` helper that does not exist in the page.
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state === 'activated';
  });
  if (!(await isControlled(page))) {
    await page.reload();
    await waitForAppShell(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Cuts the network for every page of the context (`navigator.onLine` becomes false). */
export function goOffline(context: BrowserContext): Promise<void> {
  return context.setOffline(true);
}

export function goOnline(context: BrowserContext): Promise<void> {
  return context.setOffline(false);
}
