import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutePolicy } from '../../core/access/policy.js';
import type { ErrorCode } from '../../core/errors.js';
import type { CallerNeed, Endpoint, Input, Output } from '../../shared/api/endpoint.js';
import { Problem } from '../../shared/api/problem.js';
import { callerNeeding, type CallerFor } from '../auth/caller.js';
import type { Deps } from '../deps.js';
import { catalogue } from '../problems.js';
import { access, actorOf, beforeTwoFactor, membershipOf } from './access.js';

/** The route policy each caller need is checked against before anything else runs. */
const policyFor: Record<CallerNeed, RoutePolicy> = {
  anyone: 'public',
  signedIn: 'signedIn',
  admin: 'admin',
  therapist: 'therapist',
  member: 'member',
  journeyMember: 'member',
  safetyChecked: 'member',
};

/** The errors each need adds to the endpoint's own (401 and 403 come from the policy). */
const needErrors: Record<CallerNeed, readonly ErrorCode[]> = {
  anyone: [],
  signedIn: [],
  admin: [],
  therapist: [],
  member: [],
  journeyMember: ['journey.none'],
  safetyChecked: ['safety.check_needed', 'journey.none'],
};

/** The problem statuses an endpoint may answer, each documented as problem details. */
export function errorStatuses(e: Endpoint): number[] {
  const statuses = new Set<number>();
  if (e.params || e.query || e.body) statuses.add(400);
  for (const code of [...needErrors[e.caller], ...(e.errors ?? [])]) {
    statuses.add(catalogue[code].status);
  }
  return [...statuses].sort((a, b) => a - b);
}

/** What a handler may need from HTTP itself: cookies, the client's address, headers to set. */
export interface Http {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export type Handler<E extends Endpoint> = (
  caller: CallerFor<E['caller']>,
  input: Input<E>,
  http: Http,
) => Promise<Output<E>> | Output<E>;

/**
 * Serves one endpoint: its policy (refused at the door by the access hook), its schemas, its
 * documented errors as problem details, its tag; then resolves the caller the endpoint needs and
 * hands the validated input to the handler, which is one call to the feature's service.
 */
export function serve<E extends Endpoint>(
  app: FastifyInstance,
  deps: Deps,
  e: E,
  handler: Handler<E>,
): void {
  const status = e.status ?? 200;
  const success = e.response ?? z.null();
  const response: Record<number, z.ZodType> = { [status]: success };
  for (const code of errorStatuses(e)) response[code] = Problem;
  for (const [code, schema] of Object.entries(e.otherAnswers ?? {}))
    response[Number(code)] = schema;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: e.method,
    url: e.path,
    config: { ...access(policyFor[e.caller]), ...(e.beforeTwoFactor ? beforeTwoFactor : {}) },
    ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
    schema: {
      tags: [e.tag],
      summary: e.summary,
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      response,
    },
    handler: async (request, reply) => {
      const membership = membershipOf(request);
      const caller = await callerNeeding(deps, e.caller, actorOf(request), membership);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
      } as Input<E>;
      const out = await handler(caller as CallerFor<E['caller']>, input, { request, reply });
      if (reply.sent) return reply;
      // A handler picks one of the endpoint's other answers (health's 503) by setting its status.
      const code = e.otherAnswers?.[reply.statusCode] ? reply.statusCode : status;
      return reply.code(code).send(code === 204 ? null : out);
    },
  });
}
