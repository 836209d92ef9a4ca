import type { FastifyInstance } from 'fastify';
import { twoFactorApi as api } from '../../shared/api/two-factor.js';
import type { Deps } from '../deps.js';
import { serve } from '../http/route.js';
import * as twoFactor from './two-factor.service.js';

export function registerTwoFactorRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.status, (c) => twoFactor.status(deps, c));
  serve(app, deps, api.start, (c) => twoFactor.start(deps, c));
  serve(app, deps, api.confirm, (c, input) => twoFactor.confirm(deps, c, input));
  serve(app, deps, api.recoveryCodes, (c, input) => twoFactor.regenerate(deps, c, input));
  serve(app, deps, api.turnOff, (c, input) => twoFactor.turnOff(deps, c, input));
}
