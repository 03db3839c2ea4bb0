import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core');

/** WCAG 2.0, 2.1 and 2.2 levels A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

interface AxeInPage {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/** Runs axe-core (injected once per page load) on the whole document; returns its violations. */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags: string[]) => {
    const axe = (window as unknown as { axe: AxeInPage }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, AXE_TAGS);
}

/** One line per offending element, readable in a failed test's output. */
export function formatAxe(problems: readonly AxeProblem[]): string[] {
  return problems.flatMap((p) =>
    p.nodes.map((n) => `axe ${p.rule} (${p.impact}): ${p.help} — ${n.target} — ${n.summary}`),
  );
}

export const MIN_TARGET = 44;

/**
 * Every visible interactive element whose hit area is smaller than 44×44 CSS px, as
 * "description w×h". A checkbox or radio is measured by its label (the label is what a finger
 * hits). Links inside a paragraph of text are left out: WCAG 2.5.5/2.5.8 exempt targets "in a
 * sentence or block of text" (their size is set by the line height of the text around them).
 */
export function smallTargets(page: Page): Promise<string[]> {
  // Page functions stay free of named inner functions (see browser.ts).
  return page.evaluate((min: number) => {
    const out: string[] = [];
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (el.closest('[hidden], [aria-hidden="true"], [inert]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (el.tagName === 'A' && el.closest('p')) continue; // inline link in running text
      let target: HTMLElement = el;
      const input = el instanceof HTMLInputElement ? el : null;
      if (input && (input.type === 'checkbox' || input.type === 'radio' || input.type === 'file')) {
        target = input.closest('label') ?? input.labels?.[0] ?? input;
      }
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered
      // A visually hidden control (1 px, e.g. a styled file input) is reached through its label.
      if (target === el && (box.width <= 1 || box.height <= 1)) continue;
      if (box.width + 0.5 >= min && box.height + 0.5 >= min) continue;
      const testId = el.getAttribute('data-testid');
      const name = (
        el.getAttribute('aria-label') ??
        (input?.labels?.[0]?.textContent || el.textContent || '')
      )
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
        testId ? `[data-testid=${testId}]` : ''
      }${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
      out.push(`${what} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return out;
  }, MIN_TARGET);
}

interface FocusLog {
  entries: { what: string; visible: boolean }[];
  /** Focus came back to an element already visited. */
  done: boolean;
  /** The check is over: the listener ignores further focus. */
  stopped: boolean;
}

/**
 * Presses Tab through the whole page from its start (at most `maxSteps` times, until focus comes
 * back to an element it already visited) and returns the focused elements that show no focus
 * indicator: neither an outline of at least 2 px nor a box-shadow differing from the element's
 * unfocused look. Each element is checked as it receives focus (a `focusin` listener).
 */
export async function invisibleFocus(page: Page, maxSteps = 200): Promise<string[]> {
  await page.evaluate(() => {
    // Nothing focused while the unfocused look of every element is noted.
    (document.activeElement as HTMLElement | null)?.blur();
    const unfocused = new WeakMap<Element, string>();
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const s = getComputedStyle(el);
      unfocused.set(el, `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}|${s.boxShadow}`);
    }
    const log: FocusLog = { entries: [], done: false, stopped: false };
    const visited: Element[] = [];
    // Page functions stay free of named inner functions (see browser.ts): an inline listener.
    document.addEventListener('focusin', (event) => {
      const el = event.target;
      if (log.stopped || !(el instanceof HTMLElement) || el.dataset.a11yStart !== undefined) return;
      if (visited.includes(el)) {
        log.done = true;
        return;
      }
      visited.push(el);
      const s = getComputedStyle(el);
      const outline =
        s.outlineStyle !== 'none' &&
        parseFloat(s.outlineWidth) >= 2 &&
        s.outlineColor !== 'transparent' &&
        !/rgba\(.*,\s*0\)$/.test(s.outlineColor);
      const before = unfocused.get(el);
      const now = `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}|${s.boxShadow}`;
      const shadow =
        s.boxShadow !== 'none' && (before === undefined || before.split('|')[1] !== s.boxShadow);
      const testId = el.getAttribute('data-testid');
      const text = (el.getAttribute('aria-label') ?? el.textContent)
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 40);
      log.entries.push({
        what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
          testId ? `[data-testid=${testId}]` : ''
        } "${text}"`,
        visible: (outline && before !== now) || shadow,
      });
    });
    // Tab starts from a focused, invisible marker at the very start of the page.
    const start = document.createElement('span');
    start.tabIndex = -1;
    start.dataset.a11yStart = '';
    document.body.prepend(start);
    start.focus();
    Object.assign(window, { a11yFocus: { log, start } });
  });
  for (let i = 1; i <= maxSteps; i++) {
    await page.keyboard.press('Tab');
    if (i % 10 === 0) {
      const done = await page.evaluate(
        () => (window as unknown as { a11yFocus: { log: FocusLog } }).a11yFocus.log.done,
      );
      if (done) break;
    }
  }
  const entries = await page.evaluate(() => {
    const state = (window as unknown as { a11yFocus: { log: FocusLog; start: HTMLElement } })
      .a11yFocus;
    state.log.stopped = true;
    state.start.remove();
    return state.log.entries;
  });
  if (entries.length === 0) return ['Tab reaches no element at all'];
  return entries.filter((e) => !e.visible).map((e) => `no visible focus: ${e.what}`);
}

/** Whether the focused element matches `selector`. */
export function focusMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, like a keyboard user
 * moving through the page; fails after `max` presses.
 */
export async function tabTo(
  page: Page,
  selector: string,
  { max = 120, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await focusMatches(page, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  if (await focusMatches(page, selector)) return;
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
  throw new Error(`${selector} not reached with the keyboard in ${max} steps (focus: ${at})`);
}
