import type { Transaction } from 'dexie';
import { compactVersions } from '../../sync/serverVersions';

/**
 * Version 5 files the server versions of pulled records by bucket (see serverVersions.ts): rows
 * written before, one per pulled page with every key, are merged into buckets here, so that no
 * lookup has to read them again. The stores stay as in version 4.
 */
export function upgradeToV5(tx: Transaction): Promise<void> {
  return compactVersions(tx);
}
