/**
 * The scale benchmark's browser session: the built app on the real server, real Chromium, the
 * page script on every page, and the app's IndexedDB seeded with the full data set, then a
 * reload so the app starts on a device that already holds it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newAppContext, openApp } from '../e2e/browser';
import { startAppServer, type AppServer } from './appServer';
import { builtApp } from './builtApp';
import { buildPageScript } from './scaleBuild';
import type { ScaleSpec } from './scaleData';
import type { OrgSummary, ScalePageApi, SeedResult } from './scalePage';
import type { Reaction, ReactionTiming } from './scaleReaction';

export type BenchWindow = { scaleBench: ScalePageApi };

export interface ScaleSession {
  page: Page;
  seed: SeedResult;
  /** Organisations by visit count, busiest first. */
  orgs: OrgSummary[];
  /** Seconds spent building, starting and seeding. */
  setupSeconds: number;
  close(): Promise<void>;
}

/** Arms the page's timer, causes the reaction, and returns how long the page took. */
export async function react(
  page: Page,
  reaction: Reaction,
  act: () => Promise<void>,
): Promise<ReactionTiming> {
  await page.evaluate((r) => (window as unknown as BenchWindow).scaleBench.arm(r), reaction);
  await act();
  return page.evaluate(() => (window as unknown as BenchWindow).scaleBench.settle());
}

export async function openScaleSession(spec: ScaleSpec): Promise<ScaleSession> {
  const started = performance.now();
  const [dist, script] = await Promise.all([builtApp(), buildPageScript()]);
  let server: AppServer | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  try {
    server = await startAppServer(dist);
    browser = await launchBrowser();
    context = await newAppContext(browser, {
      locale: 'de-DE',
      viewport: { width: 1024, height: 768 },
    });
    await context.addInitScript({ content: script });
    const page = await context.newPage();
    await openApp(page, server.baseUrl, '#/organisations');
    const seed = await page.evaluate(
      (s) => (window as unknown as BenchWindow).scaleBench.seed(s),
      spec,
    );
    if (seed.invalid > 0) throw new Error(`${seed.invalid} generated records fail their schema`);
    await page.reload();
    await page.locator('[data-testid="org-list"] li').first().waitFor();
    const orgs = await page.evaluate(() => (window as unknown as BenchWindow).scaleBench.load());
    return {
      page,
      seed,
      orgs,
      setupSeconds: (performance.now() - started) / 1000,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
