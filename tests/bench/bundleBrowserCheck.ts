/**
 * Cross-check of the manifest-based measurement against what real Chromium downloads: open the
 * start page in a fresh profile (service workers blocked, so the precache's downloads stay out
 * of the picture), record every same-origin `.js` request, split into those issued before the
 * first screen is visible and those issued after it, up to network idle.
 *
 * The split is made on the page's own clock: a probe checks every frame whether the first
 * screen is visible and notes `performance.now()`, and each request's resource-timing
 * `startTime` is compared with it. (Noticing the first screen from the test process takes a
 * round trip and, on a busy machine, hundreds of milliseconds; a chunk loaded right after the
 * first screen would then be taken for one loaded before it.)
 */
import type { Browser } from 'playwright-core';

export interface ScriptLoad {
  /** Paths without the leading slash (`assets/index-abc.js`), as in Vite's manifest. */
  beforeFirstScreen: string[];
  /** Requested after the first screen was visible, until the network was idle. */
  afterFirstScreen: string[];
}

export interface ScriptLoadOptions {
  /** Browser locale: decides the app's language. */
  locale: string;
  /** Visible once the first screen has rendered. */
  firstScreen: string;
}

/** Quiet time after network idle, to catch a chunk that a timer or idle callback loads. */
const SETTLE_MS = 1000;

/** Page script: notes in `__firstScreenAt` the first frame in which `selector` is visible. */
function firstScreenProbe(selector: string): string {
  return `(() => {
    const visible = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const check = () => {
      if (visible()) window.__firstScreenAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

/** The page's clock: when the first screen was visible, and when each script was requested. */
interface PageTimeline {
  firstScreenAt: number | null;
  /** [path without leading slash, resource-timing startTime]. */
  starts: [string, number][];
}

const READ_TIMELINE = `({
  firstScreenAt: window.__firstScreenAt ?? null,
  starts: performance
    .getEntriesByType('resource')
    .map((e) => [new URL(e.name).pathname.slice(1), e.startTime]),
})`;

export async function scriptsLoadedByStartPage(
  browser: Browser,
  baseUrl: string,
  options: ScriptLoadOptions,
): Promise<ScriptLoad> {
  const context = await browser.newContext({
    locale: options.locale,
    viewport: { width: 1024, height: 768 },
    serviceWorkers: 'block',
  });
  try {
    await context.addInitScript({ content: firstScreenProbe(options.firstScreen) });
    const page = await context.newPage();
    const origin = new URL(baseUrl).origin;
    const requests: { path: string; seenAfterFirstScreen: boolean }[] = [];
    let shown = false;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin || !url.pathname.endsWith('.js')) return;
      requests.push({ path: url.pathname.slice(1), seenAfterFirstScreen: shown });
    });
    await page.goto(`${baseUrl}/`);
    await page.locator(options.firstScreen).first().waitFor({ state: 'visible' });
    shown = true;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(SETTLE_MS);
    await page.waitForLoadState('networkidle');
    const timeline = await page.evaluate<PageTimeline>(READ_TIMELINE);
    const load: ScriptLoad = { beforeFirstScreen: [], afterFirstScreen: [] };
    for (const { path, seenAfterFirstScreen } of requests) {
      const start = timeline.starts.find(([p]) => p === path)?.[1];
      // Without a page-side time (should not happen), the test process's view decides.
      const after =
        start === undefined || timeline.firstScreenAt === null
          ? seenAfterFirstScreen
          : start >= timeline.firstScreenAt;
      (after ? load.afterFirstScreen : load.beforeFirstScreen).push(path);
    }
    return load;
  } finally {
    await context.close();
  }
}

export interface LoadComparison {
  /** Loaded before the first screen but not counted: the measurement would be too low. */
  uncounted: string[];
  /** Counted but never requested: the measurement would be too high. */
  notRequested: string[];
  /** Loaded only after the first screen was visible and not counted (reported, not budgeted). */
  afterFirstScreenOnly: string[];
}

/** Compares the measured file list with what the browser requested (pure). */
export function compareLoads(measured: readonly string[], load: ScriptLoad): LoadComparison {
  const counted = new Set(measured);
  const requested = new Set([...load.beforeFirstScreen, ...load.afterFirstScreen]);
  return {
    uncounted: [...new Set(load.beforeFirstScreen)].filter((f) => !counted.has(f)).sort(),
    notRequested: measured.filter((f) => !requested.has(f)).sort(),
    afterFirstScreenOnly: [...new Set(load.afterFirstScreen)]
      .filter((f) => !counted.has(f) && !load.beforeFirstScreen.includes(f))
      .sort(),
  };
}
