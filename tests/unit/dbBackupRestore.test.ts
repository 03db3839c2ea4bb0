import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Organisation } from '../../src/domain/organisation';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import {
  DB_EXIT_FAILED,
  DB_EXIT_OK,
  DB_EXIT_USAGE,
  runDbCommand,
} from '../../src/server/db/dbCommands';
import { syncOnce } from '../../src/sync/syncOnce';
import { readSyncState } from '../../src/sync/syncState';
import { FaultyNetwork } from '../sync/harness/faultyNetwork';
import { expectConverged } from '../sync/harness/invariants';
import { idSource, SimClient } from '../sync/harness/simClient';
import { SimServer } from '../sync/harness/simServer';

let clock = Date.UTC(2026, 2, 10, 9, 0, 0);
let server: SimServer;
let net: FaultyNetwork;
let clients: SimClient[] = [];
let backups: string;
let out: string[];
let err: string[];
/** What each device sent and got back: `a POST /api/sync/push?… 409`. */
let traffic: string[] = [];

const db = (args: string[]) =>
  runDbCommand(args, {
    dataDir: server.dir,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    now: () => new Date(clock),
  });

function device(name: string): SimClient {
  const client = new SimClient(
    `${name}-${randomUUID()}`,
    () => clock,
    0,
    idSource(clients.length + 11),
    async (url, init) => {
      const res = await net.fetch(url, init);
      traffic.push(
        `${name} ${init?.method ?? 'GET'} ${url.replace(/^https?:\/\/[^/]+/, '')} ${res.status}`,
      );
      return res;
    },
  );
  clients.push(client);
  return client;
}

async function serverEpoch(): Promise<string> {
  const res = await server.app.inject({
    method: 'GET',
    url: '/api/sync/pull?limit=1',
    headers: { authorization: `Bearer ${server.token}` },
  });
  return res.json<{ epoch: string }>().epoch;
}

async function edit(
  client: SimClient,
  id: string,
  change: (org: Organisation) => Organisation,
): Promise<void> {
  const org = await client.db.organisations.get(id);
  if (!org) throw new Error(`${client.name} has no organisation ${id}`);
  clock += 60_000;
  await updateOrganisation(client.deps, org, change(org));
}

/** The server process stops, the database is restored from `file`, the server starts again. */
async function restoreWhileStopped(file: string): Promise<void> {
  await server.app.close();
  server.db.close();
  expect(await db(['restore', file]), err.join('\n')).toBe(DB_EXIT_OK);
  await server.start();
}

beforeEach(async () => {
  server = new SimServer(() => new Date(clock));
  await server.start();
  net = new FaultyNetwork(server);
  backups = mkdtempSync(join(tmpdir(), 'bruecke-backups-'));
  out = [];
  err = [];
  traffic = [];
});

afterEach(async () => {
  for (const c of clients) c.db.close();
  clients = [];
  await server.stop();
  rmSync(backups, { recursive: true, force: true });
});

describe('npm run db -- backup / restore', () => {
  it('restores a backup with a new epoch; devices resync from scratch and re-send pending edits', async () => {
    const a = device('a');
    const b = device('b');
    const org = await createOrganisation(a.deps, { name: 'Kulturverein' });
    await syncOnce(a.deps, a.api);
    await syncOnce(b.deps, b.api);
    const epochBefore = await serverEpoch();
    expect((await readSyncState(a.db)).epoch).toBe(epochBefore);

    // Online backup while the server runs.
    const file = join(backups, 'bruecke-backup.sqlite');
    expect(await db(['backup', file]), err.join('\n')).toBe(DB_EXIT_OK);
    expect(existsSync(file)).toBe(true);

    // More changes reach the server after the backup.
    await edit(a, org.id, (o) => ({ ...o, name: 'Kulturverein Mitte' }));
    await syncOnce(a.deps, a.api);
    await syncOnce(b.deps, b.api);
    expect((await b.db.organisations.get(org.id))?.name).toBe('Kulturverein Mitte');

    // A restore while the server has the database open is refused, and changes nothing.
    expect(await db(['restore', file])).toBe(DB_EXIT_FAILED);
    expect(err.join('\n')).toMatch(/stop the server/);
    expect(await serverEpoch()).toBe(epochBefore);

    await restoreWhileStopped(file);
    const epochAfter = await serverEpoch();
    expect(epochAfter).not.toBe(epochBefore);
    expect(out.join('\n')).toContain(epochAfter);
    expect(server.records().get('organisations')?.get(org.id)?.name).toBe('Kulturverein');

    // The replaced database was kept, with the changes made after the backup.
    const kept = out.join('\n').match(/kept as (\S+)\.$/m)?.[1] ?? '';
    const previous = new Database(kept, { readonly: true });
    const row = previous
      .prepare("SELECT data FROM records WHERE table_name = 'organisations'")
      .get() as {
      data: string;
    };
    previous.close();
    expect(JSON.parse(row.data)).toMatchObject({ name: 'Kulturverein Mitte' });

    // Device a has an edit the server has not seen: its push meets the new epoch (409).
    await edit(a, org.id, (o) => ({ ...o, members: { ...o.members, memberCount: 40 } }));
    expect(await a.db.outbox.count()).toBe(1);
    traffic = [];
    const summary = await syncOnce(a.deps, a.api);
    expect(summary).toMatchObject({ pushed: 1, quarantined: 0 });
    expect(traffic).toEqual([
      'a POST /api/sync/push 409', // epoch_changed: forget cursor and shadows ...
      'a POST /api/sync/push 200', // ... send the pending edit again, as concurrent ...
      'a GET /api/sync/pull?since=0&limit=1000 200', // ... and pull everything
    ]);
    // Device b has nothing to push: it notices the new epoch on its pull and starts over.
    traffic = [];
    await syncOnce(b.deps, b.api);
    expect(traffic).toEqual([
      'b GET /api/sync/pull?since=2&limit=1000 200',
      'b GET /api/sync/pull?since=0&limit=1000 200',
    ]);

    const truth = server.records().get('organisations')?.get(org.id);
    expect(truth).toMatchObject({
      name: 'Kulturverein',
      members: expect.objectContaining({ memberCount: 40 }) as unknown,
    });
    for (const c of [a, b]) {
      const state = await readSyncState(c.db);
      expect(state.epoch).toBe(epochAfter);
      expect(await c.db.outbox.count()).toBe(0);
      expect(await c.db.organisations.get(org.id)).toEqual(truth);
    }
    expect(await expectConverged(server, [a, b])).toEqual([]);
  });

  // Known gap of the client engine (src/sync/syncOnce.ts, resetForNewEpoch): a record created
  // and acknowledged after the backup is not on the restored server, but the devices keep it
  // locally (no outbox entry, no shadow) and never send it again. When this starts passing,
  // turn it into a normal test.
  it.fails('a record created after the backup ends up on the server again', async () => {
    const a = device('a');
    await createOrganisation(a.deps, { name: 'Kulturverein' });
    await syncOnce(a.deps, a.api);
    const file = join(backups, 'before-second.sqlite');
    expect(await db(['backup', file])).toBe(DB_EXIT_OK);
    clock += 60_000;
    await createOrganisation(a.deps, { name: 'Elternverein' });
    await syncOnce(a.deps, a.api);
    await restoreWhileStopped(file);
    await syncOnce(a.deps, a.api);
    expect(await expectConverged(server, [a])).toEqual([]);
  });

  it('refuses bad usage, missing and broken backup files, and an existing backup target', async () => {
    expect(await db([])).toBe(DB_EXIT_USAGE);
    expect(await db(['backup'])).toBe(DB_EXIT_USAGE);
    expect(await db(['export', 'x'])).toBe(DB_EXIT_USAGE);
    expect(err.join('\n')).toMatch(/Unknown command "export"/);
    expect(await db(['help'])).toBe(DB_EXIT_OK);
    expect(out.join('\n')).toMatch(/STOP THE SERVER FIRST/);

    const file = join(backups, 'one.sqlite');
    expect(await db(['backup', file])).toBe(DB_EXIT_OK);
    err = [];
    expect(await db(['backup', file])).toBe(DB_EXIT_FAILED);
    expect(err.join('\n')).toMatch(/exists already/);

    const epoch = await serverEpoch();
    await server.app.close();
    server.db.close();
    const junk = join(backups, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, just text that is long enough'.repeat(100));
    for (const bad of [join(backups, 'missing.sqlite'), junk]) {
      err = [];
      expect(await db(['restore', bad])).toBe(DB_EXIT_FAILED);
      expect(err.join('\n')).toMatch(/no backup file|not a readable SQLite database/);
    }
    const other = join(backups, 'other.sqlite');
    const plain = new Database(other);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    err = [];
    expect(await db(['restore', other])).toBe(DB_EXIT_FAILED);
    expect(err.join('\n')).toMatch(/not a Brücke database/);
    await server.start();
    expect(await serverEpoch()).toBe(epoch); // untouched
  });

  it('is wired up as `npm run db` (tsx src/server/dbCli.ts) with BRUECKE_DATA_DIR', () => {
    const file = join(backups, 'from-cli.sqlite');
    const root = resolve(import.meta.dirname, '..', '..');
    const stdout = execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/server/dbCli.ts', 'backup', file],
      { cwd: root, env: { ...process.env, BRUECKE_DATA_DIR: server.dir }, encoding: 'utf8' },
    );
    expect(stdout).toContain(`Backed up ${join(server.dir, 'bruecke.sqlite')} to ${file}.`);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});
