import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meetingsApi as api } from '../../../shared/api/meetings.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { serve } from '../../http/route.js';
import { notFoundPage } from '../../pages/not-found.js';
import * as meetings from './meetings.service.js';

export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.page, (c) => meetings.meetingPage(deps, c));
  serve(app, deps, api.history, (c, input) => meetings.meetingHistory(deps, c, input));
  serve(app, deps, api.schedule, (c, input) => meetings.setSchedule(deps, c, input));
  serve(app, deps, api.addItem, (c, input) => meetings.addItem(deps, c, input));
  serve(app, deps, api.changeItem, (c, input) => meetings.changeItem(deps, c, input));
  serve(app, deps, api.removeItem, (c, input) => meetings.removeItem(deps, c, input));
  serve(app, deps, api.note, (c, input) => meetings.writeNote(deps, c, input));
  serve(app, deps, api.newFeed, (c) => meetings.newFeed(deps, c));
  serve(app, deps, api.revokeFeed, (c) => meetings.revokeFeed(deps, c));
  registerCalendarFeed(app, deps);
}

/**
 * A person's private calendar feed, at its secret address: no session (calendar programs have
 * none), and a token that is unknown or turned off answers the same 404 as any missing page.
 */
function registerCalendarFeed(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/calendar/:file',
    {
      config: access('public'),
      // The address is the secret: Fastify's request lines (info) would write it to the logs.
      logLevel: 'warn',
      schema: { hide: true, params: z.object({ file: z.string().max(100) }) },
    },
    async (req, reply) => {
      const file = req.params.file;
      const body = file.endsWith('.ics')
        ? await meetings.feedCalendar(deps, file.slice(0, -'.ics'.length))
        : undefined;
      if (body === undefined) {
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(notFoundPage());
      }
      return reply
        .code(200)
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send(body);
    },
  );
}
