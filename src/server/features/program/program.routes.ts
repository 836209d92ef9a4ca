import type { FastifyInstance } from 'fastify';
import { programApi as api } from '../../../shared/api/program.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as program from './program.service.js';

export function registerProgramRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.view, (c, input) => program.programView(deps, c, input));
  serve(app, deps, api.step, (c, input) => program.programStep(deps, c, input));
  serve(app, deps, api.ready, (c, input) => program.markReady(deps, c, input));
  serve(app, deps, api.revisit, (c, input) => program.revisitStep(deps, c, input));
  serve(app, deps, api.workedOn, (c, input) => program.markWorkedOn(deps, c, input));
  serve(app, deps, api.takeBackWorkedOn, (c, input) => program.takeBackWorkedOn(deps, c, input));
}
