import { z } from 'zod';
import { closenessKindIds } from '../../core/intimacy/kinds.js';
import { closenessMarks } from '../../core/intimacy/rounds.js';
import { endpoint } from './endpoint.js';

const markMessage = 'Please choose “ready”, “maybe later” or “not now” for each kind of closeness.';

export const ClosenessMark = z.enum(closenessMarks, { error: markMessage });
export type ClosenessMark = z.infer<typeof ClosenessMark>;

/**
 * A whole round: a mark for every kind of closeness on the list, no more and no fewer. A partial
 * round is refused, so a person never shows anything by leaving a kind out.
 */
export const ClosenessRoundBody = z.strictObject({
  marks: z.strictObject(
    Object.fromEntries(closenessKindIds.map((id) => [id, ClosenessMark])) as Record<
      string,
      typeof ClosenessMark
    >,
    { error: markMessage },
  ),
});
export type ClosenessRoundBody = z.infer<typeof ClosenessRoundBody>;

/** My own marks, to look at again, change or reset; null before I have marked (or after a reset). */
export const MyCloseness = z.object({
  marks: z.record(z.string(), ClosenessMark).nullable(),
});
export type MyCloseness = z.infer<typeof MyCloseness>;

/**
 * What both of us marked ready, only once both of us have finished the same round, as a set in the
 * list's order. "waiting" says only that my own marks are in: never whether my partner has started.
 */
export const ClosenessMatches = z.object({
  state: z.enum(['waiting_for_me', 'waiting', 'shown']),
  matches: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
});
export type ClosenessMatches = z.infer<typeof ClosenessMatches>;

const tag = 'closeness';

/** The endpoints of step 6's closeness exercise ("what I feel ready for"). */
export const closenessApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/closeness/mine',
    tag,
    summary: 'My own marks of the current list, to look at again, change or reset',
    caller: 'safetyChecked',
    response: MyCloseness,
  }),
  mark: endpoint({
    method: 'PUT',
    path: '/api/closeness/mine',
    tag,
    summary: 'Mark every kind of closeness privately: ready, maybe later or not now',
    caller: 'safetyChecked',
    body: ClosenessRoundBody,
    response: MyCloseness,
    errors: ['closeness.no_partner'],
  }),
  reset: endpoint({
    method: 'DELETE',
    path: '/api/closeness/mine',
    tag,
    summary: 'Reset my marks; the matches stay hidden until both of us mark again',
    caller: 'safetyChecked',
    response: null,
    status: 204,
  }),
  matches: endpoint({
    method: 'GET',
    path: '/api/closeness/matches',
    tag,
    summary: 'What both of us marked ready, once both of us have finished the same round',
    caller: 'safetyChecked',
    response: ClosenessMatches,
    errors: ['closeness.no_partner'],
  }),
};
