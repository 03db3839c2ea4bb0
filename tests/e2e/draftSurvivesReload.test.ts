import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { countRecords, createOrganisationViaList, sidewaysOverflow, waitForHash } from './appSteps';
import { launchBrowser, newAppContext, openApp, waitForAppShell } from './browser';

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

const ORG_NAME = 'Polnischer Kulturverein Most';
const NOTES = 'Vorstand möchte Deutschkurse für Eltern anbieten; Rückruf nächste Woche.';

/**
 * Resolves once the visit draft in IndexedDB holds `text` (the autosave is debounced), read
 * with the raw IndexedDB API.
 */
async function waitForDraftContaining(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    async (wanted) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bruecke');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      try {
        const drafts = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('drafts').objectStore('drafts').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('getAll failed'));
        });
        return drafts.some((d) => JSON.stringify(d).includes(wanted));
      } finally {
        db.close();
      }
    },
    text,
    { polling: 100 },
  );
}

/** The visit form shows the half-typed notes and the checklist change. */
async function expectTypedVisit(page: Page): Promise<void> {
  const notes = page.getByLabel('Notizen', { exact: true });
  await notes.waitFor();
  await expect(notes.inputValue()).resolves.toBe(NOTES);
  await expect(page.locator('.org-selected-name').textContent()).resolves.toContain(ORG_NAME);
  const school = page.getByTestId('checklist-item-school');
  await expect(school.getAttribute('data-changed')).resolves.toBe('true');
  await expect(
    school.getByRole('radio', { name: 'Bedarf', exact: true }).isChecked(),
  ).resolves.toBe(true);
  await expect(school.getByRole('radio', { name: 'Mittel' }).isChecked()).resolves.toBe(true);
}

describe('a half-typed visit survives a reload', () => {
  it('restores notes and checklist after a reload, lists the draft, and drops it once saved', async () => {
    // On a phone: the form must also fit a narrow screen without sideways scrolling.
    context = await newAppContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await openApp(page, baseUrl);
    await createOrganisationViaList(page, ORG_NAME);

    // Start the visit from the profile, change a need and type notes.
    await page.locator('main').getByRole('link', { name: 'Besuch erfassen' }).click();
    await waitForHash(page, /^#\/visits\/new\?/);
    const school = page.getByTestId('checklist-item-school');
    await school.getByRole('radio', { name: 'Bedarf', exact: true }).check();
    await school.getByRole('radio', { name: 'Mittel' }).check();
    await page.getByLabel('Notizen', { exact: true }).fill(NOTES);

    // After the first autosave the address names the draft; wait until the notes are in it.
    await waitForHash(page, /^#\/visits\/new\?draft=visit(:|%3A)/);
    const draftUrl = page.url();
    await waitForDraftContaining(page, NOTES);

    await page.reload();
    await waitForAppShell(page);
    expect(page.url()).toBe(draftUrl);
    await page.getByText(/^Ein Entwurf vom .+ wurde wiederhergestellt\.$/).waitFor();
    await expectTypedVisit(page);
    await expect(sidewaysOverflow(page)).resolves.toBe(0);

    // The drafts screen lists it; "continue" brings it back.
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.getByRole('link', { name: /^Entwürfe/ }).click();
    const draft = page.getByTestId('draft-item').filter({ hasText: ORG_NAME });
    await draft.waitFor();
    await expect(page.getByTestId('draft-item').count()).resolves.toBe(1);
    await expect(draft.textContent()).resolves.toContain('Besuch');
    await draft.getByTestId('draft-continue').click();
    await waitForHash(page, /^#\/visits\/new\?draft=/);
    expect(page.url()).toBe(draftUrl);
    await expectTypedVisit(page);

    // Finish and save: the visit is stored and the draft is gone.
    const visitsBefore = (await countRecords(page, ['visits'])).visits;
    await page.getByRole('radio', { name: 'Folgebesuch' }).check();
    await page.getByTestId('visit-save').click();
    await waitForHash(page, /^#\/organisations\/[^/]+$/);
    await page.getByTestId('profile-visits').getByRole('heading', { name: '1 Besuch' }).waitFor();
    await expect(sidewaysOverflow(page)).resolves.toBe(0);

    await nav.getByRole('link', { name: /^Entwürfe/ }).click();
    await page.getByTestId('draft-count').filter({ hasText: '0 Entwürfe' }).waitFor();
    await expect(page.getByTestId('draft-item').count()).resolves.toBe(0);
    await expect(countRecords(page, ['drafts', 'visits'])).resolves.toEqual({
      drafts: 0,
      visits: visitsBefore + 1,
    });
  });
});

/** A new visit to a new organisation, ready to save: purpose chosen, notes typed. */
async function visitWithNotes(): Promise<Page> {
  context = await newAppContext(browser);
  const page = await context.newPage();
  await openApp(page, baseUrl);
  await createOrganisationViaList(page, ORG_NAME);
  await page.locator('main').getByRole('link', { name: 'Besuch erfassen' }).click();
  await waitForHash(page, /^#\/visits\/new\?/);
  await page.getByRole('radio', { name: 'Folgebesuch' }).check();
  await page.getByLabel('Notizen', { exact: true }).fill(NOTES);
  return page;
}

describe('a visit the device cannot store', () => {
  it('says so, keeps the form open and keeps everything typed, even the last keystrokes, in the draft', async () => {
    const page = await visitWithNotes();
    const notes = page.getByLabel('Notizen', { exact: true });
    await waitForDraftContaining(page, NOTES);

    // The device's storage refuses the visit (as when it is full).
    await page.evaluate(() => {
      const proto = IDBObjectStore.prototype;
      const put = Reflect.get<IDBObjectStore, 'put'>(proto, 'put');
      proto.put = function (this: IDBObjectStore, ...args) {
        if (this.name === 'visits') throw new DOMException('quota exceeded', 'QuotaExceededError');
        return put.apply(this, args);
      };
      (window as unknown as { restorePut: () => void }).restorePut = () => {
        proto.put = put;
      };
    });
    // A last addition, saved at once: its autosave (300 ms later) has not run yet.
    const addition = `${NOTES} Nachtrag: Raum ab Mai.`;
    await notes.fill(addition);
    await page.getByTestId('visit-save').click();
    await page.getByRole('alert').filter({ hasText: 'Das Gerät konnte nicht speichern' }).waitFor();
    await expect(page.getByTestId('visit-save').isEnabled()).resolves.toBe(true);
    await expect(notes.inputValue()).resolves.toBe(addition);

    // The draft holds the addition too: after a reload the form is back as it was.
    await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await waitForDraftContaining(page, 'Nachtrag: Raum ab Mai.');
    await expect(countRecords(page, ['visits'])).resolves.toEqual({ visits: 0 });
    await page.reload();
    await waitForAppShell(page);
    await expect(page.getByLabel('Notizen', { exact: true }).inputValue()).resolves.toBe(addition);
  });
});

describe('a save that takes a while', () => {
  it('says it is saving and takes no edits until it is done', async () => {
    const page = await visitWithNotes();
    const notes = page.getByLabel('Notizen', { exact: true });

    // Another connection holds the visits store for a second and a half: the save has to wait.
    await page.evaluate(
      () =>
        new Promise<void>((started, failed) => {
          const request = indexedDB.open('bruecke');
          request.onerror = () => failed(request.error ?? new Error('indexedDB.open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('visits', 'readwrite');
            const until = performance.now() + 1500;
            const spin = (): void => {
              if (performance.now() < until) tx.objectStore('visits').count().onsuccess = spin;
            };
            spin();
            tx.oncomplete = () => db.close();
            started();
          };
        }),
    );
    const save = page.getByTestId('visit-save');
    await save.click();
    await save.filter({ hasText: 'Wird gespeichert' }).waitFor();
    await expect(save.isDisabled()).resolves.toBe(true);
    await expect(notes.isDisabled()).resolves.toBe(true);

    await page.locator('.visit-status .saved-message').waitFor();
    await waitForHash(page, /^#\/organisations\/[^/]+$/);
    await page.getByTestId('profile-visits').getByRole('heading', { name: '1 Besuch' }).waitFor();
    await expect(countRecords(page, ['visits', 'drafts'])).resolves.toEqual({
      visits: 1,
      drafts: 0,
    });
  });
});
