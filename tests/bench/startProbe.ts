/**
 * When is the app's first interactive screen there? An init script (it runs before any of the
 * app's code) watches the DOM and records, relative to navigation start (`performance.now()`):
 *
 * - `domReady`: the first DOM change after which the organisation list screen is usable: the
 *   search field `#org-search` exists, is enabled and rendered (`checkVisibility()`), and the
 *   list has settled: at least one row (a link to an organisation profile) when the profile
 *   holds organisations, else the list's empty notice (`p.card` in the list section);
 * - `painted`: the frame after that change, i.e. when the user can see it (`requestAnimationFrame`
 *   and then a message-channel task, which runs after that frame was produced).
 *
 * It then reports both as one console message, which the harness waits for. (Polling the page
 * with `page.waitForFunction` would make Playwright inject its in-page helper script, about
 * 330 KB, evaluated on the page's main thread in the middle of the start it measures.)
 *
 * The script is plain JavaScript text, so no TypeScript transform touches it.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface StartTimes {
  domReady: number;
  painted: number;
}

/** Prefix of the probe's console message; the times follow as JSON. */
const MESSAGE = 'bruecke-start-probe:';

const probe = (expectRows: boolean): string => String.raw`(() => {
  const state = { domReady: null, painted: null };
  Object.defineProperty(window, '__brueckeStart', { value: state });
  const expectRows = ${String(expectRows)};
  const ready = () => {
    const search = document.getElementById('org-search');
    if (!search || search.disabled || !search.checkVisibility()) return false;
    const section = document.querySelector('main section[aria-labelledby="org-list-title"]');
    if (!section) return false;
    if (expectRows) {
      return section.querySelector('a[href^="#/organisations/"]:not([href="#/organisations/new"])') !== null;
    }
    return section.querySelector(':scope > p.card') !== null;
  };
  const observer = new MutationObserver(() => {
    if (state.domReady !== null || !ready()) return;
    state.domReady = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.painted = performance.now();
        console.debug(${JSON.stringify(MESSAGE)} + JSON.stringify(state));
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;

/**
 * Installs the probe for every page of the context. `expectRows`: the profile holds organisations
 * (the screen counts as ready once rows show), else the empty list's notice is awaited.
 */
export async function installStartProbe(
  context: BrowserContext,
  expectRows: boolean,
): Promise<void> {
  await context.addInitScript({ content: probe(expectRows) });
}

/**
 * Waits until the probe saw the screen painted and returns its times (ms after navigation).
 * Call it before the navigation (`const times = startTimes(page); await page.goto(url)`): the
 * console message may come before `goto` returns.
 */
export async function startTimes(page: Page, timeoutMs = 30_000): Promise<StartTimes> {
  const message = await page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(MESSAGE),
    timeout: timeoutMs,
  });
  return JSON.parse(message.text().slice(MESSAGE.length)) as StartTimes;
}
