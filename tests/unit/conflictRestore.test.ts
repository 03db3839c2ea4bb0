import { afterEach, describe, expect, it } from 'vitest';
import type { ConflictRecord } from '../../src/domain/conflict';
import { encodeHlc } from '../../src/domain/sync/hlc';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import { keepCurrent, restoreConflict } from '../../src/db/repositories/conflicts';
import { ValidationError } from '../../src/db/validationError';
import { syncOnce } from '../../src/sync/syncOnce';
import { FaultyNetwork } from '../sync/harness/faultyNetwork';
import { idSource, SimClient } from '../sync/harness/simClient';
import { SimServer } from '../sync/harness/simServer';
import { testDeps } from './testDeps';

const stamp = (wall: number, node: string) => encodeHlc({ wall, counter: 0, node });

function conflictFor(
  recordId: string,
  path: string,
  winner: unknown,
  loser: unknown,
  id = '11111111-1111-4111-8111-111111111111',
): ConflictRecord {
  const at = '2026-03-09T15:00:00.000Z';
  return {
    id,
    createdAt: at,
    updatedAt: at,
    deleted: false,
    recordTable: 'organisations',
    recordId,
    path,
    winner: { value: winner, stamp: stamp(1_773_068_400_000, 'b'), clientId: 'b', author: 'Ayşe' },
    loser: { value: loser, stamp: stamp(1_773_068_000_000, 'a'), clientId: 'a', author: 'Jonas' },
    resolution: 'open',
    resolvedAt: null,
  };
}

describe('restoring a conflict', () => {
  it('writes the loser value and the resolution together, each with an outbox entry', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Verein A' });
    const before = await deps.db.organisations.get(org.id);
    if (!before) throw new Error('missing');
    await updateOrganisation(deps, before, {
      ...before,
      members: { ...before.members, memberCount: 40 },
    });
    const conflict = conflictFor(org.id, 'members.memberCount', 40, 42);
    await deps.db.conflicts.put(conflict);
    const outboxBefore = await deps.db.outbox.count();

    expect(await restoreConflict(deps, conflict)).toBe('resolved');

    expect((await deps.db.organisations.get(org.id))?.members.memberCount).toBe(42);
    expect(await deps.db.conflicts.get(conflict.id)).toMatchObject({
      resolution: 'restored',
      resolvedAt: '2026-03-10',
    });
    const added = (await deps.db.outbox.orderBy('seq').toArray()).slice(outboxBefore);
    expect(added.map((m) => m.table)).toEqual(['organisations', 'conflicts']);
    expect(added[0]?.changes.map((c) => [c.path.join('.'), c.value])).toContainEqual([
      'members.memberCount',
      42,
    ]);
    expect(added[1]?.changes.map((c) => c.path.join('.')).sort()).toEqual([
      'resolution',
      'resolvedAt',
      'updatedAt',
    ]);
  });

  it('is all or nothing: when the second outbox entry fails, the record keeps its value', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Verein B', district: 'Biebrich' });
    const conflict = conflictFor(org.id, 'district', 'Biebrich', 'Mitte');
    await deps.db.conflicts.put(conflict);
    const outboxBefore = await deps.db.outbox.count();
    deps.db.outbox.hook('creating', (_key, entry) => {
      if (entry.table === 'conflicts') throw new Error('disk full');
    });
    await expect(restoreConflict(deps, conflict)).rejects.toThrow();
    expect((await deps.db.organisations.get(org.id))?.district).toBe('Biebrich');
    expect((await deps.db.conflicts.get(conflict.id))?.resolution).toBe('open');
    expect(await deps.db.outbox.count()).toBe(outboxBefore);
  });

  it('an overwritten value the record schema refuses throws a ValidationError and writes nothing', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Verein C' });
    // An empty name was overwritten: it must not come back.
    const conflict = conflictFor(org.id, 'name', 'Verein C', '');
    await deps.db.conflicts.put(conflict);
    const outboxBefore = await deps.db.outbox.toArray();
    const metaBefore = await deps.db.meta.get('device');

    const error: unknown = await restoreConflict(deps, conflict).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toContainEqual({
      path: 'name',
      key: 'errors.nameRequired',
    });
    expect((await deps.db.organisations.get(org.id))?.name).toBe('Verein C');
    expect((await deps.db.conflicts.get(conflict.id))?.resolution).toBe('open');
    expect(await deps.db.outbox.toArray()).toEqual(outboxBefore);
    expect(await deps.db.meta.get('device')).toEqual(metaBefore);
  });

  it('keeping the current value only resolves the conflict', async () => {
    const deps = testDeps();
    const org = await createOrganisation(deps, { name: 'Verein D', foundingYear: 1990 });
    const conflict = conflictFor(org.id, 'foundingYear', 1990, 1989);
    await deps.db.conflicts.put(conflict);
    const outboxBefore = await deps.db.outbox.count();

    expect(await keepCurrent(deps, conflict)).toBe('resolved');
    expect((await deps.db.organisations.get(org.id))?.foundingYear).toBe(1990);
    expect(await deps.db.conflicts.get(conflict.id)).toMatchObject({
      resolution: 'kept',
      resolvedAt: '2026-03-10',
    });
    const added = (await deps.db.outbox.orderBy('seq').toArray()).slice(outboxBefore);
    expect(added.map((m) => m.table)).toEqual(['conflicts']);
    // A second click (another tab, a double tap) does not write again.
    expect(await restoreConflict(deps, conflict)).toBe('alreadyResolved');
    expect(await deps.db.outbox.count()).toBe(outboxBefore + 1);
  });
});

describe('restoring a conflict through the real server', () => {
  let server: SimServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('the restored value reaches the server and the other device, and the conflict is closed', async () => {
    let nowMs = Date.parse('2026-03-10T09:00:00Z');
    const clock = () => nowMs;
    server = new SimServer(() => new Date(clock()));
    await server.start();
    const net = new FaultyNetwork(server);
    const a = new SimClient(`restore-a-${crypto.randomUUID()}`, clock, 0, idSource(11), net.fetch);
    const b = new SimClient(`restore-b-${crypto.randomUUID()}`, clock, 0, idSource(22), net.fetch);

    const org = await createOrganisation(a.deps, { name: 'Kulturverein' });
    await syncOnce(a.deps, a.api);
    await syncOnce(b.deps, b.api);

    // Both set the member count without knowing of each other; b's edit is later and wins.
    const onA = await a.db.organisations.get(org.id);
    const onB = await b.db.organisations.get(org.id);
    if (!onA || !onB) throw new Error('organisation not synced');
    nowMs += 1000;
    await updateOrganisation(a.deps, onA, { ...onA, members: { ...onA.members, memberCount: 42 } });
    nowMs += 1000;
    await updateOrganisation(b.deps, onB, { ...onB, members: { ...onB.members, memberCount: 24 } });
    await syncOnce(a.deps, a.api);
    await syncOnce(b.deps, b.api);
    await syncOnce(a.deps, a.api);

    const [conflict] = await a.db.conflicts.toArray();
    expect(conflict).toMatchObject({
      path: 'members.memberCount',
      resolution: 'open',
      winner: { value: 24 },
      loser: { value: 42 },
    });
    if (!conflict) throw new Error('no conflict logged');
    expect((await a.db.organisations.get(org.id))?.members.memberCount).toBe(24);

    nowMs += 60_000;
    await restoreConflict(a.deps, conflict);
    const summary = await syncOnce(a.deps, a.api);
    expect(summary.quarantined).toBe(0);
    expect(await a.db.outbox.count()).toBe(0);
    await syncOnce(b.deps, b.api);

    const onServer = server.records();
    expect(
      (onServer.get('organisations')?.get(org.id)?.members as { memberCount: number }).memberCount,
    ).toBe(42);
    expect(onServer.get('conflicts')?.get(conflict.id)).toMatchObject({ resolution: 'restored' });
    // Restoring is a deliberate edit after seeing the winner: no new conflict is logged.
    expect(onServer.get('conflicts')?.size).toBe(1);
    expect((await b.db.organisations.get(org.id))?.members.memberCount).toBe(42);
    expect((await b.db.conflicts.get(conflict.id))?.resolution).toBe('restored');
  });
});
