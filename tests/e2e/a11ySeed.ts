import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitForHash } from './appSteps';
import { openApp } from './browser';
import type { E2eAccount } from './globalSetup';

/** Ids of the seeded records the screens under test show. */
export interface SeededIds {
  organisationId: string;
  selfReportId: string;
  invitationToken: string;
}

/** All records of one object store of the app's IndexedDB, read without the app. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bruecke');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error ?? new Error(`getAll ${name} failed`));
      });
    } finally {
      db.close();
    }
  }, store);
}

function putRecords(page: Page, store: string, records: unknown[]): Promise<void> {
  return page.evaluate(
    async ({ name, rows }: { name: string; rows: unknown[] }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bruecke');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      });
      try {
        const tx = db.transaction(name, 'readwrite');
        for (const row of rows) tx.objectStore(name).put(row);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error(`put ${name} failed`));
        });
      } finally {
        db.close();
      }
    },
    { name: store, rows: records },
  );
}

/** Logs in through the login screen by its field ids (works in every language). */
export async function logInAnyLanguage(page: Page, account: E2eAccount): Promise<void> {
  await page.locator('#login-name').fill(account.login);
  await page.locator('#login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await waitForHash(page, /^#\/(organisations)?$/);
}

/** Polls `check` until it holds (usable in hooks, where `expect.poll` is not). */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Presses "sync now" until the outbox is empty and `done` holds (e.g. a record was pulled). */
export async function syncUntil(
  page: Page,
  done: () => Promise<boolean> = () => Promise.resolve(true),
): Promise<void> {
  await waitUntil('sync', async () => {
    await page.getByTestId('sync-now').click();
    await page.waitForTimeout(250);
    return (await readStore(page, 'outbox')).length === 0 && (await done());
  });
}

function stamp(ms: number, clientId: string): string {
  return `${String(ms).padStart(15, '0')}-000000-${clientId}`;
}

/** An open and a resolved conflict about the organisation's name, as the server writes them. */
function conflictsFor(organisationId: string, name: string, now: number) {
  const at = new Date(now).toISOString();
  const side = (value: string, ms: number, clientId: string, author: string) => ({
    value,
    stamp: stamp(ms, clientId),
    clientId,
    author,
  });
  const base = { createdAt: at, updatedAt: at, deleted: false, recordTable: 'organisations' };
  return [
    {
      ...base,
      id: randomUUID(),
      recordId: organisationId,
      path: 'name',
      winner: side(`${name} e. V.`, now - 60_000, 'client-b', 'Ben Koordination'),
      loser: side(`${name} (neu)`, now - 120_000, 'client-a', 'Anna Koordination'),
      resolution: 'open',
      resolvedAt: null,
    },
    {
      ...base,
      id: randomUUID(),
      recordId: organisationId,
      path: 'goals',
      winner: side('Hausaufgabenhilfe und Elterncafé', now - 90_000, 'client-b', 'Ben'),
      loser: side('Elterncafé', now - 100_000, 'client-a', 'Anna'),
      resolution: 'kept',
      resolvedAt: at,
    },
  ];
}

/**
 * A logged-in coordinator's device with realistic data for every screen: the demo set (loaded
 * from the settings screen, or pulled from the server when another device already loaded it), a
 * visit draft, conflicts, an invitation link and a submitted self-report pulled through sync.
 */
export async function seedScreens(
  page: Page,
  baseUrl: string,
  account: E2eAccount,
): Promise<SeededIds> {
  await openApp(page, baseUrl, '#/login');
  await logInAnyLanguage(page, account);
  await syncUntil(page);

  const hasDemo = async () =>
    (await readStore<{ id: string }>(page, 'organisations')).some((o) =>
      o.id.startsWith('de3e0000-'),
    );
  if (!(await hasDemo())) {
    await page.goto(`${baseUrl}/#/settings`);
    await page.getByTestId('load-demo-data').click();
    await page.getByTestId('demo-data-status').waitFor();
    await syncUntil(page);
  }

  const visits = await readStore<{ organisationId: string }>(page, 'visits');
  const organisationId = visits.find((v) =>
    v.organisationId.startsWith('de3e0000-'),
  )?.organisationId;
  if (!organisationId) throw new Error('the demo data has no visit');
  const organisation = (await readStore<{ id: string; name: string }>(page, 'organisations')).find(
    (o) => o.id === organisationId,
  );
  await putRecords(
    page,
    'conflicts',
    conflictsFor(organisationId, organisation?.name ?? '', Date.now()),
  );

  // A visit draft: typed, never saved.
  await page.goto(`${baseUrl}/#/visits/new?org=${organisationId}`);
  await page.locator('#vf-visit-notes').fill('Gespräch über Räume für die Hausaufgabenhilfe.');
  await waitUntil('the visit draft', async () => (await readStore(page, 'drafts')).length > 0);

  // An invitation link and what the representative sent through it.
  const invitation = await page.request.post(`${baseUrl}/api/invitations`, {
    data: { organisationId },
  });
  if (invitation.status() !== 201) throw new Error(`invitation: ${await invitation.text()}`);
  const { token } = (await invitation.json()) as { token: string };
  const selfReportId = randomUUID();
  const submitted = await page.request.post(`${baseUrl}/api/self-report`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      id: selfReportId,
      language: 'ar',
      answers: { goals: 'دروس الواجبات المنزلية ومقهى للآباء', memberCount: 48, ownRooms: false },
      needs: { findingRooms: { state: 'needed', priority: 'high', note: 'قاعة للاحتفال الصيفي' } },
    },
  });
  if (submitted.status() !== 201) throw new Error(`self-report: ${await submitted.text()}`);
  await syncUntil(page, async () =>
    (await readStore<{ id: string }>(page, 'selfReports')).some((r) => r.id === selfReportId),
  );
  return { organisationId, selfReportId, invitationToken: token };
}
