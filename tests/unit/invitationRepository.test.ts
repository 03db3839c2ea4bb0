import { describe, expect, it } from 'vitest';
import { invitationsOf } from '../../src/db/queries/invitations';
import {
  markInvitationRevoked,
  mergeServerInvitations,
  saveCreatedInvitation,
} from '../../src/db/repositories/invitations';
import { invitationStatus } from '../../src/domain/invitation';
import { inviteLink } from '../../src/features/invitations/inviteLink';
import { testDeps } from './testDeps';

const ORG = '00000000-0000-4000-8000-00000000000a';
const OTHER_ORG = '00000000-0000-4000-8000-00000000000b';

const invitation = (id: string, createdAt: string, organisationId = ORG) => ({
  id,
  organisationId,
  createdAt,
  expiresAt: '2026-03-24T09:00:00.000Z',
  revokedAt: null,
  createdBy: 'koordination',
});

describe('the invitation repository', () => {
  it('keeps created invitations with their token, newest first, per organisation', async () => {
    const deps = testDeps();
    await saveCreatedInvitation(deps, invitation('i1', '2026-03-01T09:00:00.000Z'), 'inv_first');
    await saveCreatedInvitation(deps, invitation('i2', '2026-03-05T09:00:00.000Z'), 'inv_second');
    await saveCreatedInvitation(
      deps,
      invitation('i3', '2026-03-06T09:00:00.000Z', OTHER_ORG),
      'inv_other',
    );

    const list = await invitationsOf(deps.db, ORG);

    expect(list.map((i) => [i.id, i.token])).toEqual([
      ['i2', 'inv_second'],
      ['i1', 'inv_first'],
    ]);
    // Only what the device needs; who created it stays on the server.
    expect(list[0]).toEqual({
      id: 'i2',
      organisationId: ORG,
      createdAt: '2026-03-05T09:00:00.000Z',
      expiresAt: '2026-03-24T09:00:00.000Z',
      revokedAt: null,
      token: 'inv_second',
    });
  });

  it("takes the server's word on revocation and keeps the token known here", async () => {
    const deps = testDeps();
    await saveCreatedInvitation(deps, invitation('i1', '2026-03-01T09:00:00.000Z'), 'inv_first');
    await mergeServerInvitations(deps, [
      { ...invitation('i1', '2026-03-01T09:00:00.000Z'), revokedAt: '2026-03-02T09:00:00.000Z' },
      invitation('i9', '2026-03-03T09:00:00.000Z'),
    ]);

    const list = await invitationsOf(deps.db, ORG);

    expect(list.map((i) => [i.id, i.token, i.revokedAt])).toEqual([
      ['i9', '', null],
      ['i1', 'inv_first', '2026-03-02T09:00:00.000Z'],
    ]);
  });

  it('marks an invitation revoked', async () => {
    const deps = testDeps();
    await saveCreatedInvitation(deps, invitation('i1', '2026-03-01T09:00:00.000Z'), 'inv_first');
    await markInvitationRevoked(deps, {
      ...invitation('i1', '2026-03-01T09:00:00.000Z'),
      revokedAt: '2026-03-10T09:00:00.000Z',
    });
    expect(await deps.db.invitations.get('i1')).toMatchObject({
      token: 'inv_first',
      revokedAt: '2026-03-10T09:00:00.000Z',
    });
  });
});

describe('invitation status and link', () => {
  it('is active until it expires; revoked wins', () => {
    const i = { expiresAt: '2026-03-24T09:00:00.000Z', revokedAt: null };
    expect(invitationStatus(i, new Date('2026-03-24T08:59:59Z'))).toBe('active');
    expect(invitationStatus(i, new Date('2026-03-24T09:00:00Z'))).toBe('expired');
    expect(
      invitationStatus({ ...i, revokedAt: '2026-03-02T09:00:00Z' }, new Date('2026-03-01')),
    ).toBe('revoked');
  });

  it('carries the token only in the fragment', () => {
    expect(
      inviteLink({ origin: 'https://bruecke.example', pathname: '/' }, 'inv_abc-DEF_123'),
    ).toBe('https://bruecke.example/#/report/inv_abc-DEF_123');
  });
});
