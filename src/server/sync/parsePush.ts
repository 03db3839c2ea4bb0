import { z } from 'zod';
import type { Mutation } from '../../domain/sync/mutation';
import {
  PUSH_MAX_MUTATIONS,
  pushRequestSchema,
  type PushRequest,
  type Rejection,
} from '../../domain/sync/protocol';
import { fromWire, wireMutationSchema } from '../../domain/sync/wireMutation';
import { quickMutation } from './quickMutation';

/** The longest mutationId the server echoes back in a rejection (a uuid has 36 characters). */
const MAX_ECHOED_ID = 100;

/** The request around the mutations; each mutation is checked on its own below. */
const envelopeSchema = pushRequestSchema.extend({ mutations: z.array(z.unknown()) });

export type ParsedPush =
  | {
      ok: true;
      body: Omit<PushRequest, 'mutations'>;
      /** The well-formed mutations, in batch order. */
      mutations: Mutation[];
      /** Mutations refused for their shape, each named by its mutationId. */
      rejected: { index: number; rejection: Rejection }[];
      /** How many mutations the push carried. */
      count: number;
      /** mutationId → its first position in the batch, to report rejections in batch order. */
      indexOf: Map<string, number>;
    }
  | { ok: false; status: number; code: string; message: string };

const describeIssue = (issue: z.core.$ZodIssue | undefined, prefix: string): string => {
  const path = [prefix, ...(issue?.path.map(String) ?? [])].filter(Boolean).join('.');
  return `${path || 'body'}: ${issue?.message ?? 'invalid'}`;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a push body in two layers. A broken envelope (not an object, missing clientId, epoch,
 * clientTime or mutations, too many mutations, a mutation without a mutationId string) refuses
 * the whole request: the client cannot tell which entry is at fault. A mutation that has a
 * mutationId but is otherwise malformed (unknown table, bad ids, bad paths, …) or claims another
 * clientId is refused by that id, so the client can set exactly that entry aside.
 */
export function parsePush(raw: unknown): ParsedPush {
  if (raw === undefined || raw === '') {
    return {
      ok: false,
      status: 400,
      code: 'empty_body',
      message: 'The request has no body: send { clientId, epoch, clientTime, mutations } as JSON.',
    };
  }
  if (!isPlainObject(raw)) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_body',
      message: `body: expected a JSON object with clientId, epoch, clientTime and mutations, got ${
        raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw
      }`,
    };
  }
  if (Array.isArray(raw.mutations) && raw.mutations.length > PUSH_MAX_MUTATIONS) {
    return {
      ok: false,
      status: 413,
      code: 'too_many_mutations',
      message: `A push carries at most ${PUSH_MAX_MUTATIONS} mutations (got ${raw.mutations.length}); send them in smaller batches.`,
    };
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_body',
      message: describeIssue(envelope.error.issues[0], ''),
    };
  }
  const { mutations: items, ...body } = envelope.data;
  const mutations: Mutation[] = [];
  const rejected: { index: number; rejection: Rejection }[] = [];
  const indexOf = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const mutationId = isPlainObject(item) ? item.mutationId : undefined;
    if (typeof mutationId !== 'string' || mutationId === '' || mutationId.length > MAX_ECHOED_ID) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_body',
        message: `mutations.${index}: every mutation needs a mutationId (a uuid string)`,
      };
    }
    if (!indexOf.has(mutationId)) indexOf.set(mutationId, index);
    const quick = quickMutation(item);
    const parsed = quick
      ? { success: true as const, data: quick }
      : wireMutationSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({
        index,
        rejection: {
          mutationId,
          code: 'invalid_mutation',
          message: describeIssue(issue, ''),
          path: issue?.path.map(String).join('.') ?? '',
        },
      });
      continue;
    }
    if (parsed.data.clientId !== body.clientId) {
      rejected.push({
        index,
        rejection: {
          mutationId,
          code: 'client_mismatch',
          message: `clientId: the mutation says "${parsed.data.clientId}" but the push comes from "${body.clientId}"; every mutation of a push must come from the sending client.`,
          path: 'clientId',
        },
      });
      continue;
    }
    mutations.push(quick ?? fromWire(parsed.data));
  }
  return { ok: true, body, mutations, rejected, count: items.length, indexOf };
}
