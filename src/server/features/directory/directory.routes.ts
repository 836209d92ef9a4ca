import type { FastifyInstance } from 'fastify';
import { directoryApi as api } from '../../../shared/api/directory.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as directory from './directory.service.js';
import { registerDirectoryPages } from './directory.pages.js';

export function registerDirectoryRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.mine, (c) => directory.myProfile(deps, c));
  serve(app, deps, api.update, (c, { body }) => directory.updateMyProfile(deps, c, body));
  serve(app, deps, api.photo, (c, { body }) => directory.setMyPhoto(deps, c, body));
  serve(app, deps, api.removePhoto, (c) => directory.removeMyPhoto(deps, c));
  serve(app, deps, api.list, () => directory.allProfiles(deps));
  serve(app, deps, api.change, (_, { params, body }) =>
    directory.changeProfile(deps, params.id, body),
  );
  serve(app, deps, api.changePhoto, (_, { params, body }) =>
    directory.changePhoto(deps, params.id, body),
  );
  registerDirectoryPages(app, deps);
}
