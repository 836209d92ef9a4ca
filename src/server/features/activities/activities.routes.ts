import type { FastifyInstance } from 'fastify';
import { activitiesApi as api } from '../../../shared/api/activities.js';
import type { Deps } from '../../deps.js';
import { serve } from '../../http/route.js';
import * as activities from './activities.service.js';

export function registerActivityRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.list, (c) => activities.listSharedActivities(deps, c));
  serve(app, deps, api.add, (c, input) => activities.addActivity(deps, c, input));
  serve(app, deps, api.plan, (c, input) => activities.planActivity(deps, c, input));
  serve(app, deps, api.done, (c, input) => activities.markActivityDone(deps, c, input));
  serve(app, deps, api.setAside, (c, input) => activities.setActivityAside(deps, c, input));
  serve(app, deps, api.calendar, async (c, input, http) => {
    const body = await activities.activityCalendarFile(deps, c, input);
    await http.reply
      .code(200)
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="plan.ics"')
      .header('cache-control', 'no-store')
      .send(body);
  });
}
