import { describe, expect, it } from 'vitest';
import { listQuarantine } from '../../src/db/queries/quarantine';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import { discardQuarantined, resendQuarantined } from '../../src/db/repositories/quarantine';
import { setAtPath } from '../../src/domain/sync/fieldChanges';
import { fromWire } from '../../src/domain/sync/wireMutation';
import { pushOutbox } from '../../src/sync/pushOutbox';
import type { PushOutcome, SyncApi } from '../../src/sync/syncApi';
import { syncOnce } from '../../src/sync/syncOnce';
import { testDeps } from './testDeps';

/** A server that accepts or refuses everything, and remembers what it accepted. */
function fakeServer(deps: ReturnType<typeof testDeps>) {
  const server = { refuse: false, records: new Map<string, Record<string, unknown>>(), version: 0 };
  const api: SyncApi = {
    push: (body): Promise<PushOutcome> => {
      if (server.refuse) {
        return Promise.resolve({
          kind: 'rejected',
          rejected: body.mutations.map((m) => ({
            mutationId: m.mutationId,
            code: 'invalid_record',
            message: 'Invalid input',
            path: 'name',
          })),
        });
      }
      const results = body.mutations.map((wire) => {
        const m = fromWire(wire);
        server.version += 1;
        const data = { ...(server.records.get(m.recordId) ?? {}), id: m.recordId };
        for (const c of m.changes) setAtPath(data, c.path, structuredClone(c.value));
        server.records.set(m.recordId, data);
        return {
          mutationId: m.mutationId,
          status: 'applied' as const,
          version: server.version,
          conflicts: 0,
        };
      });
      return Promise.resolve({
        kind: 'ok',
        response: {
          epoch: 'e1',
          results,
          serverClock: '',
          serverTime: deps.now().toISOString(),
          clockDriftMs: 0,
        },
      });
    },
    pull: () =>
      Promise.resolve({
        kind: 'ok',
        response: {
          epoch: 'e1',
          changes: [...server.records].map(([id, data]) => ({
            table: 'organisations' as const,
            id,
            version: server.version,
            data,
          })),
          cursor: server.version,
          hasMore: false,
          serverClock: '',
        },
      }),
  };
  return { server, api };
}

describe('quarantine repository', () => {
  it('a refused new record stays visible; "send again" puts the same entry back in the outbox', async () => {
    const deps = testDeps();
    const { server, api } = fakeServer(deps);
    const org = await createOrganisation(deps, { name: 'Elternverein' });
    const [original] = await deps.db.outbox.toArray();
    server.refuse = true;
    expect(await pushOutbox(deps, api)).toMatchObject({ quarantined: 1 });
    expect(await deps.db.outbox.count()).toBe(0);
    expect(await deps.db.organisations.get(org.id)).toMatchObject({ name: 'Elternverein' });
    const [item] = await listQuarantine(deps.db);
    expect(item).toMatchObject({
      code: 'invalid_record',
      path: 'name',
      organisationName: 'Elternverein',
      created: true,
    });
    expect(item?.fields).toContain('name');

    expect(await resendQuarantined(deps, original?.mutationId ?? '')).toBe(true);
    expect(await deps.db.quarantine.count()).toBe(0);
    expect(await deps.db.outbox.toArray()).toEqual([original]);

    server.refuse = false;
    await syncOnce(deps, api);
    expect(await deps.db.outbox.count()).toBe(0);
    expect(server.records.get(org.id)).toMatchObject({ name: 'Elternverein' });
  });

  it('a refused edit disappears from the record, comes back on "send again", and goes for good on "discard"', async () => {
    const deps = testDeps();
    const { server, api } = fakeServer(deps);
    const org = await createOrganisation(deps, { name: 'Elternverein' });
    await syncOnce(deps, api);
    expect(await deps.db.shadows.count()).toBe(1);

    const stored = await deps.db.organisations.get(org.id);
    if (!stored) throw new Error('missing');
    await updateOrganisation(deps, stored, { ...stored, name: 'Elternverein Nord' });
    server.refuse = true;
    await pushOutbox(deps, api);
    expect((await deps.db.organisations.get(org.id))?.name).toBe('Elternverein');
    const [entry] = await deps.db.quarantine.toArray();
    if (!entry) throw new Error('not quarantined');
    expect(await listQuarantine(deps.db)).toMatchObject([
      { created: false, fields: ['name'], organisationName: 'Elternverein' },
    ]);

    await resendQuarantined(deps, entry.mutationId);
    expect((await deps.db.organisations.get(org.id))?.name).toBe('Elternverein Nord');
    expect(await deps.db.outbox.count()).toBe(1);

    await pushOutbox(deps, api);
    expect(await deps.db.quarantine.count()).toBe(1);
    expect(await discardQuarantined(deps, entry.mutationId)).toBe(true);
    expect(await deps.db.quarantine.count()).toBe(0);
    expect(await deps.db.outbox.count()).toBe(0);
    expect(await deps.db.organisations.get(org.id)).toMatchObject({ name: 'Elternverein' });
  });

  it('discarding the refused creation of a record the server never had removes it from the device', async () => {
    const deps = testDeps();
    const { server, api } = fakeServer(deps);
    const org = await createOrganisation(deps, { name: 'Elternverein' });
    server.refuse = true;
    await pushOutbox(deps, api);
    const [entry] = await deps.db.quarantine.toArray();
    expect(await discardQuarantined(deps, entry?.mutationId ?? '')).toBe(true);
    expect(await deps.db.organisations.get(org.id)).toBeUndefined();
    expect(await deps.db.quarantine.count()).toBe(0);
  });

  it('keeps a never-synced record while other edits of it are still waiting', async () => {
    const deps = testDeps();
    const { server, api } = fakeServer(deps);
    const org = await createOrganisation(deps, { name: 'Elternverein' });
    server.refuse = true;
    await pushOutbox(deps, api);
    await updateOrganisation(deps, org, { ...org, name: 'Elternverein Süd' });
    const [entry] = await deps.db.quarantine.toArray();
    await discardQuarantined(deps, entry?.mutationId ?? '');
    expect(await deps.db.organisations.get(org.id)).toMatchObject({ name: 'Elternverein Süd' });
    expect(await deps.db.outbox.count()).toBe(1);
  });

  it('does nothing for an entry that is gone', async () => {
    const deps = testDeps();
    expect(await resendQuarantined(deps, 'missing')).toBe(false);
    expect(await discardQuarantined(deps, 'missing')).toBe(false);
  });
});
