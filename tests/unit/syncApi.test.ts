import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newOrganisation } from '../../src/domain/organisation';
import { allFields } from '../../src/domain/sync/fieldChanges';
import { encodeHlc, type Hlc, initialHlc, tick } from '../../src/domain/sync/hlc';
import type { Mutation, SyncTable } from '../../src/domain/sync/mutation';
import {
  PULL_MAX_LIMIT,
  PUSH_MAX_MUTATIONS,
  STAMP_FUTURE_LIMIT_MS,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Rejection,
} from '../../src/domain/sync/protocol';
import { toWire } from '../../src/domain/sync/wireMutation';
import { recordSchemas } from '../../src/domain/tables';
import type { AccountStore } from '../../src/server/auth/accountStore';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import { databasePath, openDatabase, type SqliteDatabase } from '../../src/server/db/openDatabase';

const T0 = Date.parse('2026-03-10T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/**
 * The real server on a temporary SQLite file, with a clock that only moves when told to. (Every
 * authenticated request records the session's `last_seen_at`; with the clock standing still that
 * write is the same value, so SQLite leaves the file alone and a checksum sees only real changes.)
 */
class TestServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'bruecke-syncapi-'));
  readonly file = databasePath(this.dir);
  nowMs = T0;
  readonly now = () => new Date(this.nowMs);
  db!: SqliteDatabase;
  accounts!: AccountStore;
  app!: FastifyInstance;
  token = '';

  async start(sessionTtlMs = 30 * DAY): Promise<this> {
    this.db = openDatabase(this.file, { now: this.now });
    this.accounts = createSqliteAccountStore(this.db, { now: this.now });
    this.app = createServer({ staticDir: this.dir, db: this.db, now: this.now, sessionTtlMs });
    await this.app.ready();
    const user = this.accounts.createUser({
      login: 'anna',
      displayName: 'Anna Schmidt',
      passwordHash: 'scrypt$unused',
    });
    this.token = this.accounts.createSession(user.id, sessionTtlMs);
    return this;
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  inject(options: InjectOptions & { auth?: boolean }): Promise<LightMyRequestResponse> {
    const { auth = true, headers = {}, ...rest } = options;
    return this.app.inject({
      ...rest,
      headers: auth ? { ...headers, authorization: `Bearer ${this.token}` } : headers,
    });
  }

  /** POST /api/sync/push with `body` serialised as JSON. */
  push(body: unknown, auth = true): Promise<LightMyRequestResponse> {
    return this.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
      auth,
    });
  }

  pull(query = '', auth = true): Promise<LightMyRequestResponse> {
    return this.inject({ method: 'GET', url: `/api/sync/pull${query}`, auth });
  }

  /** Every page from `since` 0, as the client engine does. */
  async pullAll(limit = PULL_MAX_LIMIT): Promise<PullResponse['changes']> {
    const out: PullResponse['changes'] = [];
    let since = 0;
    for (;;) {
      const res = await this.pull(`?since=${since}&limit=${limit}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      out.push(...page.changes);
      since = page.cursor;
      if (!page.hasMore) return out;
    }
  }

  /** SHA-256 of the database file after moving everything from the WAL into it. */
  fileHash(): string {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return createHash('sha256').update(readFileSync(this.file)).digest('hex');
  }

  /** Every row of every table, in a fixed order: readable when the file hash differs. */
  dump(): Record<string, unknown[]> {
    const tables = this.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, this.db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
    );
  }
}

/** A device: its own client id, hybrid logical clock and mutation counter. */
class Device {
  private clock: Hlc;
  seq = 0;
  constructor(
    private readonly server: TestServer,
    readonly clientId = randomUUID(),
  ) {
    this.clock = initialHlc(clientId);
  }

  stamp(wallMs = this.server.nowMs): string {
    this.clock = tick(this.clock, wallMs);
    return encodeHlc(this.clock);
  }

  mutation(
    table: SyncTable,
    recordId: string,
    baseVersion: number | null,
    changes: [string[], unknown][],
    wallMs?: number,
  ): Mutation {
    const stamp = this.stamp(wallMs);
    this.seq += 1;
    return {
      mutationId: randomUUID(),
      clientId: this.clientId,
      seq: this.seq,
      table,
      recordId,
      baseVersion,
      changes: changes.map(([path, value]) => ({ path, value, stamp })),
      createdAt: this.server.now().toISOString(),
    };
  }

  /** A complete new organisation: every field in one mutation. */
  newOrg(id: string, name: string, extra: Record<string, unknown> = {}): Mutation {
    const org = { ...newOrganisation(id, this.server.now().toISOString()), name, ...extra };
    return this.mutation(
      'organisations',
      id,
      null,
      allFields(org).map((c) => [c.path, c.value]),
    );
  }

  body(mutations: unknown[], epoch: string | null = null): PushRequest {
    return {
      clientId: this.clientId,
      epoch,
      clientTime: this.server.now().toISOString(),
      mutations: mutations as Mutation[],
    };
  }
}

async function pushOk(server: TestServer, body: unknown): Promise<PushResponse> {
  const res = await server.push(body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushResponse>();
}

describe('authentication', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start(HOUR);
  });
  afterEach(() => server.stop());

  it('answers push and pull without a credential with 401 unauthenticated, changing nothing', async () => {
    const device = new Device(server);
    const before = server.fileHash();
    for (const res of [
      await server.push(device.body([device.newOrg(randomUUID(), 'Kulturverein')]), false),
      await server.pull('', false),
      await server.pull('?since=0&limit=10', false),
      // The login is checked before the body or the query is even looked at.
      await server.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { 'content-type': 'application/json' },
        payload: '{not json',
        auth: false,
      }),
      await server.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ junk: 'x'.repeat(2 * 1024 * 1024) }),
        auth: false,
      }),
      await server.pull('?limit=0&table=users', false),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        code: 'unauthenticated',
        message: expect.stringMatching(/logged in|expired/) as unknown,
      });
    }
    expect(server.fileHash()).toBe(before);
  });

  it('answers forged, malformed and expired sessions with 401', async () => {
    const device = new Device(server);
    const body = device.body([device.newOrg(randomUUID(), 'Kulturverein')]);
    const forged = randomBytes(32).toString('base64url');
    const attempts: InjectOptions[] = [
      { headers: { authorization: `Bearer ${forged}` } },
      { headers: { authorization: 'Bearer not-a-token' } },
      { headers: { authorization: `Basic ${Buffer.from('anna:pw').toString('base64')}` } },
      { cookies: { bruecke_session: forged } },
    ];
    for (const attempt of attempts) {
      for (const request of [
        { method: 'POST' as const, url: '/api/sync/push', payload: body },
        { method: 'GET' as const, url: '/api/sync/pull' },
      ]) {
        const res = await server.inject({ ...request, ...attempt, auth: false });
        expect(res.statusCode, JSON.stringify(attempt)).toBe(401);
        expect(res.json()).toMatchObject({ code: 'unauthenticated' });
      }
    }
    // The real session works as a cookie too ...
    const ok = await server.inject({
      method: 'GET',
      url: '/api/sync/pull',
      cookies: { bruecke_session: server.token },
      auth: false,
    });
    expect(ok.statusCode).toBe(200);
    // ... until it expires.
    server.nowMs += HOUR + 1;
    expect((await server.pull()).statusCode).toBe(401);
    expect((await server.push(body)).json()).toMatchObject({ code: 'unauthenticated' });
  });
});

describe('push', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.stop());

  it('takes a shared stamp said once per mutation exactly like one stamp per change', async () => {
    const device = new Device(server);
    const [a, b] = [randomUUID(), randomUUID()];
    const perChange = device.newOrg(a, 'Kulturverein');
    const shared = toWire(device.newOrg(b, 'Kulturverein'));
    expect(shared.changes.every((c) => c.stamp === undefined)).toBe(true);
    await pushOk(server, device.body([perChange, shared]));
    const [first, second] = await server.pullAll();
    expect({ ...second?.data, id: a }).toEqual(first?.data);
    const fields = (id: string) =>
      JSON.parse(
        server.db
          .prepare<[string], { fields: string }>('SELECT fields FROM records WHERE id = ?')
          .get(id)?.fields ?? '{}',
      ) as Record<string, { stamp: string }[]>;
    expect(Object.values(fields(b)).every((w) => w[0]?.stamp === shared.stamp)).toBe(true);
    expect(Object.keys(fields(b))).toEqual(Object.keys(fields(a)));

    // A change without a stamp in a mutation without one is refused by its path.
    const unstamped = { ...toWire(device.newOrg(randomUUID(), 'Elternverein')), stamp: undefined };
    const res = await server.push(device.body([unstamped]));
    expect(res.statusCode).toBe(422);
    expect(res.json<{ rejected: Rejection[] }>().rejected).toEqual([
      expect.objectContaining({ code: 'invalid_mutation', path: 'changes.0.stamp' }),
    ]);
  });

  it('applies a batch, and a repeated batch is answered from the stored results without changing anything', async () => {
    const device = new Device(server);
    const [a, b] = [randomUUID(), randomUUID()];
    const first = device.newOrg(a, 'Kulturverein');
    const second = device.newOrg(b, 'Elternverein');
    const body = device.body([first, second]);
    const empty = server.fileHash();
    const applied = await pushOk(server, body);
    expect(server.fileHash()).not.toBe(empty); // the checksum does see a change
    expect(applied.results).toEqual([
      { mutationId: first.mutationId, status: 'applied', version: 1, conflicts: 0 },
      { mutationId: second.mutationId, status: 'applied', version: 2, conflicts: 0 },
    ]);
    expect(applied.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(applied.serverClock).toBe(second.changes[0]?.stamp);
    expect(applied.clockDriftMs).toBe(0);
    expect(applied.serverTime).toBe(new Date(T0).toISOString());

    const before = server.fileHash();
    const dump = server.dump();
    const again = await pushOk(server, body);
    expect(again.results).toEqual(
      applied.results.map((r) => ({ ...r, status: 'duplicate' as const })),
    );
    expect(again.epoch).toBe(applied.epoch);
    expect(server.dump()).toEqual(dump);
    expect(server.fileHash()).toBe(before);

    // A batch that repeats one entry and brings a new one: only the new one is applied.
    const third = device.mutation('organisations', a, 1, [[['goals'], 'Sprachkurse']]);
    const mixed = await pushOk(server, device.body([second, third]));
    expect(mixed.results).toEqual([
      { mutationId: second.mutationId, status: 'duplicate', version: 2, conflicts: 0 },
      { mutationId: third.mutationId, status: 'applied', version: 3, conflicts: 0 },
    ]);
    const records = await server.pullAll();
    expect(records.map((r) => [r.id, r.version, r.data.name, r.data.goals])).toEqual([
      [b, 2, 'Elternverein', ''],
      [a, 3, 'Kulturverein', 'Sprachkurse'],
    ]);
  });

  it('lets a mutation see what earlier ones of the same push wrote', async () => {
    const device = new Device(server);
    const org = randomUUID();
    const created = device.newOrg(org, 'Kulturverein');
    const edited = device.mutation('organisations', org, null, [[['goals'], 'Sprachkurse']]);
    const renamed = device.mutation('organisations', org, null, [[['name'], 'Kulturverein Mitte']]);
    const applied = await pushOk(server, device.body([created, edited, created, renamed]));
    expect(applied.results).toEqual([
      { mutationId: created.mutationId, status: 'applied', version: 1, conflicts: 0 },
      { mutationId: edited.mutationId, status: 'applied', version: 2, conflicts: 0 },
      // Repeated in the same push: answered like a repeat from an earlier push.
      { mutationId: created.mutationId, status: 'duplicate', version: 1, conflicts: 0 },
      { mutationId: renamed.mutationId, status: 'applied', version: 3, conflicts: 0 },
    ]);
    const [record, ...others] = await server.pullAll();
    expect(others).toEqual([]);
    expect(record).toMatchObject({ id: org, version: 3 });
    expect(record?.data).toMatchObject({ name: 'Kulturverein Mitte', goals: 'Sprachkurse' });
  });

  it('reports the clock drift of the device', async () => {
    const device = new Device(server);
    const body = { ...device.body([]), clientTime: new Date(T0 + 7 * 60_000).toISOString() };
    const res = await pushOk(server, body);
    expect(res.clockDriftMs).toBe(7 * 60_000);
    expect(res.results).toEqual([]);
  });

  it('logs a concurrent edit of the same field as a conflict with both values, pulled as table conflicts', async () => {
    const [c1, c2, c3] = [new Device(server), new Device(server), new Device(server)];
    const org = randomUUID();
    await pushOk(server, c1.body([c1.newOrg(org, 'Kulturverein')]));
    // c2 and c3 both started from version 1; c3's edit is later (by its clock).
    const fromC2 = c2.mutation(
      'organisations',
      org,
      1,
      [[['name'], 'Kulturverein Mitte']],
      T0 + 1000,
    );
    const fromC3 = c3.mutation(
      'organisations',
      org,
      1,
      [[['name'], 'Kulturverein Biebrich']],
      T0 + 2000,
    );
    expect((await pushOk(server, c2.body([fromC2]))).results[0]).toMatchObject({ conflicts: 0 });
    expect((await pushOk(server, c3.body([fromC3]))).results[0]).toMatchObject({
      status: 'applied',
      conflicts: 1,
    });
    // The earlier edit arriving last loses too, and is logged as well.
    const late = c2.mutation('organisations', org, 1, [[['goals'], 'Beratung']], T0 + 500);
    const laterGoals = c3.mutation('organisations', org, 1, [[['goals'], 'Nachhilfe']], T0 + 3000);
    await pushOk(server, c3.body([laterGoals]));
    expect((await pushOk(server, c2.body([late]))).results[0]).toMatchObject({ conflicts: 1 });
    // The same value written concurrently is not a conflict.
    const same1 = c2.mutation('organisations', org, 1, [[['members', 'memberCount'], 40]]);
    const same2 = c3.mutation('organisations', org, 1, [[['members', 'memberCount'], 40]]);
    await pushOk(server, c2.body([same1]));
    expect((await pushOk(server, c3.body([same2]))).results[0]).toMatchObject({ conflicts: 0 });

    const changes = await server.pullAll();
    const record = changes.find((c) => c.table === 'organisations');
    expect(record?.data).toMatchObject({
      name: 'Kulturverein Biebrich',
      goals: 'Nachhilfe',
      members: expect.objectContaining({ memberCount: 40 }) as unknown,
    });
    const conflicts = changes.filter((c) => c.table === 'conflicts').map((c) => c.data);
    expect(conflicts).toHaveLength(2);
    expect(conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recordTable: 'organisations',
          recordId: org,
          path: 'name',
          resolution: 'open',
          resolvedAt: null,
          deleted: false,
          winner: {
            value: 'Kulturverein Biebrich',
            stamp: fromC3.changes[0]?.stamp,
            clientId: c3.clientId,
            author: 'Anna Schmidt',
          },
          loser: {
            value: 'Kulturverein Mitte',
            stamp: fromC2.changes[0]?.stamp,
            clientId: c2.clientId,
            author: 'Anna Schmidt',
          },
        }),
        expect.objectContaining({
          path: 'goals',
          winner: expect.objectContaining({ value: 'Nachhilfe', clientId: c3.clientId }) as unknown,
          loser: expect.objectContaining({ value: 'Beratung', clientId: c2.clientId }) as unknown,
        }),
      ]),
    );

    // A client may resolve a conflict: resolution, resolvedAt and updatedAt only.
    const conflict = changes.find((c) => c.table === 'conflicts' && c.data.path === 'name');
    if (!conflict) throw new Error('no conflict record');
    const resolve = c1.mutation('conflicts', conflict.id, conflict.version, [
      [['resolution'], 'kept'],
      [['resolvedAt'], '2026-03-10'],
      [['updatedAt'], new Date(T0).toISOString()],
    ]);
    expect((await pushOk(server, c1.body([resolve]))).results[0]).toMatchObject({
      status: 'applied',
      conflicts: 0,
    });
    const resolved = (await server.pullAll()).find((c) => c.id === conflict.id);
    expect(resolved?.data).toMatchObject({ resolution: 'kept', resolvedAt: '2026-03-10' });
  });
});

describe('pull', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.stop());

  it('sends a large page gzip-compressed to a client that accepts it, the same answer inside', async () => {
    const device = new Device(server);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    await pushOk(server, device.body(ids.map((id, i) => device.newOrg(id, `Kulturverein ${i}`))));
    const plain = await server.pull('?since=0&limit=30');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const packed = await server.inject({
      method: 'GET',
      url: '/api/sync/pull?since=0&limit=30',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(packed.statusCode).toBe(200);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.vary).toContain('accept-encoding');
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(packed.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('pages through the change sequence: every record once, at its newest version', async () => {
    const device = new Device(server);
    const ids: string[] = Array.from({ length: 7 }, () => randomUUID());
    await pushOk(server, device.body(ids.map((id, i) => device.newOrg(id, `Verein ${i}`))));
    // Records 1 and 4 change again: they move to the end of the sequence (versions 8 and 9).
    const edits = await pushOk(
      server,
      device.body([
        device.mutation('organisations', ids[1] ?? '', 2, [[['name'], 'Verein 1 (neu)']]),
        device.mutation('organisations', ids[4] ?? '', 5, [[['name'], 'Verein 4 (neu)']]),
      ]),
    );
    expect(edits.results.map((r) => r.version)).toEqual([8, 9]);

    const pages: PullResponse[] = [];
    let since = 0;
    for (;;) {
      const res = await server.pull(`?since=${since}&limit=3`);
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      pages.push(page);
      since = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.map((p) => [p.changes.map((c) => c.version), p.cursor, p.hasMore])).toEqual([
      [[1, 3, 4], 4, true],
      [[6, 7, 8], 8, true],
      [[9], 9, false],
    ]);
    const all = pages.flatMap((p) => p.changes);
    expect(new Set(all.map((c) => c.id)).size).toBe(7);
    expect(all.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const c of all) {
      const i = ids.indexOf(c.id);
      expect(c.table).toBe('organisations');
      expect(c.data.id).toBe(c.id);
      expect(c.data.name).toBe(i === 1 || i === 4 ? `Verein ${i} (neu)` : `Verein ${i}`);
    }
    for (const p of pages) {
      expect(p.epoch).toBe(edits.epoch);
      expect(p.serverClock).toBe(edits.serverClock);
    }

    // Nothing new: an empty page that keeps the cursor.
    const rest = (await server.pull('?since=9&limit=3')).json<PullResponse>();
    expect(rest).toMatchObject({ changes: [], cursor: 9, hasMore: false });
    // A page that ends exactly at the last record has no more.
    const exact = (await server.pull('?since=8&limit=1')).json<PullResponse>();
    expect(exact).toMatchObject({ cursor: 9, hasMore: false });
    // Defaults: since 0, limit 500.
    const whole = (await server.pull()).json<PullResponse>();
    expect(whole.changes).toHaveLength(7);
    expect(whole.hasMore).toBe(false);
    // The maximum limit is accepted.
    expect((await server.pull(`?limit=${PULL_MAX_LIMIT}`)).statusCode).toBe(200);
  });

  it('answers an empty server with an empty page and the epoch', async () => {
    const page = (await server.pull()).json<PullResponse>();
    expect(page).toEqual({
      epoch: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      changes: [],
      cursor: 0,
      hasMore: false,
      serverClock: '',
    });
  });
});

/** What every bad request must leave behind: nothing. */
interface Fixture {
  server: TestServer;
  device: Device;
  /** An organisation at version `orgVersion`. */
  org: string;
  orgVersion: number;
  /** A conflict record about that organisation's name. */
  conflictId: string;
  conflictVersion: number;
  epoch: string;
}

interface BadCase {
  kind: string;
  send: (f: Fixture) => Promise<LightMyRequestResponse>;
  status: number;
  code: string;
  /** For 422: which mutations (by position in the sent batch) are refused, with which code. */
  rejected?: [index: number, code: string, path?: string][];
  /** Part of the message that a person needs to see what is wrong. */
  message?: RegExp;
}

/** A body with exactly one edit of the fixture's organisation. */
function editBody(
  f: Fixture,
  changes: [string[], unknown][],
  tweak: (m: Mutation) => unknown = (m) => m,
): { body: PushRequest; sent: unknown[] } {
  const sent = [tweak(f.device.mutation('organisations', f.org, f.orgVersion, changes))];
  return { body: f.device.body(sent), sent };
}

const sentBatches = new Map<string, unknown[]>();

/** Sends a one-edit push and remembers the batch, to check the rejected mutationIds. */
function sendEdit(
  kind: string,
  changes: [string[], unknown][],
  tweak?: (m: Mutation) => unknown,
): (f: Fixture) => Promise<LightMyRequestResponse> {
  return (f) => {
    const { body, sent } = editBody(f, changes, tweak);
    sentBatches.set(kind, sent);
    return f.server.push(body);
  };
}

function sendBatch(
  kind: string,
  build: (f: Fixture) => unknown[],
): (f: Fixture) => Promise<LightMyRequestResponse> {
  return (f) => {
    const sent = build(f);
    sentBatches.set(kind, sent);
    return f.server.push(f.device.body(sent));
  };
}

const rawPush =
  (payload: string | undefined, contentType?: string) =>
  (f: Fixture): Promise<LightMyRequestResponse> =>
    f.server.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: contentType ? { 'content-type': contentType } : {},
      ...(payload === undefined ? {} : { payload }),
    });

const envelope = (f: Fixture, patch: Record<string, unknown>) => ({
  ...f.device.body([f.device.mutation('organisations', f.org, f.orgVersion, [[['goals'], 'x']])]),
  ...patch,
});

const pullWith =
  (query: string) =>
  (f: Fixture): Promise<LightMyRequestResponse> =>
    f.server.pull(query);

const kind = <T extends BadCase>(c: T): T => c;

const badCases: BadCase[] = [
  // The request as a whole: the client cannot tell which entry is at fault.
  kind({
    kind: 'malformed JSON',
    send: rawPush('{"clientId": "x", "mutations": [', 'application/json'),
    status: 400,
    code: 'invalid_json',
    message: /not valid JSON/,
  }),
  kind({
    kind: 'empty body with a JSON content-type',
    send: rawPush('', 'application/json'),
    status: 400,
    code: 'empty_body',
    message: /empty/,
  }),
  kind({
    kind: 'no body at all',
    send: rawPush(undefined),
    status: 400,
    code: 'empty_body',
    message: /no body/,
  }),
  kind({
    kind: 'JSON sent as text/plain',
    send: (f) => rawPush(JSON.stringify(envelope(f, {})), 'text/plain')(f),
    status: 415,
    code: 'unsupported_media_type',
    message: /application\/json/,
  }),
  kind({
    kind: 'a form post',
    send: rawPush('clientId=x&mutations=1', 'application/x-www-form-urlencoded'),
    status: 415,
    code: 'unsupported_media_type',
    message: /application\/json/,
  }),
  kind({
    kind: 'a key named __proto__ in the JSON',
    send: rawPush('{"__proto__": {"polluted": true}, "mutations": []}', 'application/json'),
    status: 400,
    code: 'invalid_json',
    message: /__proto__/,
  }),
  kind({
    kind: 'body is an array',
    send: (f) => f.server.push([envelope(f, {})]),
    status: 400,
    code: 'invalid_body',
    message: /JSON object.*array/,
  }),
  kind({
    kind: 'body is a string',
    send: (f) => f.server.push('mutations'),
    status: 400,
    code: 'invalid_body',
    message: /JSON object.*string/,
  }),
  kind({
    kind: 'body is null',
    send: (f) => f.server.push(null),
    status: 400,
    code: 'invalid_body',
    message: /JSON object.*null/,
  }),
  kind({
    kind: 'missing mutations',
    send: (f) => f.server.push(envelope(f, { mutations: undefined })),
    status: 400,
    code: 'invalid_body',
    message: /^mutations: /,
  }),
  kind({
    kind: 'mutations not an array',
    send: (f) => f.server.push(envelope(f, { mutations: { 0: 'a' } })),
    status: 400,
    code: 'invalid_body',
    message: /^mutations: .*array/,
  }),
  kind({
    kind: 'missing clientId',
    send: (f) => f.server.push(envelope(f, { clientId: undefined })),
    status: 400,
    code: 'invalid_body',
    message: /^clientId: /,
  }),
  kind({
    kind: 'clientTime not a timestamp',
    send: (f) => f.server.push(envelope(f, { clientTime: 'tomorrow' })),
    status: 400,
    code: 'invalid_body',
    message: /^clientTime: /,
  }),
  kind({
    kind: 'epoch not a string',
    send: (f) => f.server.push(envelope(f, { epoch: 7 })),
    status: 400,
    code: 'invalid_body',
    message: /^epoch: /,
  }),
  kind({
    kind: 'a mutation that is not an object',
    send: (f) => f.server.push(f.device.body([42])),
    status: 400,
    code: 'invalid_body',
    message: /^mutations\.0: .*mutationId/,
  }),
  kind({
    kind: 'a mutation without mutationId',
    send: (f) =>
      f.server.push(
        envelope(f, {
          mutations: [
            f.device.mutation('organisations', f.org, f.orgVersion, [[['goals'], 'x']]),
            { ...f.device.mutation('organisations', f.org, f.orgVersion, []), mutationId: 5 },
          ],
        }),
      ),
    status: 400,
    code: 'invalid_body',
    message: /^mutations\.1: .*mutationId/,
  }),
  kind({
    kind: `more than ${PUSH_MAX_MUTATIONS} mutations`,
    send: (f) =>
      f.server.push(
        f.device.body(
          Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () =>
            f.device.mutation('organisations', f.org, f.orgVersion, [[['goals'], 'x']]),
          ),
        ),
      ),
    status: 413,
    code: 'too_many_mutations',
    message: new RegExp(`at most ${PUSH_MAX_MUTATIONS}`),
  }),
  kind({
    kind: 'a body over 1 MiB',
    send: (f) => f.server.push(editBody(f, [[['goals'], 'x'.repeat(1024 * 1024)]]).body),
    status: 413,
    code: 'payload_too_large',
    message: /larger/,
  }),
  kind({
    kind: 'an epoch of another server',
    send: (f) => f.server.push(envelope(f, { epoch: randomUUID() })),
    status: 409,
    code: 'epoch_changed',
    message: /resync/,
  }),

  // One mutation is malformed: refused by its mutationId (422), nothing applied.
  kind({
    kind: 'unknown table',
    send: sendEdit('unknown table', [[['name'], 'x']], (m) => ({ ...m, table: 'users' })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'table']],
  }),
  kind({
    kind: 'mutationId not a uuid',
    send: sendEdit('mutationId not a uuid', [[['goals'], 'x']], (m) => ({
      ...m,
      mutationId: 'mutation-1',
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'mutationId']],
  }),
  kind({
    kind: 'recordId not a uuid',
    send: sendEdit('recordId not a uuid', [[['goals'], 'x']], (m) => ({
      ...m,
      recordId: '../users',
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'recordId']],
  }),
  kind({
    kind: 'negative seq',
    send: sendEdit('negative seq', [[['goals'], 'x']], (m) => ({ ...m, seq: -1 })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'seq']],
  }),
  kind({
    kind: 'fractional seq',
    send: sendEdit('fractional seq', [[['goals'], 'x']], (m) => ({ ...m, seq: 1.5 })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'seq']],
  }),
  kind({
    kind: 'baseVersion as a string',
    send: sendEdit('baseVersion as a string', [[['goals'], 'x']], (m) => ({
      ...m,
      baseVersion: '1',
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'baseVersion']],
  }),
  kind({
    kind: 'createdAt not a timestamp',
    send: sendEdit('createdAt not a timestamp', [[['goals'], 'x']], (m) => ({
      ...m,
      createdAt: 'gestern',
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'createdAt']],
  }),
  kind({
    kind: 'changes not an array',
    send: sendEdit('changes not an array', [[['goals'], 'x']], (m) => ({
      ...m,
      changes: { goals: 'x' },
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes']],
  }),
  kind({
    kind: 'path with a dot',
    send: sendEdit('path with a dot', [[['members.memberCount'], 3]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes.0.path.0']],
  }),
  kind({
    kind: 'empty path segment',
    send: sendEdit('empty path segment', [[['members', ''], 3]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes.0.path.1']],
  }),
  kind({
    kind: 'empty path',
    send: sendEdit('empty path', [[[], { name: 'x' }]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes.0.path']],
  }),
  kind({
    kind: 'path too deep',
    send: sendEdit('path too deep', [[['needs', 'a', 'b', 'c', 'd'], 1]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes.0.path']],
  }),
  kind({
    kind: 'stamp longer than 200 characters',
    send: sendEdit('stamp longer than 200 characters', [[['goals'], 'x']], (m) => ({
      ...m,
      changes: m.changes.map((c) => ({ ...c, stamp: `${c.stamp}${'x'.repeat(200)}` })),
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_mutation', 'changes.0.stamp']],
  }),
  kind({
    kind: 'a mutation of another client',
    send: sendEdit('a mutation of another client', [[['goals'], 'x']], (m) => ({
      ...m,
      clientId: 'someone-else',
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'client_mismatch', 'clientId']],
  }),

  // Well-formed, but not acceptable.
  kind({
    kind: 'path through __proto__',
    send: sendEdit('path through __proto__', [[['__proto__', 'polluted'], true]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_path', '__proto__.polluted']],
  }),
  kind({
    kind: 'path through constructor',
    send: sendEdit('path through constructor', [[['constructor', 'prototype', 'polluted'], 1]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_path', 'constructor.prototype.polluted']],
  }),
  kind({
    kind: 'a change of the record id',
    send: sendEdit('a change of the record id', [[['id'], randomUUID()]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'forbidden_field', 'id']],
  }),
  kind({
    kind: 'stamp not a clock stamp',
    send: sendEdit('stamp not a clock stamp', [[['goals'], 'x']], (m) => ({
      ...m,
      changes: m.changes.map((c) => ({ ...c, stamp: '2026-03-10T09:00:00Z' })),
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'stamp_invalid']],
  }),
  kind({
    kind: 'stamp of another client',
    send: sendEdit('stamp of another client', [[['goals'], 'x']], (m) => ({
      ...m,
      changes: m.changes.map((c) => ({
        ...c,
        stamp: encodeHlc({ wall: T0, counter: 0, node: randomUUID() }),
      })),
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'stamp_invalid']],
  }),
  kind({
    kind: 'stamp far in the future',
    send: sendEdit('stamp far in the future', [[['goals'], 'x']], (m) => ({
      ...m,
      changes: m.changes.map((c) => ({
        ...c,
        stamp: encodeHlc({ wall: T0 + STAMP_FUTURE_LIMIT_MS + DAY, counter: 0, node: m.clientId }),
      })),
    })),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'stamp_in_future']],
  }),
  kind({
    kind: 'organisation name as a number',
    send: sendEdit('organisation name as a number', [[['name'], 42]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_record', 'name']],
  }),
  kind({
    kind: 'a value outside its enum',
    send: sendEdit('a value outside its enum', [[['status'], 'friends']]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_record', 'status']],
  }),
  kind({
    kind: 'a new record missing required fields',
    send: sendBatch('a new record missing required fields', (f) => [
      f.device.mutation('organisations', randomUUID(), null, [[['name'], 'Nur ein Name']]),
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_record']],
  }),
  kind({
    kind: "organisation 'excluded' without a reason",
    send: sendEdit("organisation 'excluded' without a reason", [
      [['status'], 'excluded'],
      [['statusReason'], ''],
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_record', 'statusReason']],
  }),
  kind({
    kind: 'a field the schema does not know',
    send: sendEdit('a field the schema does not know', [[['favouriteColour'], 'blau']]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'unknown_field', 'favouriteColour']],
  }),
  kind({
    kind: 'an unknown nested field',
    send: sendEdit('an unknown nested field', [[['members', 'shoeSize'], 44]]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'unknown_field', 'members.shoeSize']],
  }),
  kind({
    kind: 'text not in normal form',
    send: sendEdit('text not in normal form', [[['name'], '  Kulturverein  ']]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'invalid_record', 'name']],
  }),
  kind({
    kind: "a client editing a conflict's winner",
    send: sendBatch("a client editing a conflict's winner", (f) => [
      f.device.mutation('conflicts', f.conflictId, f.conflictVersion, [
        [['winner', 'value'], 'mine'],
      ]),
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'forbidden_field']],
  }),
  kind({
    kind: 'a client creating a conflict record',
    send: sendBatch('a client creating a conflict record', (f) => [
      f.device.mutation('conflicts', randomUUID(), null, [[['resolution'], 'open']]),
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[0, 'forbidden_field']],
  }),
  kind({
    kind: 'one good and one bad mutation',
    send: sendBatch('one good and one bad mutation', (f) => [
      f.device.newOrg(randomUUID(), 'Neuer Verein'),
      f.device.mutation('organisations', f.org, f.orgVersion, [[['foundingYear'], 1492]]),
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [[1, 'invalid_record', 'foundingYear']],
  }),
  kind({
    kind: 'bad mutations of different kinds around good ones',
    send: sendBatch('bad mutations of different kinds around good ones', (f) => [
      { ...f.device.mutation('organisations', f.org, f.orgVersion, [[['goals'], 'a']]), seq: -5 },
      f.device.mutation('organisations', f.org, f.orgVersion, [[['goals'], 'b']]),
      f.device.mutation('organisations', f.org, f.orgVersion, [[['name'], '']]),
      f.device.newOrg(randomUUID(), 'Noch ein Verein'),
    ]),
    status: 422,
    code: 'mutations_rejected',
    rejected: [
      [0, 'invalid_mutation', 'seq'],
      [2, 'invalid_record', 'name'],
    ],
  }),

  // Pull.
  ...(
    [
      ['limit 0', '?limit=0', /limit/],
      [`limit over ${PULL_MAX_LIMIT}`, `?limit=${PULL_MAX_LIMIT + 1}`, /limit/],
      ['empty limit', '?limit=', /limit/],
      ['negative since', '?since=-1', /since/],
      ['since not a number', '?since=abc', /since/],
      ['fractional since', '?since=1.5', /since/],
      ['since twice', '?since=1&since=2', /since/],
      ['an unknown query parameter', '?since=0&table=users', /unknown parameter "table"/],
    ] as const
  ).map(([name, query, message]) =>
    kind({
      kind: `pull with ${name}`,
      send: pullWith(query),
      status: 400,
      code: 'invalid_query',
      message,
    }),
  ),
];

describe('bad payloads', () => {
  const fixture = {} as Fixture;

  beforeAll(async () => {
    const server = await new TestServer().start();
    const [c1, c2, c3] = [new Device(server), new Device(server), new Device(server)];
    const org = randomUUID();
    await pushOk(server, c1.body([c1.newOrg(org, 'Kulturverein')]));
    await pushOk(
      server,
      c2.body([c2.mutation('organisations', org, 1, [[['name'], 'Kulturverein Mitte']])]),
    );
    const last = await pushOk(
      server,
      c3.body([
        c3.mutation('organisations', org, 1, [[['name'], 'Kulturverein Biebrich']], T0 + 1000),
      ]),
    );
    const changes = await server.pullAll();
    const conflict = changes.find((c) => c.table === 'conflicts');
    const orgRecord = changes.find((c) => c.id === org);
    if (!conflict || !orgRecord) throw new Error('fixture incomplete');
    Object.assign(fixture, {
      server,
      device: c1,
      org,
      orgVersion: orgRecord.version,
      conflictId: conflict.id,
      conflictVersion: conflict.version,
      epoch: last.epoch,
    });
  });

  afterAll(() => fixture.server.stop());

  it(`covers at least 20 distinct kinds (${badCases.length})`, () => {
    expect(new Set(badCases.map((c) => c.kind)).size).toBe(badCases.length);
    expect(badCases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(badCases)('$kind → $status $code, database unchanged', async (c) => {
    const { server } = fixture;
    const hash = server.fileHash();
    const dump = server.dump();

    const res = await c.send(fixture);

    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ code: string; message: string; rejected?: Rejection[] }>();
    expect(body.code).toBe(c.code);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeGreaterThan(10);
    if (c.message) expect(body.message).toMatch(c.message);
    if (c.rejected) {
      const sent = sentBatches.get(c.kind) as { mutationId: string }[];
      expect(body.rejected).toEqual(
        c.rejected.map(([index, code, path]) => ({
          mutationId: sent[index]?.mutationId,
          code,
          message: expect.stringMatching(/.{10,}/) as unknown,
          path: path ?? (expect.any(String) as unknown),
        })),
      );
    } else {
      expect(body.rejected).toBeUndefined();
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(server.dump()).toEqual(dump);
    expect(server.fileHash()).toBe(hash);
  });

  it('still takes a normal push and pull afterwards', async () => {
    const { server, device, org, orgVersion, epoch } = fixture;
    const fresh = randomUUID();
    const res = await pushOk(
      server,
      device.body(
        [
          device.newOrg(fresh, 'Frauentreff'),
          device.mutation('organisations', org, orgVersion, [[['goals'], 'Sprachcafé']]),
        ],
        epoch,
      ),
    );
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const changes = await server.pullAll(2);
    expect(changes.find((c) => c.id === fresh)?.data.name).toBe('Frauentreff');
    expect(changes.find((c) => c.id === org)?.data.goals).toBe('Sprachcafé');
    // Nothing of the refused batches got in: 2 organisations, 1 conflict.
    expect(changes.map((c) => c.table).sort()).toEqual([
      'conflicts',
      'organisations',
      'organisations',
    ]);
  });
});

describe('random input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await new TestServer().start();
  });
  afterAll(() => server.stop());

  it('never makes the server fail: every answer is 200 or a 4xx with a code and a message', async () => {
    const device = new Device(server);
    const org = randomUUID();
    await pushOk(server, device.body([device.newOrg(org, 'Kulturverein')]));
    const json = fc.jsonValue({ maxDepth: 3 });
    /** Mostly a valid value, sometimes any JSON at all. */
    const field = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: json });
    const segment = fc.constantFrom(
      'name',
      'members',
      'memberCount',
      'needs',
      'findingRooms',
      'state',
      'status',
      'statusReason',
      'cooperations',
      'id',
      'deleted',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'a.b',
      '',
    );
    const stamp = fc
      .integer({ min: 0, max: 20 * DAY })
      .map((ms) => encodeHlc({ wall: T0 - 10 * DAY + ms, counter: 0, node: device.clientId }));
    const change = fc.record({
      path: field(
        fc.oneof(
          fc.constantFrom(['name'], ['goals'], ['members', 'memberCount'], ['status'], ['deleted']),
          fc.array(segment, { minLength: 1, maxLength: 5 }),
        ),
      ),
      value: fc.oneof(json, fc.constantFrom('Verein', 3, null, true, {}, [], 'excluded')),
      stamp: field(stamp),
    });
    const mutation = fc.record({
      mutationId: field(fc.uuid()),
      clientId: field(fc.constant(device.clientId)),
      seq: field(fc.nat()),
      table: field(fc.constantFrom('organisations', 'contacts', 'visits', 'conflicts', 'users')),
      recordId: field(fc.constantFrom(org, randomUUID())),
      baseVersion: field(fc.option(fc.nat({ max: 5 }))),
      changes: field(fc.array(change, { maxLength: 4 })),
      createdAt: field(fc.constant(new Date(T0).toISOString())),
    });
    const body = fc.record({
      clientId: field(fc.constant(device.clientId)),
      epoch: field(fc.constant(null)),
      clientTime: field(fc.constant(new Date(T0).toISOString())),
      mutations: field(fc.array(mutation, { maxLength: 4 })),
    });
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const res = await server.push(sent);
        expect(res.statusCode === 200 || (res.statusCode >= 400 && res.statusCode < 500)).toBe(
          true,
        );
        const answer = res.json<{ code?: string; message?: string; rejected?: Rejection[] }>();
        if (res.statusCode !== 200) {
          expect(answer.code).toMatch(/^[a-z_]+$/);
          expect(answer.message?.length).toBeGreaterThan(10);
        }
        if (res.statusCode === 422) {
          const ids = (sent.mutations as { mutationId: unknown }[]).map((m) => m.mutationId);
          expect(answer.rejected?.length).toBeGreaterThan(0);
          for (const r of answer.rejected ?? []) expect(ids).toContain(r.mutationId);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 300 },
    );
    // Whatever was applied is valid: every record passes its schema.
    for (const c of await server.pullAll()) {
      expect(recordSchemas[c.table].safeParse(c.data).success, JSON.stringify(c)).toBe(true);
    }
  }, 60_000);
});
