import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import {
  currentAnswers,
  selfReportSubmissionSchema,
  type SelfReportView,
} from '../../domain/selfReport';
import { can, type Principal } from '../auth/principal';
import { principalOf, requirePrincipal } from '../auth/requirePrincipal';
import { sendError } from '../httpErrors';
import type { SyncStore } from '../sync/syncStore';
import { fieldErrors } from './fieldErrors';
import type { InvitationStore } from './invitationStore';
import { liveOrganisation } from './organisationLookup';
import { submitSelfReport } from './submitSelfReport';

export interface SelfReportRoutesOptions {
  invitations: InvitationStore;
  store: SyncStore;
  now: () => Date;
}

/** Far more than a full self-report in any script (24 needs notes of 2 000 characters, …). */
export const SELF_REPORT_BODY_LIMIT = 256 * 1024;

type InvitationPrincipal = Extract<Principal, { kind: 'invitation' }>;

/** The invitation behind the request, or null after answering 403 (e.g. a coordinator session). */
function invitationOf(
  request: FastifyRequest,
  reply: FastifyReply,
  action: 'selfReport.read' | 'selfReport.write',
): InvitationPrincipal | null {
  const principal = principalOf(request);
  if (
    principal.kind !== 'invitation' ||
    !can(principal, { type: action, organisationId: principal.organisationId })
  ) {
    void sendError(reply, 403, 'forbidden', 'This route is for invitation links only.');
    return null;
  }
  return principal;
}

function organisationGone(reply: FastifyReply): FastifyReply {
  return sendError(
    reply,
    404,
    'organisation_not_found',
    'The organisation of this invitation is no longer available.',
  );
}

/**
 * The representative's routes (docs/self-report.md), registered under `/api`, reachable only with
 * an invitation token (`Authorization: Bearer inv_…`). The token decides the organisation; no
 * request can name another one.
 */
export const registerSelfReportRoutes: FastifyPluginCallback<SelfReportRoutesOptions> = (
  app,
  options,
  done,
) => {
  const { invitations, store, now } = options;
  const routeOptions = {
    config: { allowInvitationToken: true },
    // onRequest: an invalid token is refused before the body is even read.
    onRequest: requirePrincipal(),
  };

  app.get('/self-report', routeOptions, async (request, reply) => {
    const principal = invitationOf(request, reply, 'selfReport.read');
    if (!principal) return reply;
    const [organisation, invitation] = await Promise.all([
      liveOrganisation(store, principal.organisationId),
      invitations.findById(principal.invitationId),
    ]);
    if (!organisation || !invitation) return organisationGone(reply);
    const view: SelfReportView = {
      organisationId: organisation.id,
      organisationName: organisation.name,
      answers: currentAnswers(organisation),
      needs: organisation.needs,
      expiresAt: invitation.expiresAt,
    };
    return view;
  });

  app.post(
    '/self-report',
    { ...routeOptions, bodyLimit: SELF_REPORT_BODY_LIMIT },
    async (request, reply) => {
      const principal = invitationOf(request, reply, 'selfReport.write');
      if (!principal) return reply;
      const parsed = selfReportSubmissionSchema.safeParse(request.body);
      if (!parsed.success) {
        return sendError(
          reply,
          400,
          'invalid_submission',
          'The submission is not valid; see errors (messages are errors.* translation keys).',
          { errors: fieldErrors(parsed.error) },
        );
      }
      if (!(await liveOrganisation(store, principal.organisationId))) {
        return organisationGone(reply);
      }
      const outcome = await submitSelfReport(store, parsed.data, principal, now());
      switch (outcome.kind) {
        case 'created':
          return reply.code(201).send(outcome.receipt);
        case 'repeated':
          return outcome.receipt;
        case 'idTaken':
          return sendError(
            reply,
            409,
            'submission_id_taken',
            'This submission id is already used by something else; send with a new id.',
          );
        default:
          outcome satisfies never;
          throw new Error('unknown outcome');
      }
    },
  );

  done();
};
