import { z } from 'zod';
import {
  selfReportViewSchema,
  type SelfReportSubmission,
  type SelfReportView,
} from '../../domain/selfReport';

/** Why an invitation link no longer works (the server's 401 codes). */
export const linkProblems = [
  'invitation_expired',
  'invitation_revoked',
  'unauthenticated',
] as const;
export type LinkProblem = (typeof linkProblems)[number];

/** A field error as the server reports it: path from the submission root, an `errors.*` key. */
export interface ServerFieldError {
  path: string;
  message: string;
}

export type LoadOutcome =
  | { kind: 'ok'; view: SelfReportView }
  | { kind: 'link'; code: LinkProblem }
  /** No answer: offline, server down, a proxy error. Worth trying again later. */
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export type SubmitOutcome =
  | { kind: 'ok'; id: string; submittedAt: string }
  | { kind: 'invalid'; errors: ServerFieldError[] }
  | { kind: 'link'; code: LinkProblem }
  /** The submission id belongs to another link: send again under a new id. */
  | { kind: 'conflict' }
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export interface SelfReportApi {
  load(token: string): Promise<LoadOutcome>;
  submit(token: string, submission: SelfReportSubmission): Promise<SubmitOutcome>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The answers' schemas, built on first use: building zod schemas takes a noticeable while, and
 * the page's start (while the representative waits for the first screen) needs none of these.
 */
let answerSchemas: ReturnType<typeof buildAnswerSchemas> | null = null;
function buildAnswerSchemas() {
  return {
    code: z.object({ code: z.string() }),
    submitted: z.object({ id: z.string(), submittedAt: z.string() }),
    invalid: z.object({
      errors: z.array(
        z.object({
          path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]),
          message: z.string(),
        }),
      ),
    }),
  };
}
const schemas = () => (answerSchemas ??= buildAnswerSchemas());

interface Answer {
  status: number;
  ok: boolean;
  body: unknown;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

const unreachable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

function linkProblemOf(body: unknown): LinkProblem {
  const parsed = schemas().code.safeParse(body);
  const code = parsed.success ? parsed.data.code : '';
  return (linkProblems as readonly string[]).includes(code)
    ? (code as LinkProblem)
    : 'unauthenticated';
}

/**
 * The representative's HTTP client: `GET`/`POST /api/self-report` with the invitation token as
 * `Authorization: Bearer`. The only place of the self-report that talks to the network.
 */
export function createSelfReportApi(
  baseUrl: string,
  fetchImpl: Fetch,
  timeoutMs = 20_000,
): SelfReportApi {
  /** The whole answer (an unread body keeps the request open), or null when none came. */
  const call = async (token: string, init: RequestInit = {}): Promise<Answer | null> => {
    try {
      const res = await fetchImpl(`${baseUrl}/api/self-report`, {
        ...init,
        // A weak signal in a basement can hang a request for minutes: give up, keep it queued.
        signal: AbortSignal.timeout(timeoutMs),
        // No cookies: on a coordinator's tablet the link must act as the link, not the session.
        credentials: 'omit',
        cache: 'no-store',
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
      return { status: res.status, ok: res.ok, body: parseJson(await res.text()) };
    } catch {
      return null;
    }
  };
  return {
    async load(token) {
      const res = await call(token);
      if (!res) return { kind: 'network' };
      const { body } = res;
      if (unreachable(res.status)) return { kind: 'network' };
      if (res.status === 401) return { kind: 'link', code: linkProblemOf(body) };
      const view = selfReportViewSchema.safeParse(body);
      return res.ok && view.success
        ? { kind: 'ok', view: view.data }
        : { kind: 'unexpected', status: res.status };
    },
    async submit(token, submission) {
      const res = await call(token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission),
      });
      if (!res) return { kind: 'network' };
      const { body } = res;
      if (unreachable(res.status)) return { kind: 'network' };
      if (res.status === 401) return { kind: 'link', code: linkProblemOf(body) };
      if (res.status === 409) return { kind: 'conflict' };
      if (res.status === 400) {
        const parsed = schemas().invalid.safeParse(body);
        const errors = parsed.success
          ? parsed.data.errors.map((e) => ({
              path: Array.isArray(e.path) ? e.path.join('.') : e.path,
              message: e.message,
            }))
          : [];
        return { kind: 'invalid', errors };
      }
      const ok = schemas().submitted.safeParse(body);
      return res.ok && ok.success
        ? { kind: 'ok', id: ok.data.id, submittedAt: ok.data.submittedAt }
        : { kind: 'unexpected', status: res.status };
    },
  };
}
