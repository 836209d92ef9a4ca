import type { FastifyInstance } from 'fastify';
import { checkinsApi as api } from '../../../shared/api/checkins.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as checkins from './checkins.service.js';

export function registerCheckinRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, (c, input) => checkins.listCheckins(deps, c, input));
  serve(app, deps, api.create, (c, input) => checkins.writeCheckin(deps, c, input));
  serve(app, deps, api.trends, (c, input) => checkins.checkinTrends(deps, c, input));
  serve(app, deps, api.get, (c, input) => checkins.readCheckin(deps, c, input));
  serve(app, deps, api.setVisibility, (c, input) => checkins.shareCheckin(deps, c, input));
  serve(app, deps, api.remove, (c, input) => checkins.deleteCheckin(deps, c, input));
}
