import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { BrueckeDb, CURRENT_SCHEMA_VERSION, schemaV1 } from '../../src/db/database';

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
});
