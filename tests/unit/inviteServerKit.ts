import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { CreateInvitationResponse } from '../../src/domain/invitation';
import { newOrganisation } from '../../src/domain/organisation';
import { allFields } from '../../src/domain/sync/fieldChanges';
import { encodeHlc, type Hlc, initialHlc, tick } from '../../src/domain/sync/hlc';
import type { Mutation, SyncTable } from '../../src/domain/sync/mutation';
import type { PullResponse, PushRequest } from '../../src/domain/sync/protocol';
import type { AccountStore } from '../../src/server/auth/accountStore';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import { databasePath, openDatabase, type SqliteDatabase } from '../../src/server/db/openDatabase';

/**
 * The real server on a temporary SQLite file for the invitation and self-report tests, with a
 * clock that moves only when told to and the list of every route it registered.
 */

export const T0 = Date.parse('2026-03-10T09:00:00Z');
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

export interface RouteInfo {
  method: string;
  url: string;
  allowInvitationToken: boolean;
}

export class InviteServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'bruecke-invite-'));
  readonly file = databasePath(this.dir);
  nowMs = T0;
  readonly now = () => new Date(this.nowMs);
  db!: SqliteDatabase;
  accounts!: AccountStore;
  app!: FastifyInstance;
  /** A coordinator's session token. */
  token = '';
  userId = '';
  readonly routes: RouteInfo[] = [];

  async start(): Promise<this> {
    this.db = openDatabase(this.file, { now: this.now });
    this.accounts = createSqliteAccountStore(this.db, { now: this.now });
    this.app = createServer({ staticDir: this.dir, db: this.db, now: this.now });
    // Plugins load on ready(), so this hook sees every route, whichever plugin adds it.
    this.app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        this.routes.push({
          method,
          url: route.url,
          allowInvitationToken: route.config?.allowInvitationToken === true,
        });
      }
    });
    await this.app.ready();
    const user = this.accounts.createUser({
      login: 'anna',
      displayName: 'Anna Schmidt',
      passwordHash: 'scrypt$unused',
    });
    this.userId = user.id;
    this.token = this.accounts.createSession(user.id, 30 * DAY);
    return this;
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A request with `Authorization: Bearer <bearer>` (the coordinator's session by default). */
  inject(options: InjectOptions & { bearer?: string | null }): Promise<LightMyRequestResponse> {
    const { bearer = this.token, headers = {}, ...rest } = options;
    return this.app.inject({
      ...rest,
      headers: bearer === null ? headers : { ...headers, authorization: `Bearer ${bearer}` },
    });
  }

  postJson(url: string, body: unknown, bearer?: string | null): Promise<LightMyRequestResponse> {
    return this.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
      bearer,
    });
  }

  /** POST /api/invitations as the coordinator; expects 201. */
  async invite(organisationId: string, validDays?: number): Promise<CreateInvitationResponse> {
    const res = await this.postJson('/api/invitations', { organisationId, validDays });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<CreateInvitationResponse>();
  }

  view(bearer: string | null): Promise<LightMyRequestResponse> {
    return this.inject({ method: 'GET', url: '/api/self-report', bearer });
  }

  submit(bearer: string | null, body: unknown): Promise<LightMyRequestResponse> {
    return this.postJson('/api/self-report', body, bearer);
  }

  push(body: PushRequest): Promise<LightMyRequestResponse> {
    return this.postJson('/api/sync/push', body);
  }

  /** Every record the coordinator pulls from the start. */
  async pullAll(): Promise<PullResponse['changes']> {
    const out: PullResponse['changes'] = [];
    let since = 0;
    for (;;) {
      const res = await this.inject({ method: 'GET', url: `/api/sync/pull?since=${since}` });
      expect(res.statusCode, res.body).toBe(200);
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

  /** Every row of every table: readable when the file hash differs. */
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

/** A coordinator's device: its own client id, clock and mutation counter. */
export class Device {
  private clock: Hlc;
  seq = 0;
  constructor(
    private readonly server: InviteServer,
    readonly clientId = randomUUID(),
  ) {
    this.clock = initialHlc(clientId);
  }

  mutation(
    table: SyncTable,
    recordId: string,
    baseVersion: number | null,
    changes: [string[], unknown][],
  ): Mutation {
    this.clock = tick(this.clock, this.server.nowMs);
    const stamp = encodeHlc(this.clock);
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

  body(mutations: Mutation[]): PushRequest {
    return {
      clientId: this.clientId,
      epoch: null,
      clientTime: this.server.now().toISOString(),
      mutations,
    };
  }

  /** Pushes a complete new organisation; returns its id. */
  async createOrganisation(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const id = randomUUID();
    const org = { ...newOrganisation(id, this.server.now().toISOString()), name, ...extra };
    const m = this.mutation(
      'organisations',
      id,
      null,
      allFields(org).map((c) => [c.path, c.value]),
    );
    const res = await this.server.push(this.body([m]));
    expect(res.statusCode, res.body).toBe(200);
    return id;
  }
}
