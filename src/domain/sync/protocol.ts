import { z } from 'zod';
import { syncTables } from './mutation';
import { wireMutationSchema } from './wireMutation';

/**
 * Wire format of the sync API, shared by the client engine and the server (docs/sync-protocol.md).
 * Limits here are part of the contract: a second client must respect them.
 */
export const PUSH_MAX_MUTATIONS = 500;
export const PULL_MAX_LIMIT = 1000;
/** Clock differences beyond this are reported to the user (never fatal). */
export const CLOCK_DRIFT_WARN_MS = 5 * 60 * 1000;
/** Stamps further in the future than this are refused: they would win every conflict for years. */
export const STAMP_FUTURE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;

export const pushRequestSchema = z.object({
  clientId: z.string().min(1).max(100),
  /** The server epoch this client last synced with; null on a fresh device. */
  epoch: z.string().max(100).nullable(),
  /** The device's wall clock when sending, to detect clock drift. */
  clientTime: z.iso.datetime(),
  /** Outbox entries in their push form (`toWire`): shared stamps said once per mutation. */
  mutations: z.array(wireMutationSchema).max(PUSH_MAX_MUTATIONS),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(['applied', 'duplicate']),
  /** Server version of the record after this mutation. */
  version: z.number().int(),
  conflicts: z.number().int(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  epoch: z.string(),
  results: z.array(mutationResultSchema),
  /** The highest clock stamp the server has seen: the client's clock moves past it. */
  serverClock: z.string(),
  serverTime: z.iso.datetime(),
  clockDriftMs: z.number(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const rejectionSchema = z.object({
  mutationId: z.string(),
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

/** 422: some mutations cannot be applied; nothing of the batch was applied. */
export const rejectedResponseSchema = z.object({
  code: z.literal('mutations_rejected'),
  message: z.string(),
  rejected: z.array(rejectionSchema),
});

export const pulledChangeSchema = z.object({
  table: z.enum(syncTables),
  id: z.string(),
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
});
export type PulledChange = z.infer<typeof pulledChangeSchema>;

export const pullResponseSchema = z.object({
  epoch: z.string(),
  changes: z.array(pulledChangeSchema),
  /** Pass as `since` for the next page. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  serverClock: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
});
