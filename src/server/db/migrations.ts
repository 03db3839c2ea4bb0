import { createInvitationTables } from '../invitations/invitationSchema';
import { createSyncTables } from '../store/syncSchema';
import type { SqliteDatabase } from './openDatabase';

/**
 * One step of the server's schema. `up` runs inside a transaction together with the row that
 * records it in `schema_migrations`, so a step is either applied completely or not at all.
 * Never change a released step: append a new one with the next version number.
 */
export interface Migration {
  /** 1, 2, 3, … strictly ascending in {@link migrations}. */
  version: number;
  /** Short snake_case description, stored for humans. */
  name: string;
  up: (db: SqliteDatabase) => void;
}

/** Coordinator accounts, their sessions, and a small key/value table for server settings. */
const accounts: Migration = {
  version: 1,
  name: 'accounts_sessions_meta',
  up: (db) => {
    db.exec(`
      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        login         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at    TEXT NOT NULL
      ) STRICT;

      -- token_hash: SHA-256 of the raw session token (base64url); the raw token is never stored.
      CREATE TABLE sessions (
        token_hash   TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);

      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

/** The sync protocol's records, applied mutations and change sequence. */
const syncRecords: Migration = {
  version: 2,
  name: 'sync_records_mutations',
  up: createSyncTables,
};

/** Invitation links for organisation representatives (only the hash of each token). */
const invitations: Migration = {
  version: 3,
  name: 'invitations',
  up: createInvitationTables,
};

/**
 * The server's schema, in order. Timestamps are ISO 8601 strings in UTC
 * (`Date.prototype.toISOString()`), so they compare correctly as text.
 */
export const migrations: readonly Migration[] = [accounts, syncRecords, invitations];
