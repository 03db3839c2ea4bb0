import { describe, expect, it } from 'vitest';
import { unsyncedSnapshot } from '../../src/db/queries/unsynced';
import { createOrganisation } from '../../src/db/repositories/organisations';
import {
  LAST_EXPORT_KEY,
  parseLastExport,
  unsyncedGuard,
  type LastExport,
  type UnsyncedSnapshot,
} from '../../src/sync/unsyncedGuard';
import { testDeps } from './testDeps';

const exported = (patch: Partial<LastExport> = {}): LastExport => ({
  at: '2026-03-10T10:00:00.000Z',
  outboxCount: 3,
  quarantineCount: 1,
  maxSeq: 7,
  ...patch,
});

const snapshot = (patch: Partial<UnsyncedSnapshot> = {}): UnsyncedSnapshot => ({
  outboxCount: 0,
  quarantineCount: 0,
  maxOutboxSeq: null,
  lastExport: null,
  ...patch,
});

describe('unsynced guard (logout / reset)', () => {
  it('allows when nothing exists only on this device', () => {
    expect(unsyncedGuard(snapshot())).toEqual({ allowed: true, reason: 'nothingUnsynced' });
    expect(unsyncedGuard(snapshot({ lastExport: exported() }))).toEqual({
      allowed: true,
      reason: 'nothingUnsynced',
    });
  });

  it('refuses pending outbox entries without an export, with the counts', () => {
    expect(unsyncedGuard(snapshot({ outboxCount: 2, maxOutboxSeq: 5 }))).toEqual({
      allowed: false,
      outboxCount: 2,
      quarantineCount: 0,
    });
  });

  it('refuses quarantined entries without an export', () => {
    expect(unsyncedGuard(snapshot({ quarantineCount: 1 }))).toMatchObject({
      allowed: false,
      quarantineCount: 1,
    });
  });

  it('allows when the export holds every outbox entry and at least as many quarantined ones', () => {
    const s = snapshot({
      outboxCount: 3,
      maxOutboxSeq: 7,
      quarantineCount: 1,
      lastExport: exported(),
    });
    expect(unsyncedGuard(s)).toEqual({ allowed: true, reason: 'exported' });
    // Some were sent since: fewer entries, same or lower seq.
    expect(unsyncedGuard({ ...s, outboxCount: 1, maxOutboxSeq: 7, quarantineCount: 0 })).toEqual({
      allowed: true,
      reason: 'exported',
    });
  });

  it('refuses an edit made after the export (a higher seq)', () => {
    const s = snapshot({ outboxCount: 4, maxOutboxSeq: 8, lastExport: exported() });
    expect(unsyncedGuard(s).allowed).toBe(false);
  });

  it('refuses more quarantined entries than the export had', () => {
    const s = snapshot({
      outboxCount: 1,
      maxOutboxSeq: 6,
      quarantineCount: 2,
      lastExport: exported({ quarantineCount: 1 }),
    });
    expect(unsyncedGuard(s)).toEqual({ allowed: false, outboxCount: 1, quarantineCount: 2 });
  });

  it('only trusts a well-formed lastExport entry', () => {
    expect(parseLastExport(exported())).toEqual(exported());
    expect(parseLastExport(null)).toBeNull();
    expect(parseLastExport({ ...exported(), at: 'yesterday' })).toBeNull();
    expect(parseLastExport({ ...exported(), maxSeq: '7' })).toBeNull();
    expect(parseLastExport({ ...exported(), quarantineCount: -1 })).toBeNull();
  });

  it('reads the snapshot from the database', async () => {
    const deps = testDeps();
    expect(await unsyncedSnapshot(deps.db)).toEqual(snapshot());
    await createOrganisation(deps, { name: 'Elternverein' });
    await createOrganisation(deps, { name: 'Kulturverein' });
    const maxSeq = Math.max(...(await deps.db.outbox.toArray()).map((m) => m.seq));
    await deps.db.settings.put({ key: LAST_EXPORT_KEY, value: exported({ maxSeq }) });
    const s = await unsyncedSnapshot(deps.db);
    expect(s).toMatchObject({ outboxCount: 2, quarantineCount: 0, maxOutboxSeq: maxSeq });
    expect(unsyncedGuard(s)).toEqual({ allowed: true, reason: 'exported' });
    await createOrganisation(deps, { name: 'Sportverein' });
    expect(unsyncedGuard(await unsyncedSnapshot(deps.db)).allowed).toBe(false);
  });
});
