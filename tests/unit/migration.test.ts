import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  BrueckeDb,
  CURRENT_SCHEMA_VERSION,
  schemaV1,
  schemaV2,
  schemaV3,
  schemaV4,
} from '../../src/db/database';
import { lookupVersions, VERSION_ROW_PREFIX } from '../../src/sync/serverVersions';

describe('database migration from the previous schema version', () => {
  it('moves referrals and follow-ups out of visits into their own tables and keeps everything else', async () => {
    const name = `migration-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(schemaV1);
    const ts = '2025-06-01T10:00:00.000Z';
    await v1.table('organisations').put({
      id: 'org-1',
      name: 'Russischsprachiger Elternverein',
      status: 'contacted',
      updatedAt: ts,
    });
    await v1.table('visits').put({
      id: 'visit-1',
      organisationId: 'org-1',
      date: '2025-06-01',
      notes: 'Erstkontakt',
      createdAt: ts,
      updatedAt: ts,
      referrals: [{ id: 'ref-1', targetId: 'volunteerCentre', note: 'Ehrenamt' }],
      followUps: [{ id: 'fu-1', what: 'Termin Kita-Beratung', dueDate: '2025-06-15' }],
    });
    await v1.table('outbox').put({ mutationId: 'm-1', seq: 1, recordId: 'org-1' });
    await v1.table('drafts').put({
      id: 'visit:x',
      kind: 'visit',
      title: 'halb',
      data: { notes: 'angefangen' },
      updatedAt: ts,
    });
    v1.close();

    const db = new BrueckeDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.organisations.get('org-1')).toMatchObject({
      name: 'Russischsprachiger Elternverein',
    });
    const visit = await db.visits.get('visit-1');
    expect(visit).toMatchObject({ notes: 'Erstkontakt' });
    expect(visit && 'referrals' in visit).toBe(false);
    expect(await db.referrals.get('ref-1')).toMatchObject({
      organisationId: 'org-1',
      visitId: 'visit-1',
      targetId: 'volunteerCentre',
      outcome: 'open',
    });
    expect(await db.followUps.get('fu-1')).toMatchObject({
      visitId: 'visit-1',
      what: 'Termin Kita-Beratung',
      done: false,
    });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.drafts.get('visit:x'))?.data).toEqual({ notes: 'angefangen' });
    db.close();
  });

  it('files the server versions of pulled records by bucket, keeping the newest of each', async () => {
    const name = `migration-v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(schemaV4);
    const key = (n: number) =>
      `organisations/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const lines = (entries: [number, number][]) =>
      `${entries.map(([n, v]) => `\n${key(n)}\t${v}`).join('')}\n`;
    // As version 4 wrote them: a merged row, then one row per pulled page with every key.
    await v4.table('shadows').bulkPut([
      {
        key: '~versions/000000000000020/0',
        entries: lines([
          [1, 3],
          [2, 5],
          [3, 20],
        ]),
      },
      {
        key: '~versions/000000000000030',
        entries: lines([
          [1, 25],
          [4, 30],
        ]),
      },
      // A record shadow that the page at version 25 made stale, and one still current.
      { key: key(1), table: 'organisations', id: 'x', version: 3, data: {} },
      { key: key(2), table: 'organisations', id: 'y', version: 5, data: {} },
    ]);
    v4.close();

    const db = new BrueckeDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const rows = await db.shadows.where('key').startsWith(VERSION_ROW_PREFIX).primaryKeys();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((k) => k.startsWith(`${VERSION_ROW_PREFIX}b`))).toBe(true);
    const found = await lookupVersions(db, [1, 2, 3, 4, 5].map(key));
    expect(Object.fromEntries(found)).toEqual({
      [key(1)]: 25,
      [key(2)]: 5,
      [key(3)]: 20,
      [key(4)]: 30,
    });
    expect(await db.shadows.get(key(1))).toBeUndefined();
    expect(await db.shadows.get(key(2))).toMatchObject({ version: 5 });
    db.close();
  });

  /** Every object store of the installed database with its key path and indexes. */
  async function installedLayout(name: string): Promise<Record<string, string>> {
    const db = new BrueckeDb(name);
    await db.open();
    const idb = db.backendDB();
    const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
    const layout: Record<string, string> = {};
    for (const store of [...idb.objectStoreNames].sort()) {
      const os = tx.objectStore(store);
      const indexes = [...os.indexNames].sort().map((i) => {
        const keyPath = os.index(i).keyPath;
        return Array.isArray(keyPath) ? keyPath.join('+') : keyPath;
      });
      layout[store] = `${String(os.keyPath)} | ${indexes.join(', ')}`;
    }
    db.close();
    return layout;
  }

  it.each([
    [1, schemaV1],
    [2, schemaV2],
    [3, schemaV3],
    [4, schemaV4],
  ] as const)(
    'a device still on version %i ends with every table and index of a new install',
    async (version, schema) => {
      const old = new Dexie(`migration-layout-v${version}-${crypto.randomUUID()}`);
      old.version(version).stores(schema);
      await old.open();
      old.close();
      const fresh = await installedLayout(`migration-layout-fresh-${crypto.randomUUID()}`);
      expect(Object.keys(fresh)).toContain('invitations');
      expect(await installedLayout(old.name)).toEqual(fresh);
    },
  );
});
