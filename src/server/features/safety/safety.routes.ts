import type { FastifyInstance } from 'fastify';
import { safetyApi as api } from '../../../shared/api/safety.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { serve } from '../../http/route.js';
import * as safety from './safety.service.js';

export function registerSafetyRoutes(app: FastifyInstance, deps: Deps): void {
  // Quick exit lands here (link, or Shift three times) and is sent on to the neutral site. The page
  // it left was replaced in the history, so Back does not return to it. Not under /api/, so it says
  // no-store itself.
  app.get('/exit', { config: access('public'), schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-store').redirect(deps.config.quickExitUrl, 303),
  );

  serve(app, deps, api.status, (c) => safety.safetyStatus(deps, c));
  serve(app, deps, api.check, (c, input) => safety.takeSafetyCheck(deps, c, input));
  serve(app, deps, api.settings, (c, input) => safety.changeSafetySettings(deps, c, input));
  serve(app, deps, api.country, (c, input) => safety.setCountry(deps, c, input));
}
