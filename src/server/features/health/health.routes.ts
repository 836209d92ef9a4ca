import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '../../../shared/api/health.js';
import { isReachable } from '../../db/connection.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: access('public'),
      schema: {
        tags: ['health'],
        summary: 'Whether the server and its database are up',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const up = await isReachable(deps.database.db);
      reply.header('cache-control', 'no-store');
      return reply
        .code(up ? 200 : 503)
        .send({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down' });
    },
  );
}
