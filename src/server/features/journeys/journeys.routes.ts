import type { FastifyInstance } from 'fastify';
import { journeysApi as api } from '../../../shared/api/journeys.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as journeys from './journeys.service.js';

export function registerJourneyRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.mine, (c) => journeys.myJourney(deps, c));
  serve(app, deps, api.start, (c, { body }) => journeys.startJourney(deps, c, body));
  serve(app, deps, api.change, (c, { body }) => journeys.changeJourney(deps, c, body));
}
