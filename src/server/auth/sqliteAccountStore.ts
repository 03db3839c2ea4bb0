import { randomBytes, randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../db/openDatabase';
import {
  type AccountCredentials,
  type AccountStore,
  type AccountUser,
  hashSessionToken,
  isWellFormedSessionToken,
  LoginTakenError,
  type NewAccount,
} from './accountStore';

export interface SqliteAccountStoreOptions {
  /** Clock for `created_at` / `expires_at`. */
  now?: () => Date;
  newId?: () => string;
}

interface UserRow {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  created_at: string;
}

interface SessionRow extends UserRow {
  expires_at: string;
  last_seen_at: string;
}

/**
 * `last_seen_at` is rewritten only when it is at least this old: otherwise every request of a
 * syncing device would be a write transaction of its own.
 */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

const USER_COLUMNS = 'u.id, u.login, u.display_name, u.password_hash, u.disabled, u.created_at';

/** {@link AccountStore} on the server's SQLite database (tables from migration 1). */
export function createSqliteAccountStore(
  db: SqliteDatabase,
  options: SqliteAccountStoreOptions = {},
): AccountStore {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;

  const statements = {
    insertUser: db.prepare(
      `INSERT INTO users (id, login, display_name, password_hash, disabled, created_at)
       VALUES (@id, @login, @displayName, @passwordHash, 0, @createdAt)`,
    ),
    userByLogin: db.prepare<[string], UserRow>(
      `SELECT ${USER_COLUMNS} FROM users u WHERE u.login = ?`,
    ),
    userById: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`),
    allUsers: db.prepare<[], UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.login`),
    setDisabled: db.prepare('UPDATE users SET disabled = ? WHERE id = ?'),
    setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    sessionUser: db.prepare<[string], SessionRow>(
      `SELECT ${USER_COLUMNS}, s.expires_at, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ?`,
    ),
    touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    deleteUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
  };

  return {
    createUser({ login, displayName, passwordHash }: NewAccount): AccountUser {
      const row: UserRow = {
        id: newId(),
        login: login.trim(),
        display_name: displayName.trim(),
        password_hash: passwordHash,
        disabled: 0,
        created_at: now().toISOString(),
      };
      try {
        statements.insertUser.run({
          id: row.id,
          login: row.login,
          displayName: row.display_name,
          passwordHash: row.password_hash,
          createdAt: row.created_at,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new LoginTakenError(row.login);
        throw error;
      }
      return toUser(row);
    },

    findByLogin(login) {
      const row = statements.userByLogin.get(login.trim());
      return row ? toCredentials(row) : null;
    },

    findById(id) {
      const row = statements.userById.get(id);
      return row ? toUser(row) : null;
    },

    setDisabled(userId, disabled) {
      return statements.setDisabled.run(disabled ? 1 : 0, userId).changes > 0;
    },

    setPassword(userId, passwordHash) {
      return statements.setPassword.run(passwordHash, userId).changes > 0;
    },

    listUsers() {
      return statements.allUsers.all().map(toUser);
    },

    createSession(userId, ttlMs) {
      const rawToken = randomBytes(32).toString('base64url');
      const created = now();
      const expires = new Date(created.getTime() + ttlMs);
      statements.insertSession.run(
        hashSessionToken(rawToken),
        userId,
        created.toISOString(),
        expires.toISOString(),
        created.toISOString(),
      );
      return rawToken;
    },

    findSession(rawToken, at) {
      if (!isWellFormedSessionToken(rawToken)) return null;
      const tokenHash = hashSessionToken(rawToken);
      const row = statements.sessionUser.get(tokenHash);
      if (!row) return null;
      if (Date.parse(row.expires_at) <= at.getTime()) {
        statements.deleteSession.run(tokenHash);
        return null;
      }
      if (row.disabled !== 0) return null;
      const seenAgo = at.getTime() - Date.parse(row.last_seen_at);
      if (!(seenAgo >= 0 && seenAgo < SESSION_TOUCH_INTERVAL_MS)) {
        statements.touchSession.run(at.toISOString(), tokenHash);
      }
      return toUser(row);
    },

    deleteSession(rawToken) {
      if (!isWellFormedSessionToken(rawToken)) return;
      statements.deleteSession.run(hashSessionToken(rawToken));
    },

    deleteSessionsOfUser(userId) {
      return statements.deleteUserSessions.run(userId).changes;
    },

    deleteExpiredSessions(at) {
      return statements.deleteExpired.run(at.toISOString()).changes;
    },
  };
}

function toUser(row: UserRow): AccountUser {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    disabled: row.disabled !== 0,
    createdAt: row.created_at,
  };
}

function toCredentials(row: UserRow): AccountCredentials {
  return { ...toUser(row), passwordHash: row.password_hash };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
