import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncTables } from '../../src/domain/sync/mutation';
import type { PullResponse } from '../../src/domain/sync/protocol';
import { databasePath, openDatabase } from '../../src/server/db/openDatabase';
import { sqliteSyncStore } from '../../src/server/store/sqliteSyncStore';
import { pullAnswerBytes } from '../../src/server/sync/pullAnswerBytes';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Record data as the store keeps it: it went through JSON once. */
const storedData = fc
  .dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' }))
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);

describe('the pull answer as bytes', () => {
  it('is exactly the JSON of the answer, given its changes as serialised JSON', () => {
    const change = fc.record({
      table: fc.constantFrom(...syncTables),
      id: fc.string(),
      version: fc.integer({ min: 0 }),
      data: storedData,
    });
    fc.assert(
      fc.property(
        fc.record({
          epoch: fc.string({ unit: 'binary' }),
          changes: fc.array(change, { maxLength: 4 }),
          cursor: fc.integer({ min: 0 }),
          hasMore: fc.boolean(),
          serverClock: fc.string(),
        }),
        (response: PullResponse) => {
          const { changes, ...envelope } = response;
          const changesJson = utf8(changes.map((c) => JSON.stringify(c)).join(','));
          const answer = pullAnswerBytes(envelope, changesJson);
          expect(answer.toString('utf8')).toBe(JSON.stringify(response));
        },
      ),
    );
  });

  it('pages of the SQLite store hold every record as it was stored, whatever its text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bruecke-pullbytes-'));
    const db = openDatabase(databasePath(dir));
    const store = sqliteSyncStore(db);
    try {
      const records = fc.sample(storedData, { numRuns: 40, seed: 7 }).map((data, i) => ({
        table: syncTables[i % syncTables.length] ?? 'organisations',
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        version: i + 1,
        data: {
          ...data,
          text: 'Verein „Brücke“ \\ "zitiert" \n جمعية 🤝 \u2028 \ud800',
        },
      }));
      await store.transact(async (tx) => {
        for (const r of records) await tx.putRecord({ ...r, fields: {} });
      });
      const pulled: PullResponse['changes'] = [];
      let since = 0;
      for (;;) {
        const page = await store.pull(since, 15);
        const answer = pullAnswerBytes(
          { epoch: 'e', cursor: page.lastVersion ?? since, hasMore: page.hasMore, serverClock: '' },
          page.changesJson,
        );
        const parsed = JSON.parse(answer.toString('utf8')) as PullResponse;
        expect(parsed.changes).toHaveLength(page.count);
        pulled.push(...parsed.changes);
        since = parsed.cursor;
        if (!parsed.hasMore) break;
      }
      expect(pulled).toEqual(records.map((r) => JSON.parse(JSON.stringify(r)) as unknown));
      const empty = await store.pull(since, 15);
      expect(empty).toEqual({
        changesJson: new Uint8Array(0),
        count: 0,
        lastVersion: null,
        hasMore: false,
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
