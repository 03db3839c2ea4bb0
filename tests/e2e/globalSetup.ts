import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hashPassword } from '../../src/server/auth/password';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import { databasePath, openDatabase } from '../../src/server/db/openDatabase';

export interface E2eAccount {
  login: string;
  password: string;
  displayName: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:41234` (no trailing slash): the real server with the built app. */
    baseUrl: string;
    /** Two coordinator accounts on that server. */
    accounts: E2eAccount[];
  }
}

/**
 * Starts the real server (SQLite file in a temporary data directory) on a free port for the
 * e2e tests, with two coordinator accounts; `inject('baseUrl')`, `inject('accounts')` in tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const staticDir = resolve(import.meta.dirname, '..', '..', 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(
      `${staticDir}/index.html is missing: build first (\`npm run test:e2e\` runs \`npm run build\`).`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bruecke-e2e-'));
  const db = openDatabase(databasePath(dataDir));
  const store = createSqliteAccountStore(db);
  const accounts: E2eAccount[] = [
    { login: 'anna', password: 'anna-e2e-passwort', displayName: 'Anna Koordination' },
    { login: 'ben', password: 'ben-e2e-passwort', displayName: 'Ben Koordination' },
  ];
  for (const a of accounts) {
    // Cheap scrypt cost for test accounts only; the stored hash carries its parameters.
    const passwordHash = await hashPassword(a.password, { N: 2 ** 10, r: 8, p: 1 });
    store.createUser({ login: a.login, displayName: a.displayName, passwordHash });
  }
  const app = createServer({ staticDir, db, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address.replace(/\/$/, ''));
  project.provide('accounts', accounts);
  return async () => {
    await app.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
