/**
 * The commit comparison, in the page: a typical visit (ten checklist items changed, one referral,
 * one follow-up) as the form hands it to `saveVisit`, and the floor it is compared with: one raw
 * IndexedDB readwrite transaction that puts the same records (visit, updated organisation,
 * referral, follow-up, one outbox entry each, device meta) without validation, reads or Dexie.
 */
import type { BrueckeDb } from '../../src/db/database';
import {
  applyUpdates,
  changedItems,
  prefill,
  withState,
  type ChecklistMap,
} from '../../src/domain/checklist';
import { needsCatalogue } from '../../src/domain/needsCatalogue';
import type { Organisation } from '../../src/domain/organisation';
import { allFields, fieldChanges } from '../../src/domain/sync/fieldChanges';
import type { Mutation } from '../../src/domain/sync/mutation';
import type { FollowUp, Referral, Visit } from '../../src/domain/visit';
import type { VisitInput } from '../../src/domain/visitInput';

export interface CommitTiming {
  repoMs: number;
  rawMs: number;
}

const states = ['needed', 'resolved', 'notNeeded', 'unknown'] as const;
const today = (): string => new Date().toISOString().slice(0, 10);

export async function visitInputFor(db: BrueckeDb, orgId: string, n: number): Promise<VisitInput> {
  const org = await db.organisations.get(orgId);
  if (!org) throw new Error(`no organisation ${orgId}`);
  const before = prefill(org.needs);
  let checklist: ChecklistMap = before;
  for (let i = 0; i < 10; i += 1) {
    const item = needsCatalogue[(n * 3 + i) % needsCatalogue.length];
    const current = item ? checklist[item.id]?.state : undefined;
    const next = states[(states.indexOf(current ?? 'unknown') + 1 + (n % 3)) % states.length];
    if (item && next) checklist = withState(checklist, item.id, next);
  }
  return {
    visit: {
      organisationId: orgId,
      date: today(),
      place: 'moRooms',
      placeNote: '',
      participants: 'Vorstand (2 Personen)',
      purpose: 'counselling',
      language: 'de',
      interpreter: false,
      notes: 'Gespräch über die Raumsuche und den Förderantrag.',
      handedOver: '',
    },
    checklistBefore: before,
    checklist,
    referrals: [{ targetId: 'culturalOffice', note: 'Raum für das Sommerfest', outcome: 'open' }],
    followUps: [
      { what: 'Förderantrag gemeinsam durchgehen', who: 'Koordination', dueDate: today() },
    ],
  };
}

let raw: Promise<IDBDatabase> | null = null;

function openRaw(): Promise<IDBDatabase> {
  raw ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bruecke');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
  return raw;
}

function mutationOf(
  table: string,
  before: object | null,
  after: { id: string },
  seq: number,
): Mutation {
  const stamp = `${Date.now().toString(36)}-0000-bench`;
  const changes = before ? fieldChanges(before, after) : allFields(after);
  return {
    mutationId: crypto.randomUUID(),
    clientId: 'scale-bench',
    seq,
    table: table as Mutation['table'],
    recordId: after.id,
    baseVersion: null,
    changes: changes.map((c) => ({ path: c.path, value: c.value, stamp })),
    createdAt: new Date().toISOString(),
  };
}

/** Builds the records first (not timed), then times one raw transaction putting them. */
export async function rawCommit(
  db: BrueckeDb,
  orgId: string,
  input: VisitInput,
  n: number,
): Promise<number> {
  const org = (await db.organisations.get(orgId)) as Organisation;
  const nowIso = new Date().toISOString();
  const base = { createdAt: nowIso, updatedAt: nowIso, deleted: false };
  const updates = changedItems(input.checklistBefore, input.checklist);
  const visit: Visit = {
    ...input.visit,
    ...base,
    id: crypto.randomUUID(),
    checklistUpdates: updates,
  };
  const orgAfter: Organisation = {
    ...org,
    needs: applyUpdates(org.needs, updates),
    updatedAt: nowIso,
  };
  const referrals: Referral[] = input.referrals.map((r) => ({
    ...r,
    ...base,
    id: crypto.randomUUID(),
    organisationId: orgId,
    visitId: visit.id,
  }));
  const followUps: FollowUp[] = input.followUps.map((f) => ({
    ...f,
    ...base,
    id: crypto.randomUUID(),
    organisationId: orgId,
    visitId: visit.id,
    done: false,
    doneAt: null,
  }));
  const seq = 1_000_000 + n * 10;
  const puts: [string, object][] = [
    ['visits', visit],
    ['organisations', orgAfter],
    ...referrals.map((r): [string, object] => ['referrals', r]),
    ...followUps.map((f): [string, object] => ['followUps', f]),
  ];
  const outbox = [
    mutationOf('visits', null, visit, seq),
    mutationOf('organisations', org, orgAfter, seq + 1),
    ...referrals.map((r, i) => mutationOf('referrals', null, r, seq + 2 + i)),
    ...followUps.map((f, i) => mutationOf('followUps', null, f, seq + 4 + i)),
  ];
  const meta = { key: 'scale-bench-raw', clientId: 'scale-bench', hlc: 'x', seq: seq + 9 };
  const idb = await openRaw();
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const stores = ['visits', 'organisations', 'referrals', 'followUps', 'outbox', 'meta'];
    const tx = idb.transaction(stores, 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('raw transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('raw transaction aborted'));
    for (const [store, record] of puts) tx.objectStore(store).put(record);
    for (const m of outbox) tx.objectStore('outbox').put(m);
    tx.objectStore('meta').put(meta);
  });
  return performance.now() - t0;
}
