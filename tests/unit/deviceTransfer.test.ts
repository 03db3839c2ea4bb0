import { afterEach, describe, expect, it } from 'vitest';
import type { BrueckeDb } from '../../src/db/database';
import { createOrganisation, updateOrganisation } from '../../src/db/repositories/organisations';
import { saveVisit } from '../../src/db/repositories/visits';
import { prefill, withState } from '../../src/domain/checklist';
import { decodeHlc } from '../../src/domain/sync/hlc';
import { collectDeviceExport, exportFileName, recordExport } from '../../src/sync/deviceExport';
import { parseDeviceExport } from '../../src/sync/deviceExportFormat';
import { importDeviceExport, importDeviceExportText } from '../../src/sync/deviceImport';
import { syncOnce } from '../../src/sync/syncOnce';
import { FaultyNetwork } from '../sync/harness/faultyNetwork';
import { idSource, SimClient } from '../sync/harness/simClient';
import { SimServer } from '../sync/harness/simServer';
import { testDeps } from './testDeps';

/** A second tablet: its own database, clock a little later, ids that never meet the first's. */
function otherDevice() {
  const deps = testDeps(new Date('2026-03-11T08:00:00Z'));
  return { ...deps, newId: idSource(4242) };
}

/** Everything a device holds, to compare before and after. */
async function snapshot(db: BrueckeDb) {
  return {
    outbox: await db.outbox.orderBy('mutationId').toArray(),
    quarantine: await db.quarantine.toArray(),
    organisations: await db.organisations.toArray(),
    visits: await db.visits.toArray(),
    followUps: await db.followUps.toArray(),
    referrals: await db.referrals.toArray(),
    meta: await db.meta.toArray(),
  };
}

/** The first tablet: two organisations, edits, a visit, and one edit the server refused. */
async function deviceWithUnsentWork() {
  const deps = testDeps();
  const org = await createOrganisation(deps, { name: 'Ukrainischer Kulturverein' });
  deps.advance(60_000);
  const before = await deps.db.organisations.get(org.id);
  if (!before) throw new Error('missing');
  await updateOrganisation(deps, before, {
    ...before,
    members: { ...before.members, memberCount: 35, languages: ['uk', 'ru'] },
  });
  deps.advance(60_000);
  await saveVisit(deps, {
    visit: {
      organisationId: org.id,
      date: '2026-03-10',
      place: 'moRooms',
      placeNote: '',
      participants: 'Vorstand',
      purpose: 'needsAssessment',
      language: 'uk',
      interpreter: true,
      notes: 'Sucht Räume für Sprachkurse',
      handedOver: '',
    },
    checklistBefore: prefill({}),
    checklist: withState(prefill({}), 'findingRooms', 'needed'),
    referrals: [],
    followUps: [{ what: 'Raumliste schicken', who: 'Koordination', dueDate: '2026-03-24' }],
  });
  const refused = await createOrganisation(deps, { name: 'Abgelehnter Verein' });
  // Set aside as the push does when the server refuses an entry.
  const entry = await deps.db.outbox.where('recordId').equals(refused.id).first();
  if (!entry) throw new Error('missing');
  await deps.db.transaction('rw', deps.db.outbox, deps.db.quarantine, async () => {
    await deps.db.quarantine.put({
      mutationId: entry.mutationId,
      seq: entry.seq,
      mutation: entry,
      code: 'forbidden',
      message: 'Not allowed for this account.',
      path: '',
      quarantinedAt: deps.now().toISOString(),
    });
    await deps.db.outbox.delete(entry.mutationId);
  });
  return { deps, org, refused };
}

describe('device export', () => {
  it('holds the outbox, the quarantine and the records they touch, and remembers the export', async () => {
    const { deps, org, refused } = await deviceWithUnsentWork();
    const file = await collectDeviceExport(deps);
    const outbox = await deps.db.outbox.orderBy('seq').toArray();
    expect(file).toMatchObject({ format: 'bruecke-device-export', version: 1 });
    expect(file.clientId).toBe((await deps.db.meta.get('device'))?.clientId);
    expect(file.outbox).toEqual(outbox);
    expect(file.quarantine.map((q) => q.mutation.recordId)).toEqual([refused.id]);
    const keys = file.records.map((r) => `${r.table}/${r.id}`);
    expect(keys).toContain(`organisations/${org.id}`);
    expect(keys).toContain(`organisations/${refused.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parseDeviceExport(JSON.stringify(file))).toEqual({ ok: true, file });

    await recordExport(deps, file);
    expect((await deps.db.settings.get('lastExport'))?.value).toEqual({
      at: file.exportedAt,
      outboxCount: outbox.length,
      quarantineCount: 1,
      maxSeq: Math.max(...outbox.map((m) => m.seq)),
    });
  });

  it('names the file after the local date and time', () => {
    expect(exportFileName(new Date(2026, 2, 9, 7, 5))).toBe('bruecke-export-2026-03-09-0705.json');
  });
});

describe('device import', () => {
  it('puts the same outbox entries on a fresh device, and its records show the edits', async () => {
    const { deps: a, org, refused } = await deviceWithUnsentWork();
    const text = JSON.stringify(await collectDeviceExport(a));
    const b = otherDevice();

    const outcome = await importDeviceExportText(b, text);
    const aOutbox = await a.db.outbox.toArray();
    const aQuarantined = (await a.db.quarantine.toArray()).map((q) => q.mutation);
    expect(outcome).toEqual({
      ok: true,
      summary: {
        imported: aOutbox.length + aQuarantined.length,
        alreadyPresent: 0,
        recordsUpdated: expect.any(Number) as number,
        recordsSkipped: 0,
      },
    });
    // Same entries, original clientId and seq kept; the refused one is queued again.
    const sortById = <T extends { mutationId: string }>(l: T[]) =>
      [...l].sort((x, y) => x.mutationId.localeCompare(y.mutationId));
    expect(sortById(await b.db.outbox.toArray())).toEqual(sortById([...aOutbox, ...aQuarantined]));
    expect(await b.db.quarantine.count()).toBe(0);
    // The records look as they did on the first tablet.
    expect(await b.db.organisations.get(org.id)).toEqual(await a.db.organisations.get(org.id));
    expect(await b.db.organisations.get(refused.id)).toEqual(
      await a.db.organisations.get(refused.id),
    );
    expect(await b.db.visits.toArray()).toEqual(await a.db.visits.toArray());
    expect(await b.db.followUps.toArray()).toEqual(await a.db.followUps.toArray());
    expect((await b.db.organisations.get(org.id))?.needs.findingRooms?.state).toBe('needed');
    // The second tablet's clock moved past the imported edits.
    const latest =
      aOutbox
        .flatMap((m) => m.changes.map((c) => c.stamp))
        .sort()
        .at(-1) ?? '';
    const bClock = (await b.db.meta.get('device'))?.hlc ?? '';
    expect(decodeHlc(bClock).wall).toBeGreaterThanOrEqual(decodeHlc(latest).wall);
  });

  it('keeps the importing device’s own pending edits, later edits winning', async () => {
    const { deps: a, org } = await deviceWithUnsentWork();
    const text = JSON.stringify(await collectDeviceExport(a));
    const b = otherDevice();
    await importDeviceExportText(b, text);
    const imported = await b.db.organisations.get(org.id);
    if (!imported) throw new Error('missing');
    b.advance(60_000);
    await updateOrganisation(b, imported, { ...imported, district: 'Biebrich' });
    const own = await createOrganisation(b, { name: 'Eigener Verein' });

    // Importing the same file again changes nothing, also not the edit made since.
    const before = await snapshot(b.db);
    const again = await importDeviceExportText(b, text);
    expect(again.ok && again.summary.imported).toBe(0);
    expect(await snapshot(b.db)).toEqual(before);
    expect(await b.db.organisations.get(org.id)).toMatchObject({
      district: 'Biebrich',
      members: { memberCount: 35 },
    });
    expect((await b.db.organisations.get(own.id))?.name).toBe('Eigener Verein');
  });

  it('importing twice changes nothing', async () => {
    const { deps: a } = await deviceWithUnsentWork();
    const file = await collectDeviceExport(a);
    const b = otherDevice();
    const first = await importDeviceExport(b, file);
    const afterFirst = await snapshot(b.db);

    const second = await importDeviceExport(b, file);
    expect(second).toEqual({
      imported: 0,
      alreadyPresent: first.imported,
      recordsUpdated: 0,
      recordsSkipped: 0,
    });
    expect(await snapshot(b.db)).toEqual(afterFirst);
  });

  it('a device importing its own file queues its refused entries again, and nothing twice', async () => {
    const { deps: a, refused } = await deviceWithUnsentWork();
    const file = await collectDeviceExport(a);
    const summary = await importDeviceExport(a, file);
    expect(summary).toMatchObject({ imported: 1, alreadyPresent: file.outbox.length });
    expect(await a.db.quarantine.count()).toBe(0);
    expect(await a.db.outbox.where('recordId').equals(refused.id).count()).toBe(1);
  });

  it('refuses a wrong or damaged file with its reason and writes nothing', async () => {
    const { deps: a } = await deviceWithUnsentWork();
    const file = await collectDeviceExport(a);
    const good = JSON.stringify(file);
    const b = otherDevice();
    await createOrganisation(b, { name: 'Schon da' });
    const before = await snapshot(b.db);

    const firstEntry = file.outbox[0];
    if (!firstEntry) throw new Error('empty export');
    const cases: [string, string][] = [
      [good.slice(0, Math.floor(good.length / 2)), 'notJson'],
      ['', 'notJson'],
      ['[1, 2, 3]', 'wrongFormat'],
      [JSON.stringify({ organisations: [] }), 'wrongFormat'],
      [JSON.stringify({ ...file, version: 2 }), 'unsupportedVersion'],
      [JSON.stringify({ ...file, outbox: [{ ...firstEntry, mutationId: 'x' }] }), 'invalid'],
      [JSON.stringify({ ...file, outbox: [...file.outbox, firstEntry] }), 'invalid'],
      [
        JSON.stringify({ ...file, records: [{ table: 'nope', id: firstEntry.recordId }] }),
        'invalid',
      ],
    ];
    for (const [text, problem] of cases) {
      expect(await importDeviceExportText(b, text)).toEqual({ ok: false, problem });
    }
    expect(await snapshot(b.db)).toEqual(before);
  });
});

describe('export, import and sync through the real server', () => {
  let server: SimServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  it('a tablet that never synced hands its edits to another, which delivers them', async () => {
    let nowMs = Date.parse('2026-03-10T09:00:00Z');
    const clock = () => nowMs;
    server = new SimServer(() => new Date(clock()));
    await server.start();
    const net = new FaultyNetwork(server);
    const broken = new SimClient(`broken-${crypto.randomUUID()}`, clock, 0, idSource(5), net.fetch);
    const spare = new SimClient(`spare-${crypto.randomUUID()}`, clock, 0, idSource(6), net.fetch);

    const org = await createOrganisation(broken.deps, { name: 'Eritreischer Verein' });
    nowMs += 1000;
    const local = await broken.db.organisations.get(org.id);
    if (!local) throw new Error('missing');
    await updateOrganisation(broken.deps, local, { ...local, foundingYear: 2016 });
    const text = JSON.stringify(await collectDeviceExport(broken.deps));

    nowMs += 60_000;
    expect((await importDeviceExportText(spare.deps, text)).ok).toBe(true);
    const summary = await syncOnce(spare.deps, spare.api);
    expect(summary).toMatchObject({ pushed: 2, quarantined: 0 });
    expect(await spare.db.outbox.count()).toBe(0);
    expect(server.records().get('organisations')?.get(org.id)).toMatchObject({
      name: 'Eritreischer Verein',
      foundingYear: 2016,
    });
    expect(await spare.db.organisations.get(org.id)).toMatchObject({ foundingYear: 2016 });

    // The broken tablet comes back after all: its entries are recognised, nothing doubles.
    const late = await syncOnce(broken.deps, broken.api);
    expect(late.quarantined).toBe(0);
    expect(await broken.db.outbox.count()).toBe(0);
    expect(server.records().get('conflicts')?.size ?? 0).toBe(0);
  });
});
