import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  runAccountCommand,
} from '../../src/server/auth/accountCommands';
import type { AccountStore } from '../../src/server/auth/accountStore';
import { verifyPassword } from '../../src/server/auth/password';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { databasePath, openDatabase, type SqliteDatabase } from '../../src/server/db/openDatabase';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

let dir: string;
let db: SqliteDatabase;
let accounts: AccountStore;
let out: string[];
let err: string[];

function run(args: string[], password = 'ein-gutes-passwort') {
  return runAccountCommand(args, {
    accounts,
    readPassword: () => Promise.resolve(password),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    passwordParams: CHEAP,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bruecke-cli-'));
  db = openDatabase(databasePath(dir));
  accounts = createSqliteAccountStore(db, { now: () => new Date('2026-03-10T09:00:00Z') });
  out = [];
  err = [];
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('accounts CLI', () => {
  it('creates an account with a hashed password', async () => {
    expect(await run(['create', 'anna', 'Anna Schmidt'])).toBe(EXIT_OK);
    expect(out.join('\n')).toContain('"anna"');
    const user = accounts.findByLogin('anna');
    expect(user?.displayName).toBe('Anna Schmidt');
    expect(await verifyPassword('ein-gutes-passwort', user?.passwordHash ?? '')).toBe(true);
  });

  it('refuses short passwords, bad logins and taken logins', async () => {
    expect(await run(['create', 'anna', 'Anna'], 'kurz')).toBe(EXIT_FAILED);
    expect(err.join('\n')).toMatch(/at least 10/);
    expect(await run(['create', 'an na', 'Anna'])).toBe(EXIT_FAILED);
    expect(await run(['create', 'anna', '   '])).toBe(EXIT_FAILED);
    expect(accounts.listUsers()).toEqual([]);
    expect(await run(['create', 'anna', 'Anna'])).toBe(EXIT_OK);
    expect(await run(['create', 'ANNA', 'Other'])).toBe(EXIT_FAILED);
    expect(err.at(-1)).toMatch(/already taken/);
  });

  it('disables (ending sessions), enables and lists accounts', async () => {
    await run(['create', 'anna', 'Anna']);
    const user = accounts.findByLogin('anna');
    if (!user) throw new Error('missing');
    const token = accounts.createSession(user.id, 60_000);
    expect(await run(['disable', 'anna'])).toBe(EXIT_OK);
    expect(out.at(-1)).toMatch(/ended 1 session\./);
    expect(accounts.findByLogin('anna')?.disabled).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
    expect(accounts.findSession(token, new Date('2026-03-10T09:00:01Z'))).toBeNull();

    out = [];
    expect(await run(['list'])).toBe(EXIT_OK);
    expect(out[0]).toMatch(/^LOGIN\s+DISPLAY NAME\s+STATUS\s+CREATED$/);
    expect(out[1]).toMatch(/^anna\s+Anna\s+disabled\s+2026-03-10$/);

    expect(await run(['enable', 'anna'])).toBe(EXIT_OK);
    expect(accounts.findByLogin('anna')?.disabled).toBe(false);
  });

  it('sets a new password and ends the sessions', async () => {
    await run(['create', 'anna', 'Anna']);
    const user = accounts.findByLogin('anna');
    if (!user) throw new Error('missing');
    accounts.createSession(user.id, 60_000);
    expect(await run(['set-password', 'anna'], 'ein-neues-passwort')).toBe(EXIT_OK);
    const hash = accounts.findByLogin('anna')?.passwordHash ?? '';
    expect(await verifyPassword('ein-neues-passwort', hash)).toBe(true);
    expect(await verifyPassword('ein-gutes-passwort', hash)).toBe(false);
    expect(db.prepare('SELECT COUNT(*) FROM sessions').pluck().get()).toBe(0);
  });

  it('reports unknown accounts and wrong usage with distinct exit codes', async () => {
    expect(await run(['disable', 'niemand'])).toBe(EXIT_FAILED);
    expect(err.at(-1)).toMatch(/no account "niemand"/);
    expect(await run(['set-password', 'niemand'])).toBe(EXIT_FAILED);
    expect(await run([])).toBe(EXIT_USAGE);
    expect(await run(['frobnicate'])).toBe(EXIT_USAGE);
    expect(err.at(-1)).toMatch(/Unknown command "frobnicate"/);
    expect(await run(['create', 'anna'])).toBe(EXIT_USAGE);
    expect(await run(['list', 'extra'])).toBe(EXIT_USAGE);
    expect(await run(['help'])).toBe(EXIT_OK);
  });

  it('says so when there are no accounts', async () => {
    expect(await run(['list'])).toBe(EXIT_OK);
    expect(out).toEqual(['No accounts yet.']);
  });

  it('cancels when reading the password fails', async () => {
    const code = await runAccountCommand(['create', 'anna', 'Anna'], {
      accounts,
      readPassword: () => Promise.reject(new Error('Cancelled.')),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      passwordParams: CHEAP,
    });
    expect(code).toBe(EXIT_FAILED);
    expect(err.at(-1)).toBe('Error: Cancelled.');
    expect(accounts.listUsers()).toEqual([]);
  });
});
