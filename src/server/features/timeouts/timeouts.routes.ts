import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import { isRunning, refusalToCall, returnTime } from '../../../core/timeouts/timeout.js';
import { IdParams } from '../../../shared/api/common.js';
import { NoContent, Problem } from '../../../shared/api/problem.js';
import { CurrentTimeout, Timeout, TimeoutCreateBody } from '../../../shared/api/timeouts.js';
import type { Deps } from '../../deps.js';
import { access, memberId, membershipOf } from '../../http/access.js';
import { journeyFacts } from '../journeys/journeys.store.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import { endTimeout, findOpenTimeout, findTimeout, insertTimeout } from './timeouts.store.js';

export function registerTimeoutRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/timeouts/current',
    {
      config: access('member'),
      schema: {
        tags: ['timeouts'],
        summary:
          'The time-out running on my journey, if any: its return time, and whether I called it',
        response: { 200: CurrentTimeout },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const membership = membershipOf(request);
      const open = membership ? await findOpenTimeout(db, membership.journeyId) : undefined;
      if (!open || !isRunning(open, deps.clock())) return { timeout: null };
      // The partner learns when it ends and nothing else; only the caller gets its id, to end it.
      return {
        timeout:
          open.callerId === userId
            ? { id: open.id, until: open.until, mine: true }
            : { until: open.until, mine: false },
      };
    },
  );

  r.post(
    '/api/timeouts',
    {
      config: access('member'),
      schema: {
        tags: ['timeouts'],
        summary: 'Call a time-out until a return time, 10 minutes to 24 hours from now',
        body: TimeoutCreateBody,
        response: { 201: Timeout, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      await assertSafetyChecked(deps, userId);
      const membership = membershipOf(request);
      if (!membership) throw new DomainError('journey.none');
      const now = deps.clock();
      const facts = await journeyFacts(db, membership.journeyId);
      const journey = { path: facts.path, hasPartner: facts.memberCount > 1 };
      const refusal = refusalToCall(journey, await findOpenTimeout(db, membership.journeyId), now);
      if (refusal) throw new DomainError(refusal);
      const id = deps.newId();
      const until = returnTime(now, request.body.minutes);
      try {
        await insertTimeout(db, {
          id,
          journeyId: membership.journeyId,
          callerId: userId,
          now,
          until,
        });
      } catch (e) {
        // The unique index refused it: the other partner called one at the same moment.
        const open = await findOpenTimeout(db, membership.journeyId);
        if (open && isRunning(open, now)) throw new DomainError('timeout.running');
        throw e;
      }
      return reply.code(201).send({ id, until, mine: true });
    },
  );

  r.post(
    '/api/timeouts/:id/end',
    {
      config: access('member'),
      schema: {
        tags: ['timeouts'],
        summary: 'End a time-out I called, before its return time',
        params: IdParams,
        response: { 204: NoContent, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      await assertSafetyChecked(deps, userId);
      const row = await findTimeout(db, request.params.id);
      // Only the person who called it ends it; to anyone else it does not exist.
      if (!row || row.callerId !== userId || row.journeyId !== membershipOf(request)?.journeyId) {
        throw new DomainError('timeout.not_found');
      }
      await endTimeout(db, row.id, deps.clock());
      return reply.code(204).send(null);
    },
  );
}
