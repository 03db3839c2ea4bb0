import type { PullResponse } from '../../domain/sync/protocol';
import type { StoredChange } from './syncStore';

export type PullAnswer = Omit<PullResponse, 'changes'> & { changes: readonly StoredChange[] };

/**
 * The pull answer as JSON text, byte for byte what `JSON.stringify` gives for the
 * {@link PullResponse} with each record's data parsed: the data is spliced in as stored (it was
 * written by `JSON.stringify`, so parsing and serialising it again would give the same text).
 */
export function pullAnswerJson(answer: PullAnswer): string {
  const changes = answer.changes
    .map(
      (c) =>
        `{"table":${JSON.stringify(c.table)},"id":${JSON.stringify(c.id)},"version":${JSON.stringify(c.version)},"data":${c.dataJson}}`,
    )
    .join(',');
  return `{"epoch":${JSON.stringify(answer.epoch)},"changes":[${changes}],"cursor":${JSON.stringify(answer.cursor)},"hasMore":${JSON.stringify(answer.hasMore)},"serverClock":${JSON.stringify(answer.serverClock)}}`;
}
