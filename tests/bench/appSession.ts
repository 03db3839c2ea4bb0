/**
 * A coordinator's browser profile for the benchmarks: logged in through the real login API (the
 * session cookie lands in the context's cookie jar), and a way to see how far the app's own sync
 * has filled the device's IndexedDB.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { AppServer } from './appServer';

export async function logIn(context: BrowserContext, server: AppServer): Promise<void> {
  const response = await context.request.post(`${server.baseUrl}/api/auth/login`, {
    data: { login: server.login, password: server.password },
  });
  if (!response.ok()) throw new Error(`login failed: HTTP ${response.status()}`);
}

/** The synced tables the benchmark data fills. */
const SYNCED = ['organisations', 'contacts', 'visits', 'referrals', 'followUps'];

/**
 * Records in the synced tables of the app's database `bruecke`, read with the raw IndexedDB API
 * (count requests only: cheap, so polling does not disturb what is measured).
 */
export function syncedRecordCount(page: Page): Promise<number> {
  // Page functions stay free of named inner functions (see tests/e2e/browser.ts).
  return page.evaluate(async (names: string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('bruecke');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      const present = names.filter((n) => db.objectStoreNames.contains(n));
      if (present.length === 0) return 0;
      const tx = db.transaction(present, 'readonly');
      const counts = await Promise.all(
        present.map(
          (name) =>
            new Promise<number>((resolve, reject) => {
              const request = tx.objectStore(name).count();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error ?? new Error(`count ${name} failed`));
            }),
        ),
      );
      return counts.reduce((a, b) => a + b, 0);
    } finally {
      db.close();
    }
  }, SYNCED);
}

/** Polls until the device holds `total` synced records; returns the time that took. */
export async function waitForRecords(
  page: Page,
  total: number,
  { timeoutMs = 120_000, everyMs = 250 } = {},
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const count = await syncedRecordCount(page);
    if (count >= total) return performance.now() - started;
    if (performance.now() - started > timeoutMs)
      throw new Error(`the device holds ${count} of ${total} records after ${timeoutMs} ms`);
    await page.waitForTimeout(everyMs);
  }
}
