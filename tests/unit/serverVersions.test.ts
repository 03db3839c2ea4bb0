import { describe, expect, it } from 'vitest';
import { BrueckeDb } from '../../src/db/database';
import {
  lookupVersions,
  recordVersions,
  VERSION_BUCKETS,
  VERSION_ROW_PREFIX,
  versionBucket,
} from '../../src/sync/serverVersions';

const key = (n: number) => `visits/00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('server versions of pulled records', () => {
  it('are filed by bucket, so an edit looks in one small part of what was pulled', async () => {
    const db = new BrueckeDb(`versions-${crypto.randomUUID()}`);
    await db.open();
    // Three pages of 1,000 records; the second page brings records 1–500 again, newer.
    await db.transaction('rw', db.shadows, async () => {
      await recordVersions(
        db,
        1000,
        Array.from({ length: 1000 }, (_, i) => [key(i), i + 1]),
      );
      await recordVersions(
        db,
        2000,
        Array.from({ length: 1000 }, (_, i) => [key(i < 500 ? i : 1000 + i), 1001 + i]),
      );
      await recordVersions(
        db,
        3000,
        Array.from({ length: 1000 }, (_, i) => [key(2000 + i), 2001 + i]),
      );
    });
    const rows = await db.shadows.where('key').startsWith(VERSION_ROW_PREFIX).toArray();
    // At most one row per bucket and page, and every key in the row of its own bucket.
    expect(rows.length).toBeLessThanOrEqual(3 * VERSION_BUCKETS);
    for (const row of rows as unknown as { key: string; entries: string }[]) {
      const bucket = Number.parseInt(
        row.key.slice(VERSION_ROW_PREFIX.length + 1, VERSION_ROW_PREFIX.length + 3),
        16,
      );
      for (const line of row.entries.split('\n').filter(Boolean))
        expect(versionBucket(line.split('\t')[0] ?? '')).toBe(bucket);
    }
    // The largest bucket holds a small share of the 3,000 entries.
    const sizes = rows.map((r) => (r as unknown as { entries: string }).entries.length);
    expect(Math.max(...sizes)).toBeLessThan((3000 * 60) / 16);
    const found = await lookupVersions(db, [
      key(0),
      key(499),
      key(500),
      key(1999),
      key(2999),
      key(5000),
    ]);
    expect(Object.fromEntries(found)).toEqual({
      [key(0)]: 1001,
      [key(499)]: 1500,
      [key(500)]: 501,
      [key(1999)]: 2000,
      [key(2999)]: 3000,
    });
    // Only pages after a version: what a shadow at version 1500 has not seen.
    const newer = await lookupVersions(db, [key(0), key(2999)], 2000);
    expect(Object.fromEntries(newer)).toEqual({ [key(2999)]: 3000 });
    db.close();
  });
});
