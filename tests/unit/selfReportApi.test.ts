import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selfReportReceiptSchema } from '../../src/domain/invitation';
import {
  selfReportSchema,
  selfReportViewSchema,
  type SelfReportSubmission,
} from '../../src/domain/selfReport';
import type { Rejection } from '../../src/domain/sync/protocol';
import { DAY, Device, InviteServer, T0 } from './inviteServerKit';

let server: InviteServer;
let device: Device;
let orgA: string;
let orgB: string;
let tokenA: string;
let invitationA: string;
let tokenB: string;

beforeEach(async () => {
  server = await new InviteServer().start();
  device = new Device(server);
  orgA = await device.createOrganisation('Kulturverein Al-Nour', {
    goals: 'Hausaufgabenhilfe',
    registerNumber: 'VR 1234',
    members: {
      memberCount: 40,
      activeVolunteers: 6,
      ageGroups: ['adults'],
      arrivalPeriods: [],
      shareBornInGermanyPercent: null,
      languages: [],
      originCountries: [],
      peopleReached: 120,
    },
    needs: { findingRooms: { state: 'needed', priority: 'high', note: 'Saal fehlt' } },
  });
  orgB = await device.createOrganisation('Elternverein Anadolu', { goals: 'Geheim' });
  const a = await server.invite(orgA);
  tokenA = a.token;
  invitationA = a.invitation.id;
  tokenB = (await server.invite(orgB)).token;
});
afterEach(() => server.stop());

const arabic = 'نقدم دروساً في اللغة العربية ومساعدة في الواجبات المدرسية';

function submission(patch: Partial<SelfReportSubmission> = {}): SelfReportSubmission {
  return {
    id: randomUUID(),
    language: 'ar',
    answers: { goals: arabic, memberCount: 55, ageGroups: ['children', 'adults'] },
    needs: { findingRooms: { state: 'resolved', priority: null, note: 'لدينا قاعة الآن' } },
    ...patch,
  };
}

describe('GET /api/self-report', () => {
  it("shows the token's own organisation: its answers, needs and the link's expiry, nothing else", async () => {
    const res = await server.view(tokenA);
    expect(res.statusCode, res.body).toBe(200);
    const view = selfReportViewSchema.parse(res.json());
    expect(res.json()).toEqual(view); // no fields beyond the view
    expect(view).toEqual({
      organisationId: orgA,
      organisationName: 'Kulturverein Al-Nour',
      answers: {
        name: 'Kulturverein Al-Nour',
        originalName: '',
        goals: 'Hausaufgabenhilfe',
        memberCount: 40,
        activeVolunteers: 6,
        peopleReached: 120,
        ageGroups: ['adults'],
        foundingYear: null,
        ownRooms: null,
      },
      needs: { findingRooms: { state: 'needed', priority: 'high', note: 'Saal fehlt' } },
      expiresAt: new Date(T0 + 14 * DAY).toISOString(),
    });
    expect(res.body).not.toContain('VR 1234');

    // There is no way to name another organisation: query and path are not read.
    const other = await server.inject({
      method: 'GET',
      url: `/api/self-report?organisationId=${orgB}`,
      bearer: tokenA,
    });
    expect(other.json()).toMatchObject({ organisationId: orgA });
    expect(other.body).not.toContain('Geheim');
    const byPath = await server.inject({
      method: 'GET',
      url: `/api/self-report/${orgB}`,
      bearer: tokenA,
    });
    expect(byPath.statusCode).toBe(404);
    expect((await server.view(tokenB)).json()).toMatchObject({
      organisationName: 'Elternverein Anadolu',
    });
  });

  it('is only for invitation tokens: a coordinator gets 403, nobody 401', async () => {
    expect((await server.view(server.token)).statusCode).toBe(403);
    const res = await server.view(null);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('answers 404 organisation_not_found once the organisation is deleted', async () => {
    const m = device.mutation('organisations', orgA, 1, [[['deleted'], true]]);
    expect((await server.push(device.body([m]))).statusCode).toBe(200);
    const res = await server.view(tokenA);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'organisation_not_found' });
  });
});

describe('expired and revoked links', () => {
  it('answers 401 invitation_revoked to GET and POST, storing nothing', async () => {
    await server.inject({ method: 'POST', url: `/api/invitations/${invitationA}/revoke` });
    const before = server.fileHash();
    for (const res of [await server.view(tokenA), await server.submit(tokenA, submission())]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invitation_revoked' });
    }
    expect(server.fileHash()).toBe(before);
  });

  it('answers 401 invitation_expired to GET and POST once the clock passes expiresAt', async () => {
    const { token } = await server.invite(orgA, 2);
    server.nowMs = T0 + 2 * DAY - 1;
    expect((await server.view(token)).statusCode).toBe(200);
    server.nowMs = T0 + 2 * DAY;
    const before = server.fileHash();
    for (const res of [await server.view(token), await server.submit(token, submission())]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invitation_expired' });
    }
    expect(server.fileHash()).toBe(before);
    expect((await server.view(tokenA)).statusCode).toBe(200); // the 14-day link still works
  });

  it('accepts the token only as a Bearer header, never as the session cookie', async () => {
    const res = await server.inject({
      method: 'GET',
      url: '/api/self-report',
      bearer: null,
      cookies: { bruecke_session: tokenA },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('POST /api/self-report', () => {
  it('stores the answers as typed, in the pull of every coordinator, once per id', async () => {
    const sent = submission({ answers: { goals: `  ${arabic}  `, memberCount: 55 } });
    const res = await server.submit(tokenA, sent);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = selfReportReceiptSchema.parse(res.json());
    expect(receipt).toEqual({ id: sent.id, submittedAt: new Date(T0).toISOString() });

    const pulled = (await server.pullAll()).filter((c) => c.table === 'selfReports');
    expect(pulled).toHaveLength(1);
    const report = selfReportSchema.parse(pulled[0]?.data);
    expect(pulled[0]?.data).toEqual(report); // stored in the schema's normal form
    expect(report).toEqual({
      id: sent.id,
      createdAt: receipt.submittedAt,
      updatedAt: receipt.submittedAt,
      deleted: false,
      organisationId: orgA,
      invitationId: invitationA,
      language: 'ar',
      submittedAt: receipt.submittedAt,
      answers: { goals: `  ${arabic}  `, memberCount: 55 },
      needs: sent.needs,
      decisions: { fields: {}, needs: {} },
    });

    // A retry (the answer was lost) stores nothing new and gets the same receipt.
    const before = server.fileHash();
    server.nowMs += 60_000;
    const again = await server.submit(tokenA, sent);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(receipt);
    expect(server.fileHash()).toBe(before);
    expect((await server.pullAll()).filter((c) => c.table === 'selfReports')).toHaveLength(1);
  });

  it('takes the organisation from the token: a body naming another organisation is refused', async () => {
    const before = server.fileHash();
    for (const body of [
      { ...submission(), organisationId: orgB },
      { ...submission(), invitationId: randomUUID() },
      { ...submission(), answers: { organisationId: orgB } },
    ]) {
      const res = await server.submit(tokenA, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid_submission' });
    }
    expect(server.fileHash()).toBe(before);

    const b = submission();
    expect((await server.submit(tokenB, b)).statusCode).toBe(201);
    const reports = (await server.pullAll()).filter((c) => c.table === 'selfReports');
    expect(reports.map((r) => [r.data.organisationId, r.data.invitationId])).toEqual([
      [orgB, expect.not.stringMatching(invitationA) as unknown],
    ]);
  });

  it('answers 409 to an id that already belongs to another invitation or another edit', async () => {
    const sent = submission();
    expect((await server.submit(tokenB, sent)).statusCode).toBe(201);
    const before = server.fileHash();
    const res = await server.submit(tokenA, sent);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'submission_id_taken' });

    const edit = device.mutation('organisations', orgA, null, [[['goals'], 'Sprachkurse']]);
    expect((await server.push(device.body([edit]))).statusCode).toBe(200);
    const reused = await server.submit(tokenA, submission({ id: edit.mutationId }));
    expect(reused.statusCode).toBe(409);
    expect((await server.pullAll()).filter((c) => c.table === 'selfReports')).toHaveLength(1);
    expect(before).not.toBe(server.fileHash()); // only the coordinator's edit was stored
  });

  // The same limit as the profile's own goals field (20,000 characters).
  const tooLong = 'ب'.repeat(20_001);
  it.each<[string, unknown, string, string]>([
    [
      'a member count as text',
      { answers: { memberCount: 'viele' } },
      'answers.memberCount',
      'errors.numberInvalid',
    ],
    [
      'a negative member count',
      { answers: { memberCount: -1 } },
      'answers.memberCount',
      'errors.numberNegative',
    ],
    [
      'an unknown answer',
      { answers: { favouriteColour: 'blau' } },
      'answers.favouriteColour',
      'errors.invalidValue',
    ],
    ['an unknown top-level field', { decisions: {} }, 'decisions', 'errors.invalidValue'],
    [
      'an unknown checklist item',
      { needs: { spaceship: { state: 'needed', priority: 'high', note: '' } } },
      'needs',
      'errors.checklistItemUnknown',
    ],
    [
      'a checklist state outside the list',
      { needs: { findingRooms: { state: 'maybe', priority: null, note: '' } } },
      'needs.findingRooms.state',
      'errors.checklistStateInvalid',
    ],
    ['too long goals', { answers: { goals: tooLong } }, 'answers.goals', 'errors.textTooLong'],
    [
      'too long a name',
      { answers: { name: 'ا'.repeat(301) } },
      'answers.name',
      'errors.textTooLong',
    ],
    ['an empty name', { answers: { name: '   ' } }, 'answers.name', 'errors.nameRequired'],
    [
      'an age group outside the list',
      { answers: { ageGroups: ['pets'] } },
      'answers.ageGroups.0',
      'errors.invalidValue',
    ],
    ['a made-up language tag', { language: 'Arabisch' }, 'language', 'errors.languageInvalid'],
    ['an id that is not a uuid', { id: 'mine' }, 'id', 'errors.idInvalid'],
    ['no answers at all', { answers: undefined }, 'answers', 'errors.invalidValue'],
  ])(
    'refuses %s with 400 invalid_submission, storing nothing',
    async (_label, patch, path, message) => {
      const before = server.fileHash();
      const res = await server.submit(tokenA, { ...submission(), ...(patch as object) });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ code: string; errors: { path: string; message: string }[] }>();
      expect(body.code).toBe('invalid_submission');
      expect(body.errors).toContainEqual({ path, message });
      for (const error of body.errors) expect(error.message).toMatch(/^errors\./);
      expect(server.fileHash()).toBe(before);
    },
  );

  it.each<[string, string, string, number, string]>([
    ['not JSON', 'application/json', '{"id":', 400, 'invalid_json'],
    ['a JSON array', 'application/json', '[]', 400, 'invalid_submission'],
    ['text/plain', 'text/plain', 'hello', 400, 'invalid_submission'],
    [
      'over 256 KiB',
      'application/json',
      JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
      413,
      'payload_too_large',
    ],
  ])('refuses a body that is %s, storing nothing', async (_label, type, payload, status, code) => {
    const before = server.fileHash();
    const res = await server.inject({
      method: 'POST',
      url: '/api/self-report',
      headers: { 'content-type': type },
      payload,
      bearer: tokenA,
    });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code });
    expect(server.fileHash()).toBe(before);
  });
});

describe('a coordinator syncing self-reports', () => {
  async function submitted(): Promise<{ id: string; version: number }> {
    const sent = submission();
    expect((await server.submit(tokenA, sent)).statusCode).toBe(201);
    const pulled = (await server.pullAll()).find((c) => c.id === sent.id);
    if (!pulled) throw new Error('not pulled');
    // The device pulled the report: its next stamps are later than the server's.
    server.nowMs += 60_000;
    await server.pullAll(); // records the session's last_seen_at, so the file hash stands still
    return { id: sent.id, version: pulled.version };
  }

  function rejectionOf(res: { statusCode: number; json: () => unknown }): Rejection | undefined {
    expect(res.statusCode).toBe(422);
    return (res.json() as { rejected: Rejection[] }).rejected[0];
  }

  it('may record decisions', async () => {
    const { id, version } = await submitted();
    const decidedAt = server.now().toISOString();
    const m = device.mutation('selfReports', id, version, [
      [['decisions', 'fields', 'goals'], { decision: 'accepted', decidedAt }],
      [['decisions', 'needs', 'findingRooms'], { decision: 'rejected', decidedAt }],
      [['updatedAt'], decidedAt],
    ]);
    const res = await server.push(device.body([m]));
    expect(res.statusCode, res.body).toBe(200);
    const report = (await server.pullAll()).find((c) => c.id === id)?.data;
    expect(report).toMatchObject({
      answers: { goals: arabic, memberCount: 55 },
      decisions: {
        fields: { goals: { decision: 'accepted', decidedAt } },
        needs: { findingRooms: { decision: 'rejected', decidedAt } },
      },
      updatedAt: decidedAt,
    });
  });

  it.each<[string, [string[], unknown][]]>([
    ['an answer', [[['answers', 'goals'], 'Übersetzt ins Deutsche']]],
    ['all answers at once', [[['answers'], {}]]],
    ['a needs item', [[['needs', 'findingRooms', 'note'], 'geändert']]],
    ['the language', [[['language'], 'de']]],
    ['the organisation', [[['organisationId'], randomUUID()]]],
    ['the deleted flag', [[['deleted'], true]]],
  ])('may not change %s (422 forbidden_field)', async (_label, changes) => {
    const { id, version } = await submitted();
    const before = server.fileHash();
    const res = await server.push(
      device.body([device.mutation('selfReports', id, version, changes)]),
    );
    expect(rejectionOf(res)).toMatchObject({
      code: 'forbidden_field',
      path: changes[0]?.[0].join('.'),
    });
    expect(server.fileHash()).toBe(before);
  });

  it('may not create a self-report (422 forbidden_field)', async () => {
    const id = randomUUID();
    const nowIso = server.now().toISOString();
    const record = {
      createdAt: nowIso,
      updatedAt: nowIso,
      deleted: false,
      organisationId: orgA,
      invitationId: invitationA,
      language: 'de',
      submittedAt: nowIso,
      answers: { goals: 'erfunden' },
      needs: {},
      decisions: { fields: {}, needs: {} },
    };
    const m = device.mutation(
      'selfReports',
      id,
      null,
      Object.entries(record).map(([k, v]) => [[k], v]),
    );
    const before = server.fileHash();
    expect(rejectionOf(await server.push(device.body([m])))).toMatchObject({
      code: 'forbidden_field',
    });
    expect(server.fileHash()).toBe(before);
  });
});
