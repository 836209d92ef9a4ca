import type { FastifyInstance } from 'fastify';
import { auditApi as api } from '../../../shared/api/audit.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as audit from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.reads, (c, input) => audit.readLog(deps, c, input));
  serve(app, deps, api.log, (c, input) => audit.adminLog(deps, c, input));
  serve(app, deps, api.verify, () => audit.verifyLog(deps));
}
