import {
  referenceSeeds,
  seedId,
  seedLabelKey,
  type ReferenceEntry,
  type ReferenceKind,
} from '../../domain/referenceData';
import { commitWrites } from '../commitWrites';
import type { RepoDeps } from '../deps';

/** Fills the reference tables on first start; entries already present are left as they are. */
export async function ensureReferenceData(deps: RepoDeps): Promise<void> {
  const existing = await deps.db.referenceData.count();
  if (existing > 0) return;
  const nowIso = deps.now().toISOString();
  const entries: ReferenceEntry[] = referenceSeeds.map((seed, order) => ({
    id: seedId(seed),
    createdAt: nowIso,
    updatedAt: nowIso,
    deleted: false,
    kind: seed.kind,
    code: seed.code,
    labelKey: seedLabelKey(seed),
    label: seed.label ?? '',
    archived: false,
    order,
  }));
  // Seeds are the same on every device and are not sent to the server.
  await deps.db.referenceData.bulkPut(entries);
}

export async function addReferenceEntry(
  deps: RepoDeps,
  kind: ReferenceKind,
  label: string,
): Promise<ReferenceEntry> {
  const nowIso = deps.now().toISOString();
  const count = await deps.db.referenceData.count();
  const entry: ReferenceEntry = {
    id: deps.newId(),
    createdAt: nowIso,
    updatedAt: nowIso,
    deleted: false,
    kind,
    code: `custom-${deps.newId().slice(0, 8)}`,
    labelKey: null,
    label: label.trim(),
    archived: false,
    order: count,
  };
  await commitWrites(deps, [{ table: 'referenceData', before: null, after: entry }]);
  return entry;
}

export async function updateReferenceEntry(
  deps: RepoDeps,
  before: ReferenceEntry,
  changes: Pick<ReferenceEntry, 'label' | 'archived'>,
): Promise<void> {
  const after: ReferenceEntry = { ...before, ...changes, updatedAt: deps.now().toISOString() };
  await commitWrites(deps, [{ table: 'referenceData', before, after }]);
}
