import type { FastifyInstance } from 'fastify';
import { partnersApi as api } from '../../../shared/api/journeys.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as partners from './partners.service.js';

export function registerPartnerRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.invite, (c, { body }) => partners.createInvite(deps, c, body));
  serve(app, deps, api.withdraw, (c, { params }) => partners.withdrawInvite(deps, c, params.id));
  serve(app, deps, api.preview, (_, { body }) => partners.previewInvite(deps, body));
  serve(app, deps, api.accept, (c, { body }) => partners.acceptInvite(deps, c, body));
}
