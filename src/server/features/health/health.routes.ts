import type { FastifyInstance } from 'fastify';
import { healthApi as api } from '../../../shared/api/health.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import { health } from './health.service.js';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.health, async (_, __, { reply }) => {
    const answer = await health(deps);
    if (answer.status !== 'ok') reply.code(503);
    return answer;
  });
}
