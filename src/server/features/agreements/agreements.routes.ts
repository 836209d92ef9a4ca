import type { FastifyInstance } from 'fastify';
import { agreementsApi as api } from '../../../shared/api/agreements.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as agreements from './agreements.service.js';

export function registerAgreementRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, (c) => agreements.listAgreements(deps, c));
  serve(app, deps, api.propose, (c, input) => agreements.proposeAgreement(deps, c, input));
  serve(app, deps, api.answer, (c, input) => agreements.answerAgreement(deps, c, input));
}
