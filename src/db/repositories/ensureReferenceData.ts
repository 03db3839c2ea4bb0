import type { ReferenceEntry } from '../../domain/referenceData';
import { referenceSeeds, seedId, seedLabelKey } from '../../domain/referenceSeeds';
import type { RepoDeps } from '../deps';

/**
 * Fills the reference tables on first start; entries already present are left as they are.
 * On the start path, so it stays free of `commitWrites` and the zod schemas.
 */
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
