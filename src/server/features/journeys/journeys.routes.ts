import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import {
  Journey,
  JourneyEnvelope,
  JourneyStartBody,
  JourneyUpdateBody,
} from '../../../shared/api/journeys.js';
import { Problem } from '../../../shared/api/problem.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import {
  countMembers,
  findMembership,
  insertJourney,
  loadJourneyView,
  updateJourney,
} from './journeys.store.js';

export function registerJourneyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/journey',
    {
      config: access('member'),
      schema: {
        tags: ['journeys'],
        summary: 'My current journey, if I have started one',
        response: { 200: JourneyEnvelope },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const membership = await findMembership(db, deps.sealer, userId);
      return {
        journey: membership
          ? await loadJourneyView(db, deps.sealer, membership.journeyId, userId, deps.clock())
          : null,
      };
    },
  );

  r.post(
    '/api/journey',
    {
      config: access('member'),
      schema: {
        tags: ['journeys'],
        summary: 'Start my journey: path, role, kinds of betrayal, when it came to light',
        body: JourneyStartBody,
        response: { 201: Journey, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const userId = memberId(request);
      if (await findMembership(db, deps.sealer, userId)) throw new DomainError('journey.exists');
      const id = deps.newId();
      try {
        await insertJourney(db, deps.sealer, { id, userId, ...request.body, now: deps.clock() });
      } catch (e) {
        // The partial unique index catches a second journey started at the same moment.
        if (await findMembership(db, deps.sealer, userId)) throw new DomainError('journey.exists');
        throw e;
      }
      return reply.code(201).send(await loadJourneyView(db, deps.sealer, id, userId, deps.clock()));
    },
  );

  r.patch(
    '/api/journey',
    {
      config: access('member'),
      schema: {
        tags: ['journeys'],
        summary: 'Change my journey (any of path, role, kinds, when it came to light)',
        body: JourneyUpdateBody,
        response: { 200: Journey, 400: Problem, 409: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const membership = await findMembership(db, deps.sealer, userId);
      if (!membership) throw new DomainError('journey.none');
      const changes = request.body;
      if (
        changes.path &&
        changes.path !== 'together' &&
        (await countMembers(db, membership.journeyId)) > 1
      ) {
        throw new DomainError('journey.has_partner');
      }
      await updateJourney(db, deps.sealer, membership.journeyId, userId, changes, deps.clock());
      return loadJourneyView(db, deps.sealer, membership.journeyId, userId, deps.clock());
    },
  );
}
