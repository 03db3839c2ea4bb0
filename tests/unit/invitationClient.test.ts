import { describe, expect, it } from 'vitest';
import { createInvitationApi } from '../../src/features/invitations/invitationApi';

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const TOKEN = `inv_${'A'.repeat(43)}`;

const wire = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-00000000000a',
  createdAt: '2026-03-10T09:00:00.000Z',
  expiresAt: '2026-03-24T09:00:00.000Z',
  revokedAt: null,
  createdBy: 'koordination',
};

function apiAnswering(answer: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const api = createInvitationApi('', (url, init) => {
    calls.push({ url, init });
    return answer();
  });
  return { api, calls };
}

describe('invitation API client', () => {
  it('creates an invitation for an organisation and returns its token', async () => {
    const { api, calls } = apiAnswering(() =>
      Promise.resolve(json(201, { invitation: wire, token: TOKEN })),
    );
    expect(await api.create(wire.organisationId)).toEqual({
      kind: 'ok',
      value: { invitation: wire, token: TOKEN },
    });
    expect(calls[0]?.url).toBe('/api/invitations');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({
      organisationId: wire.organisationId,
    });
  });

  it('lists and revokes', async () => {
    const listed = apiAnswering(() => Promise.resolve(json(200, { invitations: [wire] })));
    expect(await listed.api.list(wire.organisationId)).toEqual({ kind: 'ok', value: [wire] });
    expect(listed.calls[0]?.url).toBe(`/api/invitations?organisationId=${wire.organisationId}`);

    const revokedWire = { ...wire, revokedAt: '2026-03-11T09:00:00.000Z' };
    const revoked = apiAnswering(() => Promise.resolve(json(200, { invitation: revokedWire })));
    expect(await revoked.api.revoke(wire.id)).toEqual({ kind: 'ok', value: revokedWire });
    expect(revoked.calls[0]?.url).toBe(`/api/invitations/${wire.id}/revoke`);
    expect(revoked.calls[0]?.init?.method).toBe('POST');
  });

  it('translates the server answers into outcomes', async () => {
    const outcome = (res: Response | Error) =>
      apiAnswering(() =>
        res instanceof Error ? Promise.reject(res) : Promise.resolve(res),
      ).api.create(wire.organisationId);
    expect(await outcome(json(404, { code: 'organisation_not_found', message: '' }))).toEqual({
      kind: 'organisationNotFound',
    });
    expect(await outcome(json(401, { code: 'unauthenticated', message: '' }))).toEqual({
      kind: 'unauthenticated',
    });
    expect(await outcome(json(403, { code: 'forbidden', message: '' }))).toEqual({
      kind: 'forbidden',
    });
    expect(await outcome(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(await outcome(json(503, {}))).toEqual({ kind: 'network' });
    expect(await outcome(json(200, { unexpected: true }))).toEqual({
      kind: 'unexpected',
      status: 200,
    });
  });
});
