import { z } from 'zod';
import {
  createInvitationResponseSchema,
  invitationListResponseSchema,
  invitationResponseSchema,
  type CreateInvitationResponse,
  type Invitation,
} from '../../domain/invitation';

/* The HTTP client of the coordinator's invitation routes (docs/self-report.md). */

const errorBodySchema = z.object({ code: z.string() });

/** Why a call did not work, in words the screen can translate. */
export type InvitationFailure =
  /** No session (401): log in again. */
  | { kind: 'unauthenticated' }
  /** The session may not manage invitations (403). */
  | { kind: 'forbidden' }
  /** The organisation is not on the server yet (not synced) or was deleted. */
  | { kind: 'organisationNotFound' }
  | { kind: 'invitationNotFound' }
  /** No answer: offline, server down or a proxy error. */
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export type ApiResult<T> = { kind: 'ok'; value: T } | InvitationFailure;

export interface InvitationApi {
  create(organisationId: string, validDays?: number): Promise<ApiResult<CreateInvitationResponse>>;
  list(organisationId: string): Promise<ApiResult<Invitation[]>>;
  revoke(invitationId: string): Promise<ApiResult<Invitation>>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function body(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function failure(status: number, payload: unknown): InvitationFailure {
  if (status >= 500 || status === 408) return { kind: 'network' };
  const code = errorBodySchema.safeParse(payload);
  if (status === 401) return { kind: 'unauthenticated' };
  if (status === 403) return { kind: 'forbidden' };
  if (status === 404) {
    return code.success && code.data.code === 'organisation_not_found'
      ? { kind: 'organisationNotFound' }
      : { kind: 'invitationNotFound' };
  }
  return { kind: 'unexpected', status };
}

/** `/api/invitations` (create, list, revoke) with the session cookie; `fetch` is injected. */
export function createInvitationApi(baseUrl: string, fetchImpl: Fetch): InvitationApi {
  const call = async <T>(
    path: string,
    schema: z.ZodType<T>,
    init?: RequestInit,
  ): Promise<ApiResult<T>> => {
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}/api/invitations${path}`, {
        credentials: 'same-origin',
        cache: 'no-store',
        ...init,
      });
    } catch {
      return { kind: 'network' };
    }
    const payload = await body(res);
    if (!res.ok) return failure(res.status, payload);
    const parsed = schema.safeParse(payload);
    return parsed.success
      ? { kind: 'ok', value: parsed.data }
      : { kind: 'unexpected', status: res.status };
  };
  const post = (payload: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  return {
    create: (organisationId, validDays) =>
      call(
        '',
        createInvitationResponseSchema,
        post(validDays === undefined ? { organisationId } : { organisationId, validDays }),
      ),
    list: async (organisationId) => {
      const query = new URLSearchParams({ organisationId }).toString();
      const result = await call(`?${query}`, invitationListResponseSchema);
      return result.kind === 'ok' ? { kind: 'ok', value: result.value.invitations } : result;
    },
    revoke: async (invitationId) => {
      const result = await call(
        `/${encodeURIComponent(invitationId)}/revoke`,
        invitationResponseSchema,
        post({}),
      );
      return result.kind === 'ok' ? { kind: 'ok', value: result.value.invitation } : result;
    },
  };
}
