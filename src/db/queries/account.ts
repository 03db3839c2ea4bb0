import { sessionUserSchema, type SessionUser } from '../../sync/authApi';
import type { BrueckeDb } from '../database';

/** The `settings` key under which the logged-in coordinator is remembered (for offline use). */
export const ACCOUNT_KEY = 'account';

/** Who logged in on this device last, or null after a logout or an expired session. */
export async function sessionUser(db: BrueckeDb): Promise<SessionUser | null> {
  const entry = await db.settings.get(ACCOUNT_KEY);
  const parsed = sessionUserSchema.safeParse(entry?.value);
  return parsed.success ? parsed.data : null;
}
