import type { SessionUser } from '../../sync/authApi';
import type { BrueckeDb } from '../database';

/** The `settings` key under which the logged-in coordinator is remembered (for offline use). */
export const ACCOUNT_KEY = 'account';

/**
 * Whether a stored value is a session user (`sessionUserSchema`'s three strings). A plain check,
 * not the schema: this runs on the start page, which does not load zod.
 */
function isSessionUser(value: unknown): value is SessionUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' && typeof v.login === 'string' && typeof v.displayName === 'string'
  );
}

/** Who logged in on this device last, or null after a logout or an expired session. */
export async function sessionUser(db: BrueckeDb): Promise<SessionUser | null> {
  const entry = await db.settings.get(ACCOUNT_KEY);
  const value = entry?.value;
  return isSessionUser(value)
    ? { id: value.id, login: value.login, displayName: value.displayName }
    : null;
}
