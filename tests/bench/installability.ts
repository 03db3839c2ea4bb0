/**
 * Installability in real Chromium (what Lighthouse's removed PWA category used to check): the
 * manifest and its icons (installChecks.ts), the service worker controlling the page, start_url
 * loading with the network cut, and Chromium's own verdict (`Page.getInstallabilityErrors`), in a
 * regular (not incognito) profile as a user would have it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, waitForAppShell, waitForServiceWorker } from '../e2e/browser';
import {
  manifestChecks,
  pngSize,
  type Check,
  type FetchedIcon,
  type WebManifest,
} from './installChecks';

async function fetchIcon(src: string, manifestUrl: string): Promise<FetchedIcon> {
  const response = await fetch(new URL(src, manifestUrl));
  const size = pngSize(new Uint8Array(await response.arrayBuffer()));
  return {
    src,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    width: size?.width ?? null,
    height: size?.height ?? null,
  };
}

export async function checkInstallability(baseUrl: string): Promise<Check[]> {
  const profile = mkdtempSync(join(tmpdir(), 'bruecke-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    locale: 'de-DE',
    viewport: { width: 412, height: 823 },
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseUrl}/`);
    await waitForAppShell(page);
    await waitForServiceWorker(page);

    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    if (!href) return [{ name: 'manifest linked from the page', ok: false }];
    const manifestUrl = new URL(href, `${baseUrl}/`).href;
    const response = await fetch(manifestUrl);
    const manifest = (await response.json()) as WebManifest;
    const icons = await Promise.all(
      (manifest.icons ?? []).map((icon) => fetchIcon(icon.src, manifestUrl)),
    );
    const checks = manifestChecks(manifest, icons, response.headers.get('content-type') ?? '');

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    checks.push({
      name: 'Chromium: no installability errors',
      ok: installabilityErrors.length === 0,
      detail: installabilityErrors.map((e) => e.errorId).join(', ') || 'none',
    });
    await cdp.detach();

    const controller = await page.evaluate(
      () => navigator.serviceWorker.controller?.scriptURL ?? null,
    );
    checks.push({
      name: 'service worker controls the page',
      ok: controller !== null,
      detail: controller ?? 'no controller',
    });

    await context.setOffline(true);
    const offline = await context.newPage();
    const startUrl = new URL(manifest.start_url ?? '/', manifestUrl).href;
    let detail = 'no response';
    let ok = false;
    try {
      const answer = await offline.goto(startUrl);
      await waitForAppShell(offline);
      ok = answer?.status() === 200 && answer.fromServiceWorker();
      detail = `HTTP ${String(answer?.status())}${answer?.fromServiceWorker() ? ' from the service worker' : ''}`;
    } catch (error) {
      detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
    checks.push({ name: 'start_url loads offline', ok, detail });
    return checks;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
