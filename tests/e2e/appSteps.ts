import type { Locator, Page } from 'playwright-core';

/** Object stores of the app's IndexedDB database `bruecke`. */
export type StoreName = 'organisations' | 'contacts' | 'visits' | 'followUps' | 'outbox' | 'drafts';

/**
 * Counts the records in some object stores, read in the page with the raw IndexedDB API (not
 * through the app), so a test sees what really reached the device.
 */
export function countRecords<S extends StoreName>(
  page: Page,
  stores: readonly S[],
): Promise<Record<S, number>> {
  // Page functions stay free of named inner functions (see browser.ts).
  return page.evaluate(
    async (names: string[]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bruecke');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      try {
        const tx = db.transaction(names, 'readonly');
        const counts = await Promise.all(
          names.map(
            (name) =>
              new Promise<number>((resolve, reject) => {
                const request = tx.objectStore(name).count();
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error ?? new Error(`count ${name} failed`));
              }),
          ),
        );
        return Object.fromEntries(names.map((name, i) => [name, counts[i] ?? -1]));
      } finally {
        db.close();
      }
    },
    [...stores],
  ) as Promise<Record<S, number>>;
}

/** The organisation id in the address of its profile (`#/organisations/<id>`). */
export function organisationIdOf(page: Page): string {
  const match = /#\/organisations\/([^/?]+)$/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on an organisation profile: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Waits for the app's own hash route (the hash changes without a page load). */
export async function waitForHash(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(location.hash), pattern.source);
}

/**
 * Creates an organisation through "Organisation anlegen" on the list (name only) and waits for
 * its profile. Returns its id.
 */
export async function createOrganisationViaList(page: Page, name: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', {
      name: 'Organisationen',
    })
    .click();
  await page.getByRole('link', { name: 'Organisation anlegen' }).click();
  await waitForHash(page, /^#\/organisations\/new$/);
  await page.getByLabel('Offizieller Name').fill(name);
  await page.getByTestId('org-save').click();
  await waitForHash(page, /^#\/organisations\/(?!new$)[^/]+$/);
  await page.getByTestId('profile-name').filter({ hasText: name }).waitFor();
  return organisationIdOf(page);
}

/** The text of an element without the invisible isolation marks around user text (U+2066–2069). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');
}

/** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
