import { z } from 'zod';
import { TIMEOUT_MAX_MINUTES, TIMEOUT_MIN_MINUTES } from '../../core/timeouts/timeout.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';

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

const tag = 'timeouts';

/** The endpoints of time-outs, as both the server and the web client see them. */
export const timeoutsApi = {
  current: endpoint({
    method: 'GET',
    path: '/api/timeouts/current',
    tag,
    summary: 'The time-out running on my journey, if any: its return time, and whether I called it',
    // Without a journey there is simply no time-out: not an error.
    caller: 'member',
    response: CurrentTimeout,
  }),
  call: endpoint({
    method: 'POST',
    path: '/api/timeouts',
    tag,
    summary: 'Call a time-out until a return time, 10 minutes to 24 hours from now',
    caller: 'safetyChecked',
    body: TimeoutCreateBody,
    response: Timeout,
    status: 201,
    errors: ['timeout.no_partner', 'timeout.running'],
  }),
  end: endpoint({
    method: 'POST',
    path: '/api/timeouts/:id/end',
    tag,
    summary: 'End a time-out I called, before its return time',
    // A time-out outside the caller's journey does not exist for them, journey or not.
    caller: 'member',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['safety.check_needed', 'timeout.not_found'],
  }),
};
