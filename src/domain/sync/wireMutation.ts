import { z } from 'zod';
import { changeLimits, fieldStampSchema, mutationSchema, type Mutation } from './mutation';

/**
 * A mutation as a push carries it: the stamp that the changes share is said once, on the
 * mutation (`stamp`), and a change names its own `stamp` only where it differs. The browser
 * stamps all changes of one edit alike, so a stamp (about 60 characters, most of a short change)
 * travels once per mutation instead of once per field. The full per-change form is still
 * accepted. Storage (outbox, server) always keeps every change's stamp: see {@link fromWire}.
 */
export const wireMutationSchema = mutationSchema
  .extend({
    stamp: z.string().max(changeLimits.maxStampLength).optional(),
    changes: z
      .array(fieldStampSchema.extend({ stamp: fieldStampSchema.shape.stamp.optional() }))
      .max(changeLimits.maxChanges),
  })
  .superRefine((m, ctx) => {
    if (m.stamp !== undefined) return;
    const unstamped = m.changes.findIndex((c) => c.stamp === undefined);
    if (unstamped >= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['changes', unstamped, 'stamp'],
        message: 'a change needs a stamp, or its mutation one (`stamp`) that its changes share',
      });
  });
export type WireMutation = z.input<typeof wireMutationSchema>;

/** The stamp most of the changes carry (the first of equals), or undefined without changes. */
function commonStamp(changes: Mutation['changes']): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const { stamp } of changes) {
    const count = (counts.get(stamp) ?? 0) + 1;
    counts.set(stamp, count);
    if (count > bestCount) {
      best = stamp;
      bestCount = count;
    }
  }
  return best;
}

/** The push form of an outbox entry: its most common stamp moved up to the mutation. */
export function toWire(m: Mutation): WireMutation {
  const stamp = commonStamp(m.changes);
  if (stamp === undefined) return m;
  return {
    ...m,
    stamp,
    changes: m.changes.map((c) =>
      c.stamp === stamp ? { path: c.path, value: c.value } : { ...c },
    ),
  };
}

/**
 * The stored form of a pushed mutation (as `mutationSchema` gives it, keys in its order): every
 * change with its stamp, the mutation's own `stamp` dropped. The caller has checked (with
 * `wireMutationSchema`) that every change has one.
 */
export function fromWire(m: WireMutation): Mutation {
  return {
    mutationId: m.mutationId,
    clientId: m.clientId,
    seq: m.seq,
    table: m.table,
    recordId: m.recordId,
    baseVersion: m.baseVersion,
    changes: m.changes.map((c) => ({
      path: c.path,
      value: c.value,
      stamp: c.stamp ?? m.stamp ?? '',
    })),
    createdAt: m.createdAt,
  };
}
