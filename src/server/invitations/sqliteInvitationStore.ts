import type { Invitation } from '../../domain/invitation';
import type { SqliteDatabase } from '../db/openDatabase';
import type { InvitationStore, NewInvitation } from './invitationStore';

interface InvitationRow {
  id: string;
  organisation_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

const COLUMNS = 'id, organisation_id, created_by, created_at, expires_at, revoked_at';

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** {@link InvitationStore} on the server's SQLite database (table from migration 3). */
export function sqliteInvitationStore(db: SqliteDatabase): InvitationStore {
  const stmt = {
    insert: db.prepare(
      `INSERT INTO invitations (id, organisation_id, token_hash, created_by, created_at, expires_at, revoked_at)
       VALUES (@id, @organisationId, @tokenHash, @createdBy, @createdAt, @expiresAt, NULL)`,
    ),
    byTokenHash: db.prepare<[string], InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations WHERE token_hash = ?`,
    ),
    byId: db.prepare<[string], InvitationRow>(`SELECT ${COLUMNS} FROM invitations WHERE id = ?`),
    byOrganisation: db.prepare<[string], InvitationRow>(
      `SELECT ${COLUMNS} FROM invitations WHERE organisation_id = ? ORDER BY created_at DESC, rowid DESC`,
    ),
    revoke: db.prepare<[string, string]>(
      'UPDATE invitations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
  };
  const byId = (id: string): Invitation | null => {
    const row = stmt.byId.get(id);
    return row ? toInvitation(row) : null;
  };

  return {
    create: (invitation: NewInvitation) => {
      stmt.insert.run(invitation);
      const created = byId(invitation.id);
      if (!created) throw new Error(`invitation ${invitation.id} was not stored`);
      return Promise.resolve(created);
    },
    findByTokenHash: (tokenHash) => {
      const row = stmt.byTokenHash.get(tokenHash);
      return Promise.resolve(row ? toInvitation(row) : null);
    },
    findById: (id) => Promise.resolve(byId(id)),
    listByOrganisation: (organisationId) =>
      Promise.resolve(stmt.byOrganisation.all(organisationId).map(toInvitation)),
    revoke: (id, revokedAt) => {
      stmt.revoke.run(revokedAt, id);
      return Promise.resolve(byId(id));
    },
  };
}
