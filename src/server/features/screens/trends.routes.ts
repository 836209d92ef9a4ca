import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { feelings, type CheckinContent, type Feeling } from '../../../core/checkins/checkin.js';
import { Problem } from '../../../shared/api/problem.js';
import { CheckinTrends, TRENDS_ITEMS_MAX, TrendsQuery } from '../../../shared/api/screens.js';
import type { Deps } from '../../deps.js';
import { access, memberId } from '../../http/access.js';
import { ownCheckinsSince } from './screens.store.js';

const DAY_MS = 86_400_000;

/**
 * Feelings over time, for the chart on My space: the caller's OWN check-ins in the window (never
 * what a partner shared), opened and turned into one line of intensities per feeling. At most
 * TRENDS_ITEMS_MAX (1,000) check-ins are opened for one chart — the newest; `truncated` says when
 * the window held more.
 */
export function registerTrendRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/checkins/trends',
    {
      config: access('member'),
      schema: {
        tags: ['checkins'],
        summary: 'How intense each feeling was in my own check-ins, over the last days',
        querystring: TrendsQuery,
        response: { 200: CheckinTrends, 400: Problem },
      },
    },
    async (request): Promise<CheckinTrends> => {
      const userId = memberId(request);
      const { days } = request.query;
      const to = deps.clock();
      const from = to - days * DAY_MS;
      const rows = await ownCheckinsSince(db, userId, from, TRENDS_ITEMS_MAX + 1);
      const truncated = rows.length > TRENDS_ITEMS_MAX;
      const used = rows.slice(0, TRENDS_ITEMS_MAX).reverse();

      const byFeeling = new Map<Feeling, { t: number; value: number }[]>();
      if (used.length > 0) {
        const user = await db
          .selectFrom('users')
          .select('wrapped_key')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow();
        const key = deps.sealer.unwrap(userId, user.wrapped_key);
        for (const row of used) {
          const content = JSON.parse(
            deps.sealer.open(key, row.sealed, { table: 'checkins', id: row.id, field: 'content' }),
          ) as CheckinContent;
          for (const entry of content.feelings) {
            const points = byFeeling.get(entry.feeling) ?? [];
            points.push({ t: row.createdAt, value: entry.intensity });
            byFeeling.set(entry.feeling, points);
          }
        }
      }
      return {
        days,
        from,
        to,
        truncated,
        // In the check-in form's own order, not by how often each was named.
        feelings: feelings.flatMap((feeling) => {
          const points = byFeeling.get(feeling);
          return points ? [{ feeling, points }] : [];
        }),
      };
    },
  );
}
