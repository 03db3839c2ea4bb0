import type { SqliteDatabase } from '../db/openDatabase';

/**
 * Invitation links for representatives (migration 3). `token_hash` is the SHA-256 (hex) of the
 * raw token; the token itself is never stored. `organisation_id` names a record of the sync table
 * `organisations` (no foreign key: records live as JSON in `records`).
 */
export function createInvitationTables(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE invitations (
      id              TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      token_hash      TEXT NOT NULL UNIQUE,
      created_by      TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      expires_at      TEXT NOT NULL,
      revoked_at      TEXT
    ) STRICT;
    CREATE INDEX invitations_by_organisation ON invitations (organisation_id, created_at);
  `);
}
