import type { FastifyInstance } from 'fastify';
import { timeoutsApi as api } from '../../../shared/api/timeouts.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as timeouts from './timeouts.service.js';

export function registerTimeoutRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.current, (c) => timeouts.currentTimeout(deps, c));
  serve(app, deps, api.call, (c, input) => timeouts.callTimeout(deps, c, input));
  serve(app, deps, api.end, (c, input) => timeouts.endTimeoutEarly(deps, c, input));
}
