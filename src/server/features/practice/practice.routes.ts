import type { FastifyInstance } from 'fastify';
import { practiceApi as api } from '../../../shared/api/practice.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as practice from './practice.service.js';

export function registerPracticeRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.settings, () => practice.practiceSettings(deps));
  serve(app, deps, api.change, (_, { body }) => practice.changeSettings(deps, body));
  serve(app, deps, api.public, () => practice.publicPractice(deps));
}
