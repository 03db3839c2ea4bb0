import type { PullResponse } from '../../domain/sync/protocol';

export type PullEnvelope = Omit<PullResponse, 'changes'>;

/**
 * The pull answer as UTF-8 bytes, byte for byte what `JSON.stringify` gives for the
 * {@link PullResponse}, given its changes already serialised (`StoredPage.changesJson`: the
 * objects joined by commas). Only the envelope is serialised here; the records are copied as the
 * store produced them.
 */
export function pullAnswerBytes(envelope: PullEnvelope, changesJson: Uint8Array): Buffer {
  const head = `{"epoch":${JSON.stringify(envelope.epoch)},"changes":[`;
  const tail = `],"cursor":${JSON.stringify(envelope.cursor)},"hasMore":${JSON.stringify(envelope.hasMore)},"serverClock":${JSON.stringify(envelope.serverClock)}}`;
  return Buffer.concat([Buffer.from(head, 'utf8'), changesJson, Buffer.from(tail, 'utf8')]);
}
