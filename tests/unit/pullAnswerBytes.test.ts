import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syncTables } from '../../src/domain/sync/mutation';
import type { PullResponse } from '../../src/domain/sync/protocol';
import { pullAnswerJson } from '../../src/server/sync/pullAnswerJson';

describe('pullAnswerJson', () => {
  it('gives exactly the JSON of the answer with every record parsed', () => {
    const change = fc.record({
      table: fc.constantFrom(...syncTables),
      id: fc.string(),
      version: fc.integer({ min: 0 }),
      // Stored data went through JSON once (as the store writes it).
      data: fc
        .dictionary(fc.string(), fc.jsonValue())
        .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>),
    });
    fc.assert(
      fc.property(
        fc.record({
          epoch: fc.string(),
          changes: fc.array(change, { maxLength: 4 }),
          cursor: fc.integer({ min: 0 }),
          hasMore: fc.boolean(),
          serverClock: fc.string(),
        }),
        (answer: PullResponse) => {
          const stored = answer.changes.map(({ data, ...c }) => ({
            ...c,
            dataJson: JSON.stringify(data),
          }));
          expect(pullAnswerJson({ ...answer, changes: stored })).toBe(JSON.stringify(answer));
        },
      ),
    );
  });
});
