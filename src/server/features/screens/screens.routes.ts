import type { FastifyInstance } from 'fastify';
import { screensApi as api } from '../../../shared/api/screens.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as screens from './screens.service.js';

export function registerScreenRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.instruments, () => screens.listInstruments(deps));
  serve(app, deps, api.instrument, (_, input) => screens.instrumentById(deps, input));
  serve(app, deps, api.take, (c, input) => screens.takeScreen(deps, c, input));
  serve(app, deps, api.history, (c, input) => screens.screenHistory(deps, c, input));
  serve(app, deps, api.result, (c, input) => screens.screenResult(deps, c, input));
  serve(app, deps, api.dismiss, (c, input) => screens.dismissSuggestion(deps, c, input));
}
