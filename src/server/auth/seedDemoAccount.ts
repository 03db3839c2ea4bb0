import type { AccountStore, AccountUser } from './accountStore';
import { hashPassword, passwordProblem, PRODUCTION_SCRYPT, type ScryptParams } from './password';

export const DEMO_LOGIN = 'koordination';
export const DEMO_DISPLAY_NAME = 'Demo-Koordination';

/**
 * On first run (no accounts at all), creates the demo coordinator `koordination` with `password`
 * and returns it; otherwise returns null and changes nothing.
 */
export async function seedDemoCoordinator(
  accounts: AccountStore,
  password: string,
  params: ScryptParams = PRODUCTION_SCRYPT,
): Promise<AccountUser | null> {
  if (accounts.listUsers().length > 0) return null;
  const problem = passwordProblem(password);
  if (problem) throw new Error(`BRUECKE_DEMO_PASSWORD: ${problem}`);
  const passwordHash = await hashPassword(password, params);
  if (accounts.listUsers().length > 0) return null; // someone was quicker (e.g. the accounts CLI)
  return accounts.createUser({ login: DEMO_LOGIN, displayName: DEMO_DISPLAY_NAME, passwordHash });
}
