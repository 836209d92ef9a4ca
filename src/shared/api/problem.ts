import { z } from 'zod';

/** RFC 9457 problem details, as every error leaves the server. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** A 204 answer has no body. */
export const NoContent = z.null().describe('No content');
