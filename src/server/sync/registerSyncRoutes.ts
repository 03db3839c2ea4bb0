import type { FastifyPluginCallback } from 'fastify';
import {
  PULL_MAX_LIMIT,
  pushRequestSchema,
  type PullResponse,
  type PushResponse,
} from '../../domain/sync/protocol';
import { can, type Principal } from '../auth/principal';
import { principalOf, requirePrincipal } from '../auth/requirePrincipal';
import { sendError } from '../httpErrors';
import { processPush } from './processPush';
import { BatchRejected, type SyncStore } from './syncStore';

export interface SyncRoutesOptions {
  store: SyncStore;
  now: () => Date;
  /** Called when a client's clock differs from the server's by more than the warning limit. */
  onClockDrift?: (clientId: string, driftMs: number) => void;
}

const authorOf = (p: Principal): string =>
  p.kind === 'coordinator' ? p.displayName : `invitation:${p.invitationId}`;

/** 1 MiB per push: 500 mutations of a few hundred fields each fit comfortably. */
export const PUSH_BODY_LIMIT = 1024 * 1024;

/**
 * The sync API (docs/sync-protocol.md): POST /sync/push applies a batch of outbox entries in one
 * transaction; GET /sync/pull pages through the server's change sequence.
 */
export const registerSyncRoutes: FastifyPluginCallback<SyncRoutesOptions> = (
  app,
  options,
  done,
) => {
  const { store, now } = options;

  app.post(
    '/sync/push',
    { preHandler: requirePrincipal({ type: 'sync.pull' }), bodyLimit: PUSH_BODY_LIMIT },
    async (request, reply) => {
      const parsed = pushRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return sendError(
          reply,
          400,
          'invalid_body',
          `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
        );
      }
      const body = parsed.data;
      const principal = principalOf(request);
      const epoch = await store.epoch();
      if (body.epoch !== null && body.epoch !== epoch) {
        return sendError(
          reply,
          409,
          'epoch_changed',
          'The server was restored; resync from scratch.',
        );
      }
      if (body.mutations.some((m) => m.clientId !== body.clientId)) {
        return sendError(
          reply,
          400,
          'client_mismatch',
          'Every mutation must come from the sending client.',
        );
      }
      const serverNow = now();
      try {
        const results = await store.transact((tx) =>
          processPush(tx, body.mutations, {
            now: serverNow,
            author: authorOf(principal),
            authorize: (m) =>
              can(principal, { type: 'sync.push', table: m.table, organisationId: null })
                ? null
                : 'forbidden',
          }),
        );
        const clockDriftMs = new Date(body.clientTime).getTime() - serverNow.getTime();
        options.onClockDrift?.(body.clientId, clockDriftMs);
        const response: PushResponse = {
          epoch,
          results,
          serverClock: await store.maxStamp(),
          serverTime: serverNow.toISOString(),
          clockDriftMs,
        };
        return response;
      } catch (error) {
        if (error instanceof BatchRejected) {
          return reply.code(422).send({
            code: 'mutations_rejected',
            message: 'Some changes were refused; nothing was applied.',
            rejected: error.rejected,
          });
        }
        throw error;
      }
    },
  );

  app.get(
    '/sync/pull',
    {
      preHandler: requirePrincipal({ type: 'sync.pull' }),
      schema: {
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'integer', minimum: 0 },
            limit: { type: 'integer', minimum: 1, maximum: PULL_MAX_LIMIT },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { since = 0, limit = 500 } = request.query as { since?: number; limit?: number };
      const [epoch, page, serverClock] = await Promise.all([
        store.epoch(),
        store.pull(since, limit),
        store.maxStamp(),
      ]);
      const last = page.changes[page.changes.length - 1];
      const response: PullResponse = {
        epoch,
        changes: page.changes,
        cursor: last ? last.version : since,
        hasMore: page.hasMore,
        serverClock: serverClock || '',
      };
      return response;
    },
  );

  done();
};
