/**
 * Times one UI reaction in the page. `armReaction` listens (capture phase, on window) for the
 * trigger event the test is about to cause (a key press, a select's input event, a click) and
 * takes that event's `timeStamp` as the start. A MutationObserver on the whole document checks
 * after every DOM change whether the screen shows the expected result; once it does, a layout is
 * forced (`getBoundingClientRect`, so style and layout of the new DOM are included) and that is
 * the end: `domMs`. `frameMs` runs on to the next animation frame (when it would be painted;
 * headless frames are throttled, so this one is only reported, not judged).
 */
export type Expectation =
  | { kind: 'list'; count: number; firstId: string | null }
  | { kind: 'profile'; name: string; visits: number; newest: string | null }
  | { kind: 'saved' };

export interface Reaction {
  trigger: 'keydown' | 'input' | 'click';
  expect: Expectation;
  timeoutMs?: number;
}

export interface ReactionTiming {
  domMs: number;
  frameMs: number;
}

const plain = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\u2066-\u2069]/g, '').trim();

function listShows(e: Extract<Expectation, { kind: 'list' }>): boolean {
  const list = document.querySelector('[data-testid="org-list"]');
  if (!list) return false;
  if (e.count === 0) return list.querySelector('li') === null;
  // A virtualised list says its full length on each row; a plain one has every row.
  const first = list.querySelector('li[aria-posinset="1"]') ?? list.querySelector('li');
  const size = first?.getAttribute('aria-setsize') ?? String(list.querySelectorAll('li').length);
  if (!first || size !== String(e.count)) return false;
  return first.querySelector('a')?.getAttribute('href') === `#/organisations/${e.firstId ?? ''}`;
}

function profileShows(e: Extract<Expectation, { kind: 'profile' }>): boolean {
  if (plain(document.querySelector('[data-testid="profile-name"]')?.textContent) !== e.name)
    return false;
  const section = document.querySelector('[data-testid="profile-visits"]');
  if (!section) return false;
  // The heading says how many visits there are.
  const heading = plain(section.querySelector('h2')?.textContent);
  if (!new RegExp(`(^|\\D)${e.visits}(\\D|$)`).test(heading)) return false;
  const rows = [...section.querySelectorAll('li')];
  const newestShown = (): boolean =>
    e.newest === null || section.querySelector('time')?.getAttribute('datetime') === e.newest;
  if (section.querySelector('[aria-setsize]') || section.querySelector('.virtual-list')) {
    // Windowed: the rows near the viewport are rendered (none while the list is below it).
    if (!rows.every((li) => li.getAttribute('aria-setsize') === String(e.visits))) return false;
    return section.querySelector('li[aria-posinset="1"]') === null || newestShown();
  }
  return rows.length === e.visits && newestShown();
}

export function shows(e: Expectation): boolean {
  switch (e.kind) {
    case 'list':
      return listShows(e);
    case 'profile':
      return profileShows(e);
    case 'saved':
      return document.querySelector('.visit-status .saved-message') !== null;
  }
}

let pending: Promise<ReactionTiming> | null = null;

export function armReaction(reaction: Reaction): void {
  pending = new Promise<ReactionTiming>((resolve, reject) => {
    let start: number | null = null;
    let finished = false;
    const check = (): void => {
      if (finished || start === null || !shows(reaction.expect)) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      document.documentElement.getBoundingClientRect();
      const t0 = start;
      const domMs = performance.now() - t0;
      requestAnimationFrame(() => resolve({ domMs, frameMs: performance.now() - t0 }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const onTrigger = (event: Event): void => {
      if (start !== null) return;
      // This listener runs before the app's own; the observer sees the app's DOM changes.
      start = event.timeStamp;
    };
    window.addEventListener(reaction.trigger, onTrigger, { capture: true, once: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      window.removeEventListener(reaction.trigger, onTrigger, { capture: true });
      // What the screen says instead (an error message, a validation summary) helps most.
      const alerts = [...document.querySelectorAll('[role="alert"], .error-summary')]
        .map((e) => plain(e.textContent))
        .filter(Boolean)
        .join(' | ');
      const button = plain(document.querySelector('[data-testid="visit-save"]')?.textContent);
      reject(
        new Error(
          `no reaction within ${reaction.timeoutMs ?? 15_000} ms: ${JSON.stringify(reaction)}; ` +
            `at ${location.hash}; started: ${start !== null}; alerts: ${alerts || 'none'}` +
            (button ? `; save button: ${button}` : ''),
        ),
      );
    }, reaction.timeoutMs ?? 15_000);
  });
  // Keep an early rejection from being reported as unhandled before settle() picks it up.
  pending.catch(() => undefined);
}

export function settleReaction(): Promise<ReactionTiming> {
  if (!pending) return Promise.reject(new Error('arm() first'));
  const p = pending;
  pending = null;
  return p;
}
