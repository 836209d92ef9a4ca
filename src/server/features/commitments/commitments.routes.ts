import type { FastifyInstance } from 'fastify';
import { commitmentsApi as api } from '../../../shared/api/commitments.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as commitments from './commitments.service.js';

export function registerCommitmentRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, (c) => commitments.listJourneyCommitments(deps, c));
  serve(app, deps, api.trends, (c) => commitments.commitmentTrends(deps, c));
  serve(app, deps, api.logs, (c, input) => commitments.commitmentLogs(deps, c, input));
  serve(app, deps, api.commit, (c, input) => commitments.commitTo(deps, c, input));
  serve(app, deps, api.end, (c, input) => commitments.endCommitment(deps, c, input));
  serve(app, deps, api.log, (c, input) => commitments.logCommitment(deps, c, input));
  serve(app, deps, api.answer, (c, input) => commitments.answerEntry(deps, c, input));
}
