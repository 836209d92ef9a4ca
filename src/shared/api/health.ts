import { z } from 'zod';
import { endpoint } from './endpoint.js';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
});
export type Health = z.infer<typeof Health>;

export const healthApi = {
  health: endpoint({
    method: 'GET',
    path: '/api/health',
    tag: 'health',
    summary: 'Whether the server and its database are up',
    caller: 'anyone',
    response: Health,
    // Down: the same answer, as 503, so a load balancer needs no body to tell.
    otherAnswers: { 503: Health },
  }),
};
