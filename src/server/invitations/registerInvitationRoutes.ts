import { randomUUID } from 'node:crypto';
import type { FastifyPluginCallback } from 'fastify';
import { z } from 'zod';
import {
  type CreateInvitationResponse,
  createInvitationRequestSchema,
  INVITATION_DEFAULT_DAYS,
} from '../../domain/invitation';
import { principalOf, requirePrincipal } from '../auth/requirePrincipal';
import { sendError } from '../httpErrors';
import type { SyncStore } from '../sync/syncStore';
import { fieldErrors } from './fieldErrors';
import type { InvitationStore } from './invitationStore';
import { hashInvitationToken, newInvitationToken } from './invitationToken';
import { liveOrganisation } from './organisationLookup';

export interface InvitationRoutesOptions {
  invitations: InvitationStore;
  store: SyncStore;
  now: () => Date;
  newId?: () => string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const listQuerySchema = z.strictObject({ organisationId: z.uuid() });
const idParamsSchema = z.object({ id: z.uuid() });

const manage = requirePrincipal({ type: 'invitations.manage' });

/**
 * The coordinator's invitation routes (docs/self-report.md), registered under `/api`:
 * `POST /invitations`, `GET /invitations?organisationId=`, `POST /invitations/:id/revoke`.
 */
export const registerInvitationRoutes: FastifyPluginCallback<InvitationRoutesOptions> = (
  app,
  options,
  done,
) => {
  const { invitations, store, now } = options;
  const newId = options.newId ?? randomUUID;

  app.post('/invitations', { onRequest: manage, bodyLimit: 8 * 1024 }, async (request, reply) => {
    const principal = principalOf(request);
    if (principal.kind !== 'coordinator') return sendError(reply, 403, 'forbidden', 'Not allowed.');
    const parsed = createInvitationRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'invalid_body',
        'Send { organisationId, validDays? } (validDays 1–90).',
        { errors: fieldErrors(parsed.error) },
      );
    }
    const { organisationId, validDays = INVITATION_DEFAULT_DAYS } = parsed.data;
    if (!(await liveOrganisation(store, organisationId))) {
      return sendError(
        reply,
        404,
        'organisation_not_found',
        'The server does not have this organisation (not synced yet, or deleted). Sync first.',
      );
    }
    const token = newInvitationToken();
    const createdAt = now();
    const invitation = await invitations.create({
      id: newId(),
      organisationId,
      tokenHash: hashInvitationToken(token),
      createdBy: principal.userId,
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(createdAt.getTime() + validDays * DAY_MS).toISOString(),
    });
    const response: CreateInvitationResponse = { invitation, token };
    return reply.code(201).send(response);
  });

  app.get('/invitations', { onRequest: manage }, async (request, reply) => {
    const parsed = listQuerySchema.safeParse(request.query);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'invalid_query',
        'Query parameters: organisationId (a uuid) and nothing else.',
      );
    }
    return { invitations: await invitations.listByOrganisation(parsed.data.organisationId) };
  });

  app.post('/invitations/:id/revoke', { onRequest: manage }, async (request, reply) => {
    const params = idParamsSchema.safeParse(request.params);
    const revoked = params.success
      ? await invitations.revoke(params.data.id, now().toISOString())
      : null;
    if (!revoked) return sendError(reply, 404, 'invitation_not_found', 'No such invitation.');
    return { invitation: revoked };
  });

  done();
};
