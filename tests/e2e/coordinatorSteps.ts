import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { textOf, waitForHash } from './appSteps';

/** Logs a coordinator in through the login screen (German UI) and waits for the list. */
export async function logIn(
  page: Page,
  baseUrl: string,
  login: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('Benutzername').fill(login);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await waitForHash(page, /^#\/(organisations)?$/);
}

/** Presses "sync now" and waits until nothing is pending any more. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-now').click();
  await expect
    .poll(async () => textOf(page.getByTestId('pending-count')), { timeout: 15_000 })
    .toMatch(/^0 /);
}

export async function openProfile(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}/#/organisations/${id}`);
  await page.getByTestId('profile-name').waitFor();
}
