import { z } from 'zod';

/**
 * Wire schemas of the invitation API (docs/self-report.md), shared by the server and the
 * coordinator's app. An invitation lets a representative report for one organisation; the server
 * keeps only the SHA-256 of its token, the coordinator's device keeps the token to show the link.
 */

export const INVITATION_DEFAULT_DAYS = 14;
export const INVITATION_MAX_DAYS = 90;

/** `inv_` + 32 random bytes in base64url (43 characters, no padding). */
export const INVITATION_TOKEN_PATTERN = /^inv_[A-Za-z0-9_-]{43}$/;

export function isInvitationToken(token: string): boolean {
  return INVITATION_TOKEN_PATTERN.test(token);
}

export const invitationSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  /** The id of the coordinator account that created it. */
  createdBy: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** `POST /api/invitations` body. */
export const createInvitationRequestSchema = z.strictObject({
  organisationId: z.uuid({ error: 'errors.idInvalid' }),
  validDays: z
    .number({ error: 'errors.numberInvalid' })
    .int({ error: 'errors.numberInvalid' })
    .min(1, { error: 'errors.numberInvalid' })
    .max(INVITATION_MAX_DAYS, { error: 'errors.numberTooLarge' })
    .optional(),
});
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

/** `201` answer of `POST /api/invitations`: the only time the server hands out the token. */
export const createInvitationResponseSchema = z.object({
  invitation: invitationSchema,
  token: z.string().regex(INVITATION_TOKEN_PATTERN),
});
export type CreateInvitationResponse = z.infer<typeof createInvitationResponseSchema>;

/** `GET /api/invitations?organisationId=…`, newest first. */
export const invitationListResponseSchema = z.object({
  invitations: z.array(invitationSchema),
});
export type InvitationListResponse = z.infer<typeof invitationListResponseSchema>;

/** `POST /api/invitations/<id>/revoke`. */
export const invitationResponseSchema = z.object({ invitation: invitationSchema });

/** `201`/`200` answer of `POST /api/self-report`: when the server received the submission. */
export const selfReportReceiptSchema = z.object({
  id: z.uuid(),
  submittedAt: z.iso.datetime(),
});
export type SelfReportReceipt = z.infer<typeof selfReportReceiptSchema>;

/** `400 invalid_submission` (and `400 invalid_body` of the invitation routes): what is wrong where. */
export const fieldErrorsResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

export type InvitationStatus = 'active' | 'expired' | 'revoked';

/** Revoked wins over expired: it is the coordinator's deliberate act. */
export function invitationStatus(
  invitation: Pick<Invitation, 'expiresAt' | 'revokedAt'>,
  now: Date,
): InvitationStatus {
  if (invitation.revokedAt !== null) return 'revoked';
  return Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : 'active';
}
