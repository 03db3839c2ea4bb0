import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The JSON body of every error the server sends: a stable machine code and a readable message. */
export interface ErrorBody {
  code: string;
  message: string;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/**
 * Sends `{ code, message }` with the given status. Routes use this for their own errors; `extra`
 * adds machine-readable details (e.g. `{ retryAfterSeconds }`), never replacing code or message.
 */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const body: ErrorBody = { ...extra, code, message };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's body-parsing errors, with a code and message a client can act on. */
const PARSER_ERRORS: Record<string, ErrorBody> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    message: 'The body is not valid JSON (keys named __proto__ or constructor are refused too).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'empty_body',
    message: 'The body is empty although the content-type says application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'The body is larger than this route accepts; send less per request.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: 'Unsupported content-type: send the body as application/json.',
  },
};

/**
 * Fastify error handler: client errors (bad JSON, too large, …) keep their status and message;
 * anything else is logged and answered with a generic 500, never with internals.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
      ? error.statusCode
      : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, status, codeForStatus(status), 'Internal server error');
  }
  const known = PARSER_ERRORS[error.code];
  if (known) return sendError(reply, status, known.code, known.message);
  return sendError(reply, status, codeForStatus(status), error.message);
}
