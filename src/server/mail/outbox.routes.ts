import type { FastifyInstance } from 'fastify';
import { mailApi as api } from '../../shared/api/mail.js';
import type { Deps } from '../deps.js';
import { serve } from '../http/route.js';
import * as mail from './outbox.service.js';

export function registerOutboxRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.outbox, () => mail.outbox(deps));
}
