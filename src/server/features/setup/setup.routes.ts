import type { FastifyInstance } from 'fastify';
import { setupApi as api } from '../../../shared/api/auth.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import { deviceOf, withSessionCookie } from '../../http/session-cookie.js';
import * as setup from './setup.service.js';

export function registerSetupRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.status, () => setup.setupStatus(deps));
  serve(app, deps, api.createAdmin, async (_, { body }, http) =>
    withSessionCookie(deps, http, await setup.createAdmin(deps, body, deviceOf(http))),
  );
}
