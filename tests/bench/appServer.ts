/**
 * The real Brücke server (Fastify + SQLite file in WAL mode, static files with the production
 * cache and compression headers) over a built app, listening on 127.0.0.1 on a free port, with one
 * coordinator account: what the browser benchmarks measure against.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type ScryptParams } from '../../src/server/auth/password';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import { openDatabase, type SqliteDatabase } from '../../src/server/db/openDatabase';

/** Cheap scrypt cost, for the benchmark's own account only (as in the e2e setup). */
const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export interface AppServer {
  baseUrl: string;
  login: string;
  password: string;
  /** A session token of the coordinator for `Authorization: Bearer` (seeding, invitations). */
  token: string;
  db: SqliteDatabase;
  stop(): Promise<void>;
}

export async function startAppServer(staticDir: string): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bruecke-browser-bench-data-'));
  const db = openDatabase(join(dataDir, 'bruecke.sqlite'));
  const accounts = createSqliteAccountStore(db);
  const login = 'bench-koordination';
  const password = 'bench-koordination-passwort';
  const user = accounts.createUser({
    login,
    displayName: 'Benchmark Koordination',
    passwordHash: await hashPassword(password, CHEAP_SCRYPT),
  });
  const token = accounts.createSession(user.id, 24 * 3600 * 1000);
  const app = createServer({ staticDir, db, accounts, passwordParams: CHEAP_SCRYPT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    login,
    password,
    token,
    db,
    stop: async () => {
      await app.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
