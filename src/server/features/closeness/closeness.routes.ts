import type { FastifyInstance } from 'fastify';
import { closenessApi as api } from '../../../shared/api/closeness.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as closeness from './closeness.service.js';

export function registerClosenessRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.mine, (c) => closeness.myCloseness(deps, c));
  serve(app, deps, api.mark, (c, input) => closeness.markCloseness(deps, c, input));
  serve(app, deps, api.reset, (c) => closeness.resetCloseness(deps, c));
  serve(app, deps, api.matches, (c) => closeness.closenessMatches(deps, c));
}
