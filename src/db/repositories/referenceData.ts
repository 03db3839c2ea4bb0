import type { ReferenceEntry, ReferenceKind } from '../../domain/referenceData';
import { commitWrites } from '../commitWrites';
import type { RepoDeps } from '../deps';

export { ensureReferenceData } from './ensureReferenceData';

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
