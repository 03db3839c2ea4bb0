import type { SessionUser } from '../../sync/authApi';
import { ACCOUNT_KEY } from '../queries/account';
import type { RepoDeps } from '../deps';

/** Remembers who is logged in, so settings can show it offline. Local only, never synced. */
export async function rememberSessionUser(deps: RepoDeps, user: SessionUser): Promise<void> {
  await deps.db.settings.put({ key: ACCOUNT_KEY, value: user });
}

/** After a logout, or when the server says the session is gone. Local data stays. */
export async function forgetSessionUser(deps: RepoDeps): Promise<void> {
  await deps.db.settings.delete(ACCOUNT_KEY);
}

/**
 * Deletes this app's whole local database (records, outbox, drafts, settings); the app must be
 * reloaded afterwards, which creates a fresh, empty one with a new device id.
 */
export async function deleteLocalDatabase(deps: RepoDeps): Promise<void> {
  await deps.db.delete({ disableAutoOpen: true });
}
