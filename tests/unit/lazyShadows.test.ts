import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BrueckeDb, shadowKey } from '../../src/db/database';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import type { Organisation } from '../../src/domain/organisation';
import type { Mutation } from '../../src/domain/sync/mutation';
import { applyServerChanges } from '../../src/sync/applyServerChanges';
import {
  compactVersions,
  lookupVersion,
  MAX_VERSION_ROWS,
  recordVersions,
  VERSION_ROW_PREFIX,
} from '../../src/sync/serverVersions';
import { currentShadow, editBase } from '../../src/sync/shadows';
import { readSyncState } from '../../src/sync/syncState';
import { syncOnce } from '../../src/sync/syncOnce';
import { FaultyNetwork } from '../sync/harness/faultyNetwork';
import { testDeps } from './testDeps';
import { idSource, SimClient } from '../sync/harness/simClient';
import { SimServer } from '../sync/harness/simServer';

/** Shadows of records (not the version rows that share their store). */
const recordShadows = (db: BrueckeDb) => db.shadows.where('key').below(VERSION_ROW_PREFIX).count();

function serverVersion(server: SimServer, id: string): number {
  const row = server.db.prepare('SELECT version FROM records WHERE id = ?').get(id) as
    { version: number } | undefined;
  if (!row) throw new Error(`${id} not on the server`);
  return row.version;
}

/** One pull page of at most `limit` records, applied as the engine does (no push before it). */
async function pullPage(c: SimClient, limit: number): Promise<void> {
  const { cursor } = await readSyncState(c.db);
  const outcome = await c.api.pull(cursor, limit);
  if (outcome.kind !== 'ok') throw new Error('not logged in');
  await applyServerChanges(c.deps, outcome.response);
}

async function org(c: SimClient, id: string): Promise<Organisation> {
  const found = await c.db.organisations.get(id);
  if (!found) throw new Error(`${id} missing on ${c.name}`);
  return found;
}

const SLOW = 30_000;

describe('shadows only where edits are pending (through the real server)', () => {
  let server: SimServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  async function setup() {
    let nowMs = Date.parse('2026-03-10T09:00:00Z');
    server = new SimServer(() => new Date(nowMs));
    await server.start();
    const net = new FaultyNetwork(server);
    const clock = () => nowMs;
    const a = new SimClient(`lazy-a-${crypto.randomUUID()}`, clock, 0, idSource(1), net.fetch);
    const b = new SimClient(`lazy-b-${crypto.randomUUID()}`, clock, 0, idSource(2), net.fetch);
    await a.db.open();
    await b.db.open();
    return { server, a, b, tick: () => (nowMs += 1000) };
  }

  it(
    'a pulled record gets its shadow at its first edit, with the pulled data and version',
    async () => {
      const { server, a, b, tick } = await setup();
      const { id } = await createOrganisation(a.deps, { name: 'Kulturverein' });
      await syncOnce(a.deps, a.api);
      await syncOnce(b.deps, b.api);
      const pulled = await org(b, id);
      const version = serverVersion(server, id);
      expect(await recordShadows(b.db)).toBe(0);
      expect(await lookupVersion(b.db, shadowKey('organisations', id))).toBe(version);

      tick();
      await updateOrganisation(b.deps, pulled, { ...pulled, name: 'Kulturverein Nord' });
      const [edit] = await b.db.outbox.toArray();
      expect(edit?.baseVersion).toBe(version);
      expect(await b.db.shadows.get(shadowKey('organisations', id))).toEqual({
        key: shadowKey('organisations', id),
        table: 'organisations',
        id,
        version,
        data: pulled,
      });
    },
    SLOW,
  );

  it(
    'a record edited after the pull still rebases: a newer server version keeps the pending edit on top',
    async () => {
      const { server, a, b, tick } = await setup();
      const { id } = await createOrganisation(a.deps, { name: 'Kulturverein' });
      await syncOnce(a.deps, a.api);
      await syncOnce(b.deps, b.api);

      tick();
      const onB = await org(b, id);
      await updateOrganisation(b.deps, onB, { ...onB, name: 'Kulturverein Nord' });
      tick();
      const onA = await org(a, id);
      await updateOrganisation(a.deps, onA, {
        ...onA,
        members: { ...onA.members, memberCount: 40 },
      });
      await syncOnce(a.deps, a.api);

      // b pulls without pushing: the server's new version, with b's pending name on top.
      await pullPage(b, 1000);
      const shown = await org(b, id);
      expect(shown.name).toBe('Kulturverein Nord');
      expect(shown.members.memberCount).toBe(40);
      const shadow = await currentShadow(b.db, 'organisations', id);
      expect(shadow?.version).toBe(serverVersion(server, id));
      expect(shadow?.data).toMatchObject({ name: 'Kulturverein', members: { memberCount: 40 } });

      await syncOnce(b.deps, b.api);
      await syncOnce(a.deps, a.api);
      const onServer = server.records().get('organisations')?.get(id);
      expect(onServer).toMatchObject({ name: 'Kulturverein Nord', members: { memberCount: 40 } });
      expect(await org(a, id)).toEqual(await org(b, id));
      expect(server.records().get('conflicts')).toBeUndefined();
      // Pulled again with nothing pending: the shadow is stale and no longer used.
      expect(await currentShadow(b.db, 'organisations', id)).toBeUndefined();
    },
    SLOW,
  );

  it(
    'uses the version the record was pulled at, not the cursor, so an unseen edit still conflicts',
    async () => {
      const { server, a, b, tick } = await setup();
      const first = await createOrganisation(a.deps, { name: 'Kulturverein' });
      await createOrganisation(a.deps, { name: 'Elternverein' });
      await syncOnce(a.deps, a.api);
      const pulledAt = serverVersion(server, first.id);

      await pullPage(b, 1); // b has the first organisation only
      tick();
      const onA = await org(a, first.id);
      await updateOrganisation(a.deps, onA, { ...onA, name: 'Kulturverein Mitte' });
      await syncOnce(a.deps, a.api);
      await createOrganisation(a.deps, { name: 'Sportverein' });
      await syncOnce(a.deps, a.api);
      const later = await org(a, first.id);
      await updateOrganisation(a.deps, later, {
        ...later,
        members: { ...later.members, memberCount: 12 },
      });
      await syncOnce(a.deps, a.api);
      // The second page ends before the organisation's newest version: b's cursor passes a's
      // name change, but b has not seen it.
      await pullPage(b, 2);
      expect((await readSyncState(b.db)).cursor).toBeGreaterThan(pulledAt);
      expect((await org(b, first.id)).name).toBe('Kulturverein');

      tick();
      const onB = await org(b, first.id);
      await updateOrganisation(b.deps, onB, { ...onB, name: 'Kulturverein Biebrich' });
      expect((await b.db.outbox.toArray())[0]?.baseVersion).toBe(pulledAt);
      await syncOnce(b.deps, b.api);
      const conflicts = [...(server.records().get('conflicts')?.values() ?? [])];
      expect(conflicts).toMatchObject([
        {
          path: 'name',
          winner: { value: 'Kulturverein Biebrich' },
          loser: { value: 'Kulturverein Mitte' },
        },
      ]);
    },
    SLOW,
  );
});

describe('server versions (rows of the shadows store)', () => {
  it('finds the newest version of a record across rows, and merges rows past the limit', async () => {
    const db = new BrueckeDb(`versions-${crypto.randomUUID()}`);
    await db.open();
    const key = (n: number) =>
      `organisations/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    await db.shadows.put({
      key: key(1),
      table: 'organisations',
      id: key(1).slice(14),
      version: 1,
      data: {},
    });
    await db.transaction('rw', db.shadows, async () => {
      await recordVersions(db, 2, [
        [key(1), 1],
        [key(2), 2],
      ]);
      for (let v = 3; v <= MAX_VERSION_ROWS + 5; v += 1)
        await recordVersions(db, v, [[key(v % 4), v]]);
    });
    const rows = await db.shadows.where('key').startsWith(VERSION_ROW_PREFIX).count();
    expect(rows).toBeLessThanOrEqual(MAX_VERSION_ROWS);
    const last = MAX_VERSION_ROWS + 5;
    for (let n = 0; n < 4; n += 1) {
      const newest = Math.max(...[...Array(last + 1).keys()].filter((v) => v >= 3 && v % 4 === n));
      expect(await lookupVersion(db, key(n))).toBe(newest);
    }
    expect(await lookupVersion(db, key(99))).toBeUndefined();
    // The record shadow at version 1 was superseded by a later pull: compaction removed it.
    await db.transaction('rw', db.shadows, () => compactVersions(db));
    expect(await db.shadows.get(key(1))).toBeUndefined();
    db.close();
  });
});

describe('the base version of a local edit', () => {
  const id = '00000000-0000-4000-8000-000000000042';
  const key = shadowKey('organisations', id);

  async function pulledAt(version: number): Promise<BrueckeDb> {
    const db = new BrueckeDb(`edit-base-${crypto.randomUUID()}`);
    await db.open();
    // As a pull leaves it: the record as the server sent it, its version in a version row.
    await db.organisations.put({ id, name: 'Verein' } as unknown as Organisation);
    await db.transaction('rw', db.shadows, () => recordVersions(db, version, [[key, version]]));
    return db;
  }

  /** An outbox entry of this device that sets `name` of the record `id` in `table`. */
  const nameEdit = (
    table: Mutation['table'],
    seq: number,
    name: string,
    baseVersion: number | null,
  ): Mutation => ({
    mutationId: `m-${seq}`,
    clientId: 'device',
    seq,
    table,
    recordId: id,
    baseVersion,
    changes: [{ path: ['name'], value: name, stamp: 'x' }],
    createdAt: '2026-03-10T09:00:00.000Z',
  });

  /** The edit base of the organisation, read in an edit's transaction. */
  const readBase = (db: BrueckeDb) =>
    db.transaction('rw', [db.organisations, db.shadows, db.outbox], () =>
      editBase(db, 'organisations', id),
    );

  it("a pulled record's first edit takes its pulled version and keeps the server's copy", async () => {
    const db = await pulledAt(7);
    const base = await readBase(db);
    expect(base.version).toBe(7);
    expect((await db.shadows.get(key))?.data).toEqual({ id, name: 'Verein' });
    db.close();
  });

  it('with edits of the record already pending, the stored record is not taken as the server copy', async () => {
    const db = await pulledAt(7);
    await db.outbox.add(nameEdit('organisations', 1, 'Verein', 7));
    const base = await readBase(db);
    expect(base.version).toBe(7);
    expect(await db.shadows.get(key)).toBeUndefined();
    db.close();
  });

  it("another table's outbox entry with the same id does not count as a pending edit", async () => {
    const db = await pulledAt(7);
    await db.outbox.add(nameEdit('contacts', 1, 'Frau A.', null));
    const base = await readBase(db);
    expect(base.version).toBe(7);
    expect((await db.shadows.get(key))?.data).toEqual({ id, name: 'Verein' });
    db.close();
  });

  it('a server copy that cannot be kept fails the edit: nothing of it is written', async () => {
    const db = await pulledAt(7);
    db.shadows.hook('creating', () => {
      throw new Error('storage full');
    });
    const edit = db.transaction('rw', [db.organisations, db.shadows, db.outbox], async () => {
      const base = await editBase(db, 'organisations', id);
      // As a commit does: its writes are queued behind the shadow put and awaited with it.
      await Promise.all([
        base.shadowPut,
        db.organisations.put({ id, name: 'Verein neu' } as unknown as Organisation),
        db.outbox.add(nameEdit('organisations', 2, 'Verein neu', base.version)),
      ]);
    });
    await expect(edit).rejects.toThrow('storage full');
    expect(await db.organisations.get(id)).toEqual({ id, name: 'Verein' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadows.get(key)).toBeUndefined();
    db.close();
  });

  it("a pulled organisation's first edit fails as a whole when its server copy cannot be kept", async () => {
    const deps = testDeps();
    const created = await createOrganisation(deps, { name: 'Verein' });
    // As after a pull: nothing pending, the server version in a version row.
    await deps.db.outbox.clear();
    const pulledKey = shadowKey('organisations', created.id);
    await deps.db.transaction('rw', deps.db.shadows, () =>
      recordVersions(deps.db, 3, [[pulledKey, 3]]),
    );
    deps.db.shadows.hook('creating', () => {
      throw new Error('storage full');
    });
    await expect(
      updateOrganisation(deps, created, { ...created, name: 'Verein neu' }),
    ).rejects.toThrow('storage full');
    expect((await deps.db.organisations.get(created.id))?.name).toBe('Verein');
    expect(await deps.db.outbox.count()).toBe(0);
    deps.db.close();
  });
});
