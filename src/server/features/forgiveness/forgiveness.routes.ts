import type { FastifyInstance } from 'fastify';
import { forgivenessApi as api } from '../../../shared/api/forgiveness.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as forgiveness from './forgiveness.service.js';

export function registerForgivenessRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.mine, (c) => forgiveness.myForgiveness(deps, c));
  serve(app, deps, api.answer, (c, input) => forgiveness.answerReflection(deps, c, input));
  serve(app, deps, api.removeEntry, (c, input) => forgiveness.removeEntry(deps, c, input));
  serve(app, deps, api.share, (c, input) => forgiveness.setSharing(deps, c, input));
  serve(app, deps, api.partner, (c) => forgiveness.partnerChart(deps, c));
  serve(app, deps, api.reflections, (c) => forgiveness.myReflections(deps, c));
  serve(app, deps, api.reflect, (c, input) => forgiveness.writeReflection(deps, c, input));
  serve(app, deps, api.removeReflection, (c, input) =>
    forgiveness.removeReflection(deps, c, input),
  );
}
