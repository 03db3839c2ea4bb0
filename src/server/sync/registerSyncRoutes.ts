import type { FastifyPluginCallback, FastifySchemaValidationError } from 'fastify';
import {
  CLOCK_DRIFT_WARN_MS,
  PULL_MAX_LIMIT,
  type MutationResult,
  type PushResponse,
} from '../../domain/sync/protocol';
import { can, type Principal } from '../auth/principal';
import { principalOf, requirePrincipal } from '../auth/requirePrincipal';
import { sendError } from '../httpErrors';
import { parsePush } from './parsePush';
import { processPush } from './processPush';
import { compressAnswer } from './compressAnswer';
import { pullAnswerBytes } from './pullAnswerBytes';
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

  // Push bodies are JSON only: without this, Fastify would hand a text/plain body over as a string.
  app.removeContentTypeParser('text/plain');

  app.post(
    '/sync/push',
    {
      // onRequest: a request without a valid login is refused before its body is even read.
      onRequest: requirePrincipal({ type: 'sync.pull' }),
      bodyLimit: PUSH_BODY_LIMIT,
    },
    async (request, reply) => {
      const parsed = parsePush(request.body);
      if (!parsed.ok) return sendError(reply, parsed.status, parsed.code, parsed.message);
      const { body } = parsed;
      const principal = principalOf(request);
      const epoch = await store.epoch();
      if (body.epoch !== null && body.epoch !== epoch) {
        return sendError(
          reply,
          409,
          'epoch_changed',
          'The server was restored from a backup (its epoch changed): forget the pull cursor and server versions, resync from scratch, then push again.',
          { epoch },
        );
      }
      const serverNow = now();
      try {
        const results = await store.transact(async (tx) => {
          let applied: MutationResult[];
          try {
            applied = await processPush(tx, parsed.mutations, {
              now: serverNow,
              author: authorOf(principal),
              authorize: (m) =>
                can(principal, { type: 'sync.push', table: m.table, organisationId: null })
                  ? null
                  : 'forbidden',
            });
          } catch (error) {
            if (!(error instanceof BatchRejected) || parsed.rejected.length === 0) throw error;
            throw new BatchRejected([
              ...parsed.rejected.map((r) => r.rejection),
              ...error.rejected,
            ]);
          }
          // Malformed mutations refuse the batch too: it is applied completely or not at all.
          if (parsed.rejected.length > 0) {
            throw new BatchRejected(parsed.rejected.map((r) => r.rejection));
          }
          return applied;
        });
        const clockDriftMs = new Date(body.clientTime).getTime() - serverNow.getTime();
        if (Math.abs(clockDriftMs) > CLOCK_DRIFT_WARN_MS) {
          options.onClockDrift?.(body.clientId, clockDriftMs);
        }
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
          const rejected = [...error.rejected].sort(
            (a, b) =>
              (parsed.indexOf.get(a.mutationId) ?? 0) - (parsed.indexOf.get(b.mutationId) ?? 0),
          );
          return reply.code(422).send({
            code: 'mutations_rejected',
            message: `${rejected.length} of ${parsed.count} mutation(s) were refused (see rejected); nothing of this push was applied. Set those aside and push the rest again.`,
            rejected,
          });
        }
        throw error;
      }
    },
  );

  app.get(
    '/sync/pull',
    {
      onRequest: requirePrincipal({ type: 'sync.pull' }),
      schema: {
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
            limit: { type: 'integer', minimum: 1, maximum: PULL_MAX_LIMIT },
          },
          additionalProperties: false,
        },
      },
      // A bad query is answered by the handler (after the login check) with its own code.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) {
        const issues = request.validationError.validation as FastifySchemaValidationError[];
        const detail = issues
          .map((v) =>
            'additionalProperty' in v.params
              ? `unknown parameter "${String(v.params.additionalProperty)}"`
              : `${v.instancePath.replace(/^\//, '') || 'query'} ${v.message ?? 'is invalid'}`,
          )
          .join('; ');
        return sendError(
          reply,
          400,
          'invalid_query',
          `Query parameters: ${detail}. Allowed: since (whole number ≥ 0), limit (1–${PULL_MAX_LIMIT}).`,
        );
      }
      const { since = 0, limit = 500 } = request.query as { since?: number; limit?: number };
      const [epoch, page, serverClock] = await Promise.all([
        store.epoch(),
        store.pull(since, limit),
        store.maxStamp(),
      ]);
      const answer = pullAnswerBytes(
        {
          epoch,
          cursor: page.lastVersion ?? since,
          hasMore: page.hasMore,
          serverClock: serverClock || '',
        },
        page.changesJson,
      );
      const { body, encoding } = await compressAnswer(answer, request.headers['accept-encoding']);
      void reply.header('vary', 'accept-encoding');
      if (encoding) void reply.header('content-encoding', encoding);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  done();
};
