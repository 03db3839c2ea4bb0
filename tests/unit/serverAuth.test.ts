import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../../src/server/auth/accountStore';
import { hashPassword, PRODUCTION_SCRYPT, verifyPassword } from '../../src/server/auth/password';
import { requirePrincipal } from '../../src/server/auth/requirePrincipal';
import { seedDemoCoordinator } from '../../src/server/auth/seedDemoAccount';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import type { Migration } from '../../src/server/db/migrations';
import { migrations } from '../../src/server/db/migrations';
import {
  databasePath,
  openDatabase,
  runMigrations,
  type SqliteDatabase,
} from '../../src/server/db/openDatabase';

/** Cheap scrypt for tests; production uses N = 2^15. */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'richtig-geheim-123';
const TTL_MS = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

let dir: string;
let db: SqliteDatabase;
let accounts: AccountStore;
let app: FastifyInstance;
let nowMs: number;
const now = () => new Date(nowMs);
const advance = (ms: number) => {
  nowMs += ms;
};

async function addUser(login: string, displayName = `User ${login}`, password = PASSWORD) {
  return accounts.createUser({
    login,
    displayName,
    passwordHash: await hashPassword(password, CHEAP),
  });
}

function login(body: unknown, remoteAddress = '192.0.2.1') {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: body as object,
    remoteAddress,
  });
}

function me(token?: string, how: 'cookie' | 'bearer' = 'cookie') {
  const headers: Record<string, string> = {};
  if (token !== undefined && how === 'bearer') headers.authorization = `Bearer ${token}`;
  return app.inject({
    method: 'GET',
    url: '/api/auth/me',
    headers,
    ...(token !== undefined && how === 'cookie' ? { cookies: { bruecke_session: token } } : {}),
  });
}

function sessionCookieOf(res: Awaited<ReturnType<typeof login>>) {
  const cookie = res.cookies.find((c) => c.name === 'bruecke_session');
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bruecke-auth-'));
  nowMs = Date.parse('2026-03-10T09:00:00Z');
  db = openDatabase(databasePath(dir), { now });
  accounts = createSqliteAccountStore(db, { now });
  app = createServer({
    staticDir: dir,
    db,
    accounts,
    now,
    sessionTtlMs: TTL_MS,
    passwordParams: CHEAP,
  });
  app.get(
    '/api/test/accounts',
    { preHandler: requirePrincipal({ type: 'accounts.manage' }) },
    (r) => ({
      principal: r.principal,
    }),
  );
  await app.ready();
});

afterEach(async () => {
  await app.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('login', () => {
  it('sets an httpOnly SameSite=Strict session cookie that /api/auth/me accepts', async () => {
    const user = await addUser('koordination', 'Demo-Koordination');
    const res = await login({ login: 'koordination', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      user: { id: user.id, login: 'koordination', displayName: 'Demo-Koordination' },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^bruecke_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${TTL_MS / 1000}`);
    expect(setCookie).not.toContain('Secure');

    const cookie = sessionCookieOf(res);
    const meRes = await me(cookie.value);
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json()).toEqual({
      user: { id: user.id, login: 'koordination', displayName: 'Demo-Koordination' },
    });
    expect((await me(cookie.value, 'bearer')).statusCode).toBe(200);
  });

  it('accepts the login in any letter case', async () => {
    await addUser('koordination');
    const res = await login({ login: 'Koordination', password: PASSWORD });
    expect(res.statusCode).toBe(200);
  });

  it('stores only the SHA-256 of the session token', async () => {
    await addUser('anna');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    const hashes = db.prepare('SELECT token_hash FROM sessions').pluck().all();
    expect(hashes).toEqual([createHash('sha256').update(token).digest('base64url')]);
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);
  });

  it('marks the cookie Secure when configured', async () => {
    const secure = createServer({
      staticDir: dir,
      db,
      accounts,
      now,
      passwordParams: CHEAP,
      secureCookies: true,
    });
    try {
      await addUser('anna');
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'anna', password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password, an unknown login and a disabled account the same: 401', async () => {
    await addUser('anna');
    const disabled = await addUser('bert');
    accounts.setDisabled(disabled.id, true);
    const answers = [
      await login({ login: 'anna', password: 'falsches-passwort' }),
      await login({ login: 'niemand', password: PASSWORD }),
      await login({ login: 'bert', password: PASSWORD }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.json()).toEqual({
        code: 'invalid_credentials',
        message: 'Wrong login or password.',
      });
    }
  });

  it.each([
    [{ login: 'anna' }],
    [{ password: PASSWORD }],
    [{ login: 'anna', password: PASSWORD, admin: true }],
    [{ login: 'a'.repeat(201), password: PASSWORD }],
    [{ login: '', password: PASSWORD }],
    [{ login: 'anna', password: 'x'.repeat(1025) }],
    [{ login: { $ne: null }, password: PASSWORD }],
  ])('rejects the malformed body %j with 400', async (body) => {
    await addUser('anna');
    const res = await login(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'bad_request' });
  });

  it('accepts only JSON (a cross-site form cannot post to it)', async () => {
    await addUser('anna');
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': contentType },
        payload: `{"login":"anna","password":"${PASSWORD}"}`,
      });
      // text/plain is parsed as a string and fails the schema; the others have no parser.
      expect(res.statusCode).toBe(contentType === 'text/plain' ? 400 : 415);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('replaces the session the browser already had', async () => {
    await addUser('anna');
    const first = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'anna', password: PASSWORD },
      cookies: { bruecke_session: first },
    });
    expect(second.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(sessionCookieOf(second).value)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('stop working when the account is disabled, and work again when enabled', async () => {
    const user = await addUser('anna');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    accounts.setDisabled(user.id, true);
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    accounts.setDisabled(user.id, false);
    expect((await me(token)).statusCode).toBe(200);
  });

  it('expire after the TTL of the injected clock', async () => {
    await addUser('anna');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    advance(TTL_MS - 1000);
    expect((await me(token)).statusCode).toBe(200);
    const lastSeen = db.prepare('SELECT last_seen_at FROM sessions').pluck().get();
    expect(lastSeen).toBe(now().toISOString());
    advance(1000);
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('record when they were last used, rewritten at most once a minute', async () => {
    await addUser('anna');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    const lastSeen = () => db.prepare('SELECT last_seen_at FROM sessions').pluck().get();
    const loggedIn = now().toISOString();
    advance(MINUTE - 1);
    expect((await me(token)).statusCode).toBe(200);
    expect(lastSeen()).toBe(loggedIn);
    advance(1);
    expect((await me(token)).statusCode).toBe(200);
    expect(lastSeen()).toBe(now().toISOString());
    // A clock that went back is recorded too.
    advance(-5 * MINUTE);
    expect((await me(token)).statusCode).toBe(200);
    expect(lastSeen()).toBe(now().toISOString());
  });

  it.each([
    ['a random well-formed token', randomBytes(32).toString('base64url')],
    ['garbage', 'not-a-token'],
    ['an empty value', ''],
    ['a very long value', 'x'.repeat(4000)],
  ])('reject a forged cookie: %s', async (_label, token) => {
    await addUser('anna');
    await login({ login: 'anna', password: PASSWORD });
    const res = await me(token);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    const bearer = await me(token, 'bearer');
    expect(bearer.statusCode).toBe(401);
  });

  it('do not accept the stored hash as a token', async () => {
    await addUser('anna');
    await login({ login: 'anna', password: PASSWORD });
    const hash = db.prepare('SELECT token_hash FROM sessions').pluck().get() as string;
    expect((await me(hash)).statusCode).toBe(401);
  });

  it('answer 401 without any credential', async () => {
    const res = await me();
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      code: 'unauthenticated',
      message: 'Not logged in, or the session has expired.',
    });
  });

  it('end with logout, which clears the cookie', async () => {
    await addUser('anna');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { bruecke_session: token },
    });
    expect(res.statusCode).toBe(204);
    const cleared = sessionCookieOf(res);
    expect(cleared.value).toBe('');
    expect(String(res.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    expect((await me(token)).statusCode).toBe(401);
    // Logging out again is harmless.
    const again = await app.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(again.statusCode).toBe(204);
  });

  it('let requirePrincipal(action) pass a coordinator and set request.principal', async () => {
    const user = await addUser('anna', 'Anna A.');
    const token = sessionCookieOf(await login({ login: 'anna', password: PASSWORD })).value;
    const res = await app.inject({
      method: 'GET',
      url: '/api/test/accounts',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      principal: { kind: 'coordinator', userId: user.id, login: 'anna', displayName: 'Anna A.' },
    });
    const anonymous = await app.inject({ method: 'GET', url: '/api/test/accounts' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('the session question on start', () => {
  function session(cookie?: string) {
    return app.inject({
      method: 'GET',
      url: '/api/auth/session',
      ...(cookie !== undefined ? { cookies: { bruecke_session: cookie } } : {}),
    });
  }

  it('answers "nobody" as a normal answer, not an error, when no one is logged in', async () => {
    const res = await session();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ user: null });
  });

  it('names the coordinator of a valid session', async () => {
    const user = await addUser('koordination', 'Demo-Koordination');
    const cookie = sessionCookieOf(await login({ login: 'koordination', password: PASSWORD }));
    const res = await session(cookie.value);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: user.id, login: 'koordination', displayName: 'Demo-Koordination' },
    });
  });

  it('answers "nobody" for an expired session and clears its cookie', async () => {
    await addUser('anna');
    const cookie = sessionCookieOf(await login({ login: 'anna', password: PASSWORD }));
    advance(TTL_MS + MINUTE);
    const res = await session(cookie.value);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
    expect(String(res.headers['set-cookie'])).toMatch(/^bruecke_session=;/);
  });
});

describe('login throttling', () => {
  it('answers the 6th failed attempt for one login with 429 and Retry-After', async () => {
    await addUser('anna');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const res = await login({ login: 'anna', password: `falsch-${attempt}` });
      expect(res.statusCode).toBe(401);
      advance(MINUTE);
    }
    const blocked = await login({ login: 'ANNA', password: PASSWORD }, '198.51.100.7');
    expect(blocked.statusCode).toBe(429);
    const body = blocked.json<{ code: string; message: string; retryAfterSeconds: number }>();
    expect(body.code).toBe('rate_limited');
    expect(typeof body.message).toBe('string');
    // The first failure was 5 minutes ago; it leaves the 15-minute window in 10 minutes.
    expect(body.retryAfterSeconds).toBe(10 * 60);
    expect(blocked.headers['retry-after']).toBe(String(10 * 60));

    advance(10 * 60 * 1000);
    expect((await login({ login: 'anna', password: PASSWORD })).statusCode).toBe(200);
  });

  it('resets the count for a login after a success', async () => {
    await addUser('anna');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await login({ login: 'anna', password: 'falsch-falsch' })).statusCode).toBe(401);
    }
    expect((await login({ login: 'anna', password: PASSWORD })).statusCode).toBe(200);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login({ login: 'anna', password: 'falsch-falsch' })).statusCode).toBe(401);
    }
    expect((await login({ login: 'anna', password: PASSWORD })).statusCode).toBe(429);
  });

  it('limits failed attempts from one address across logins', async () => {
    await addUser('anna');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const res = await login(
        { login: `user${attempt}`, password: 'falsch-falsch' },
        '203.0.113.5',
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await login({ login: 'anna', password: PASSWORD }, '203.0.113.5');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);
    // Another address is not affected.
    expect((await login({ login: 'anna', password: PASSWORD }, '203.0.113.6')).statusCode).toBe(
      200,
    );
  });

  it('cannot be bypassed with parallel attempts', async () => {
    await addUser('anna');
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => login({ login: 'anna', password: 'falsch-falsch' })),
    );
    const codes = answers.map((res) => res.statusCode).sort();
    expect(codes.filter((code) => code === 401)).toHaveLength(5);
    expect(codes.filter((code) => code === 429)).toHaveLength(7);
  });
});

describe('database', () => {
  it('runs the migrations twice on the same file and keeps data across restarts', async () => {
    const path = join(dir, 'restart', 'bruecke.sqlite');
    const first = openDatabase(path);
    const store = createSqliteAccountStore(first, { now });
    const user = store.createUser({
      login: 'anna',
      displayName: 'Anna',
      passwordHash: await hashPassword(PASSWORD, CHEAP),
    });
    const token = store.createSession(user.id, TTL_MS);
    expect(runMigrations(first, migrations)).toEqual([]);
    first.close();

    const second = openDatabase(path);
    try {
      expect(second.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(second.pragma('foreign_keys', { simple: true })).toBe(1);
      const versions = second.prepare('SELECT version, name FROM schema_migrations').all();
      expect(versions).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      const reopened = createSqliteAccountStore(second, { now });
      expect(reopened.findByLogin('ANNA')?.id).toBe(user.id);
      expect(reopened.findSession(token, now())?.id).toBe(user.id);
    } finally {
      second.close();
    }
  });

  it('applies only new migrations of an extended list, each once', () => {
    const path = join(dir, 'extend.sqlite');
    openDatabase(path).close();
    const extra: Migration = {
      version: migrations.length + 1,
      name: 'test_table',
      up: (database) => database.exec('CREATE TABLE test_table (id TEXT PRIMARY KEY) STRICT'),
    };
    const extended = openDatabase(path, { migrations: [...migrations, extra] });
    try {
      expect(runMigrations(extended, [...migrations, extra])).toEqual([]);
      const rows = extended.prepare('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.pluck().all()).toEqual([...migrations.map((m) => m.version), extra.version]);
    } finally {
      extended.close();
    }
    // A server that does not know the newest migration refuses the newer database.
    expect(() => openDatabase(path)).toThrow(/newer version/);
  });

  it('rolls a failing migration back completely', () => {
    const path = join(dir, 'failing.sqlite');
    const failing: Migration = {
      version: migrations.length + 1,
      name: 'fails_halfway',
      up: (database) => {
        database.exec('CREATE TABLE half (id TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(path, { migrations: [...migrations, failing] })).toThrow('boom');
    const reopened = openDatabase(path);
    try {
      const tables = reopened.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all();
      expect(tables).toEqual([]);
      expect(reopened.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(
        migrations.length,
      );
    } finally {
      reopened.close();
    }
  });

  it('refuses a migration list out of order', () => {
    const mem = openDatabase(':memory:');
    try {
      const noop = () => undefined;
      expect(() =>
        runMigrations(mem, [
          { version: 2, name: 'b', up: noop },
          { version: 2, name: 'c', up: noop },
        ]),
      ).toThrow(/ascending/);
    } finally {
      mem.close();
    }
  });

  it('cascades sessions when a user row is deleted', async () => {
    const user = await addUser('anna');
    accounts.createSession(user.id, TTL_MS);
    db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('keeps logins unique regardless of letter case', async () => {
    await addUser('anna');
    await expect(addUser('ANNA')).rejects.toThrow(/already taken/);
  });
});

describe('passwords', () => {
  it('are stored as salted scrypt hashes that verify correctly', async () => {
    const hash = await hashPassword(PASSWORD, CHEAP);
    expect(hash).not.toContain(PASSWORD);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
    expect(await hashPassword(PASSWORD, CHEAP)).not.toBe(hash);
  });

  it('use N = 2^15, r = 8, p = 1 by default', async () => {
    expect(PRODUCTION_SCRYPT).toEqual({ N: 32768, r: 8, p: 1 });
    const hash = await hashPassword('Grüße aus Köln');
    expect(hash.startsWith('scrypt$32768$8$1$')).toBe(true);
    // NFC and NFD spellings of the same text match.
    expect(await verifyPassword('Grüße aus Köln'.normalize('NFD'), hash)).toBe(true);
  });

  it('never match a malformed or hostile hash', async () => {
    for (const bad of [
      '',
      PASSWORD,
      'scrypt$1024$8$1$c2FsdA==',
      'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
      'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
      'bcrypt$1024$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5',
    ]) {
      expect(await verifyPassword(PASSWORD, bad)).toBe(false);
    }
  });

  it('are what the user row holds, never the password itself', async () => {
    await addUser('anna');
    const stored = db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(stored).not.toBe(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
  });
});

describe('demo coordinator', () => {
  it('is seeded on first run only', async () => {
    const demo = await seedDemoCoordinator(accounts, 'bruecke-demo', CHEAP);
    expect(demo).toMatchObject({ login: 'koordination', displayName: 'Demo-Koordination' });
    expect(await seedDemoCoordinator(accounts, 'bruecke-demo', CHEAP)).toBeNull();
    expect(accounts.listUsers()).toHaveLength(1);
    const res = await login({ login: 'koordination', password: 'bruecke-demo' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a too short demo password', async () => {
    await expect(seedDemoCoordinator(accounts, 'kurz', CHEAP)).rejects.toThrow(/at least 10/);
  });
});
