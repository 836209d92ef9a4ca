import type { FastifyInstance } from 'fastify';
import { groupsApi as api } from '../../../shared/api/groups.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as groups from './groups.service.js';
import { registerGroupPages } from './groups.pages.js';

export function registerGroupRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, () => groups.groupList(deps));
  serve(app, deps, api.create, (_, { body }) => groups.createGroup(deps, body));
  serve(app, deps, api.update, (_, { params, body }) => groups.changeGroup(deps, params.id, body));
  serve(app, deps, api.remove, (_, { params }) => groups.removeGroup(deps, params.id));
  registerGroupPages(app, deps);
}
