import { z } from 'zod';
import { TIMEOUT_MAX_MINUTES, TIMEOUT_MIN_MINUTES } from '../../core/timeouts/timeout.js';

const rangeMessage = 'A time-out lasts from 10 minutes to 24 hours.';

/** A time-out of this many minutes from now; the client turns "tonight at 21:30" into minutes. */
export const TimeoutCreateBody = z.strictObject({
  minutes: z
    .number({ error: rangeMessage })
    .int({ error: 'Please give the time-out in whole minutes.' })
    .min(TIMEOUT_MIN_MINUTES, { error: rangeMessage })
    .max(TIMEOUT_MAX_MINUTES, { error: rangeMessage }),
});
export type TimeoutCreateBody = z.infer<typeof TimeoutCreateBody>;

/**
 * A running time-out as one member sees it: its return time, and whether they called it. Only the
 * caller gets its id (to end it early); the partner sees nothing but when it ends.
 */
export const Timeout = z.object({
  id: z.uuid().optional(),
  until: z.number().int(),
  mine: z.boolean(),
});
export type Timeout = z.infer<typeof Timeout>;

export const CurrentTimeout = z.object({ timeout: Timeout.nullable() });
export type CurrentTimeout = z.infer<typeof CurrentTimeout>;
