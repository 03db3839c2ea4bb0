import { createHash } from 'node:crypto';

/** A coordinator account as the rest of the server sees it (never with its password hash). */
export interface AccountUser {
  id: string;
  /** Unique, compared case-insensitively. */
  login: string;
  displayName: string;
  disabled: boolean;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** An account with its password hash: only for verifying a login. */
export interface AccountCredentials extends AccountUser {
  passwordHash: string;
}

export interface NewAccount {
  login: string;
  displayName: string;
  /** From `hashPassword`; the store never sees a password. */
  passwordHash: string;
}

/**
 * Coordinator accounts and their sessions. Synchronous (better-sqlite3 is). Times come from the
 * store's injected clock, except `findSession`, which takes the time to check against.
 */
export interface AccountStore {
  /** Throws {@link LoginTakenError} if the login exists (in any letter case). */
  createUser(account: NewAccount): AccountUser;
  findByLogin(login: string): AccountCredentials | null;
  findById(id: string): AccountUser | null;
  /** False if there is no such user. Does not touch sessions (`findSession` ignores disabled users). */
  setDisabled(userId: string, disabled: boolean): boolean;
  /** False if there is no such user. */
  setPassword(userId: string, passwordHash: string): boolean;
  /** All accounts, by login. */
  listUsers(): AccountUser[];
  /**
   * Starts a session valid for `ttlMs` from now and returns its raw token (32 random bytes,
   * base64url). Only the token's SHA-256 is stored.
   */
  createSession(userId: string, ttlMs: number): string;
  /**
   * The user of a live session, or null when the token is unknown, malformed or expired (an
   * expired session is deleted) or the user is disabled. Records `now` as `last_seen_at` unless
   * the recorded time is less than a minute before it (not every request needs to write).
   */
  findSession(rawToken: string, now: Date): AccountUser | null;
  deleteSession(rawToken: string): void;
  /** Returns how many sessions were deleted. */
  deleteSessionsOfUser(userId: string): number;
  /** Housekeeping: removes sessions expired at `now`; returns how many. */
  deleteExpiredSessions(now: Date): number;
}

export class LoginTakenError extends Error {
  constructor(readonly login: string) {
    super(`The login "${login}" is already taken.`);
    this.name = 'LoginTakenError';
  }
}

/** A raw session token as created by `createSession`: 32 bytes in base64url, no padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedSessionToken(rawToken: string): boolean {
  return TOKEN_PATTERN.test(rawToken);
}

/** What is stored for a session token: its SHA-256, base64url. */
export function hashSessionToken(rawToken: string): string {
  return createHash('sha256').update(rawToken, 'utf8').digest('base64url');
}

/** Letters, digits and `. _ @ -`, starting with a letter or digit, 2–64 characters. */
const LOGIN_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;
export const MAX_LOGIN_LENGTH = 64;
export const MAX_DISPLAY_NAME_LENGTH = 200;

/** A human-readable reason why a new login is not acceptable, or null. */
export function loginProblem(login: string): string | null {
  return LOGIN_PATTERN.test(login)
    ? null
    : 'The login must be 2–64 characters: letters, digits and . _ @ - (starting with a letter or digit).';
}

/** A human-readable reason why a display name is not acceptable, or null. */
export function displayNameProblem(displayName: string): string | null {
  const trimmed = displayName.trim();
  if (trimmed.length === 0) return 'The display name must not be empty.';
  if (trimmed.length > MAX_DISPLAY_NAME_LENGTH) {
    return `The display name must have at most ${MAX_DISPLAY_NAME_LENGTH} characters.`;
  }
  return null;
}
