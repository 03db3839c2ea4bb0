import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createInvitationResponseSchema,
  invitationListResponseSchema,
  invitationResponseSchema,
  type Invitation,
} from '../../src/domain/invitation';
import { DAY, Device, HOUR, InviteServer, T0 } from './inviteServerKit';

let server: InviteServer;
let device: Device;
beforeEach(async () => {
  server = await new InviteServer().start();
  device = new Device(server);
});
afterEach(() => server.stop());

describe('POST /api/invitations', () => {
  it('creates an invitation with a one-time token and stores only its SHA-256', async () => {
    const org = await device.createOrganisation('Kulturverein');
    const res = await server.postJson('/api/invitations', { organisationId: org });
    expect(res.statusCode).toBe(201);
    const { invitation, token } = createInvitationResponseSchema.parse(res.json());
    expect(token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    expect(invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      organisationId: org,
      createdAt: new Date(T0).toISOString(),
      expiresAt: new Date(T0 + 14 * DAY).toISOString(),
      revokedAt: null,
      createdBy: server.userId,
    });

    const rows = server.db.prepare('SELECT * FROM invitations').all();
    expect(rows).toEqual([
      {
        id: invitation.id,
        organisation_id: org,
        token_hash: createHash('sha256').update(token).digest('hex'),
        created_by: server.userId,
        created_at: invitation.createdAt,
        expires_at: invitation.expiresAt,
        revoked_at: null,
      },
    ]);
    // The token itself is nowhere in the database.
    expect(JSON.stringify(server.dump())).not.toContain(token.slice(4));

    const other = await server.invite(org, 30);
    expect(other.token).not.toBe(token);
    expect(other.invitation.expiresAt).toBe(new Date(T0 + 30 * DAY).toISOString());
  });

  it('answers 404 organisation_not_found for an organisation the server does not have or deleted', async () => {
    const deleted = await device.createOrganisation('Aufgelöst');
    const tombstone = device.mutation('organisations', deleted, 1, [[['deleted'], true]]);
    expect((await server.push(device.body([tombstone]))).statusCode).toBe(200);
    const before = server.fileHash();
    for (const organisationId of [randomUUID(), deleted]) {
      const res = await server.postJson('/api/invitations', { organisationId });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'organisation_not_found' });
    }
    expect(server.fileHash()).toBe(before);
  });

  it.each([
    ['no organisation', { organisationId: undefined }, 'organisationId'],
    ['organisation id not a uuid', { organisationId: 'org-a' }, 'organisationId'],
    ['0 days', { validDays: 0 }, 'validDays'],
    ['91 days', { validDays: 91 }, 'validDays'],
    ['half a day', { validDays: 1.5 }, 'validDays'],
    ['days as text', { validDays: '7' }, 'validDays'],
    ['an unknown field', { token: 'inv_mine' }, 'token'],
  ])('refuses a body with %s (400 invalid_body), storing nothing', async (_label, patch, path) => {
    const org = await device.createOrganisation('Kulturverein');
    const before = server.fileHash();
    const res = await server.postJson('/api/invitations', { organisationId: org, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'invalid_body',
      errors: [{ path, message: expect.stringMatching(/^errors\./) as unknown }],
    });
    expect(server.fileHash()).toBe(before);
  });

  it('needs a logged-in coordinator', async () => {
    const org = await device.createOrganisation('Kulturverein');
    const res = await server.postJson('/api/invitations', { organisationId: org }, null);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('GET /api/invitations', () => {
  it("lists one organisation's invitations, newest first", async () => {
    const [a, b] = [
      await device.createOrganisation('Kulturverein'),
      await device.createOrganisation('Elternverein'),
    ];
    const first = await server.invite(a);
    server.nowMs += HOUR;
    await server.invite(b);
    server.nowMs += HOUR;
    const third = await server.invite(a, 3);

    const res = await server.inject({ method: 'GET', url: `/api/invitations?organisationId=${a}` });
    expect(res.statusCode).toBe(200);
    const { invitations } = invitationListResponseSchema.parse(res.json());
    expect(invitations).toEqual([third.invitation, first.invitation]);
    expect(JSON.stringify(res.json())).not.toContain('inv_');

    const none = await server.inject({
      method: 'GET',
      url: `/api/invitations?organisationId=${randomUUID()}`,
    });
    expect(none.json()).toEqual({ invitations: [] });
  });

  it.each(['', '?organisationId=abc', `?organisationId=${randomUUID()}&all=1`])(
    'answers 400 invalid_query to %j',
    async (query) => {
      const res = await server.inject({ method: 'GET', url: `/api/invitations${query}` });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_query' });
    },
  );
});

describe('POST /api/invitations/:id/revoke', () => {
  it('revokes once; revoking again keeps the first time; the token stops working', async () => {
    const org = await device.createOrganisation('Kulturverein');
    const { invitation, token } = await server.invite(org);
    expect((await server.view(token)).statusCode).toBe(200);

    server.nowMs += HOUR;
    const res = await server.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.id}/revoke`,
    });
    expect(res.statusCode).toBe(200);
    const revoked: Invitation = invitationResponseSchema.parse(res.json()).invitation;
    expect(revoked).toEqual({ ...invitation, revokedAt: new Date(T0 + HOUR).toISOString() });

    server.nowMs += HOUR;
    const again = await server.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.id}/revoke`,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ invitation: revoked });
    expect((await server.view(token)).json()).toMatchObject({ code: 'invitation_revoked' });
  });

  it.each([randomUUID(), 'not-a-uuid'])('answers 404 for the unknown invitation %s', async (id) => {
    const res = await server.inject({ method: 'POST', url: `/api/invitations/${id}/revoke` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'invitation_not_found' });
  });
});

describe('an invitation token on coordinator routes', () => {
  /** Routes an invitation token may reach; every other API route must refuse it. */
  const open = [
    'GET /api/health',
    'POST /api/auth/login',
    'GET /api/self-report',
    'POST /api/self-report',
  ];

  const apiRoutes = () => server.routes.filter((r) => r.url.startsWith('/api'));
  const label = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('opens exactly the self-report and the public routes to invitation tokens', () => {
    const allowed = apiRoutes()
      .filter((r) => r.allowInvitationToken && r.method !== 'HEAD')
      .map(label);
    expect(allowed.sort()).toEqual([...open].sort());
    // Fastify's automatic HEAD routes follow their GET route.
    for (const head of apiRoutes().filter((r) => r.method === 'HEAD')) {
      expect(head.allowInvitationToken, label(head)).toBe(open.includes(`GET ${head.url}`));
    }
  });

  it('is answered 403 forbidden on every other API route, changing nothing', async () => {
    const org = await device.createOrganisation('Kulturverein');
    const { invitation, token } = await server.invite(org);
    const closed = apiRoutes().filter((r) => !r.allowInvitationToken);
    // The coordinator routes known today; a new route is covered without touching this test.
    expect(closed.map(label)).toEqual(
      expect.arrayContaining([
        'POST /api/sync/push',
        'GET /api/sync/pull',
        'HEAD /api/sync/pull',
        'GET /api/auth/me',
        'POST /api/auth/logout',
        'POST /api/invitations',
        'GET /api/invitations',
        'POST /api/invitations/:id/revoke',
      ]),
    );
    const before = server.fileHash();
    for (const route of closed) {
      const withBody = route.method !== 'GET' && route.method !== 'HEAD';
      const res = await server.inject({
        method: route.method,
        url: route.url.replace(/:[A-Za-z]+/g, invitation.id),
        bearer: token,
        ...(withBody
          ? {
              headers: { 'content-type': 'application/json' },
              payload: JSON.stringify({ organisationId: org, clientId: 'x', mutations: [] }),
            }
          : {}),
      });
      expect(res.statusCode, label(route)).toBe(403);
      if (route.method !== 'HEAD') expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(server.fileHash()).toBe(before);
    // The invitation was not revoked through its own token.
    const list = await server.inject({
      method: 'GET',
      url: `/api/invitations?organisationId=${org}`,
    });
    expect(list.json()).toMatchObject({ invitations: [{ revokedAt: null }] });
  });

  it('gets 401 with its own code once it is revoked or expired, and unauthenticated when unknown', async () => {
    const org = await device.createOrganisation('Kulturverein');
    const revoked = await server.invite(org);
    await server.inject({
      method: 'POST',
      url: `/api/invitations/${revoked.invitation.id}/revoke`,
    });
    const expiring = await server.invite(org, 1);
    server.nowMs += DAY;
    const cases: [string, string][] = [
      [revoked.token, 'invitation_revoked'],
      [expiring.token, 'invitation_expired'],
      [`inv_${'A'.repeat(43)}`, 'unauthenticated'],
      ['inv_short', 'unauthenticated'],
    ];
    for (const [token, code] of cases) {
      const res = await server.inject({ method: 'GET', url: '/api/sync/pull', bearer: token });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code });
    }
  });
});
