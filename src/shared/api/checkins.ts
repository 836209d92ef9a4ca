import { z } from 'zod';
import {
  feelings,
  INTENSITY_MAX,
  INTENSITY_MIN,
  NOTE_MAX,
  TRENDS_DAYS_DEFAULT,
  TRENDS_DAYS_MAX,
} from '../../core/checkins/checkin.js';
import { IdParams, pageOf, PageQuery } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const Feeling = z.enum(feelings, { error: 'Please choose a feeling from the list.' });

export const FeelingEntry = z.strictObject({
  feeling: Feeling,
  intensity: z
    .number({ error: 'Intensity is a number from 0 to 10.' })
    .int({ error: 'Intensity is a whole number from 0 to 10.' })
    .min(INTENSITY_MIN, { error: 'Intensity is a number from 0 to 10.' })
    .max(INTENSITY_MAX, { error: 'Intensity is a number from 0 to 10.' }),
});
export type FeelingEntry = z.infer<typeof FeelingEntry>;

export const Visibility = z.enum(['private', 'partner'], {
  error: 'Visibility is either private or partner.',
});
export type Visibility = z.infer<typeof Visibility>;

export const CheckinCreateBody = z.strictObject({
  feelings: z
    .array(FeelingEntry)
    .min(1, { error: 'Please name at least one feeling.' })
    .max(feelings.length)
    .refine((list) => new Set(list.map((f) => f.feeling)).size === list.length, {
      error: 'Each feeling only once, please.',
    }),
  note: userText({
    max: NOTE_MAX,
    tooLong: `The note is longer than ${NOTE_MAX.toLocaleString('en')} characters.`,
  }).default(''),
});
export type CheckinCreateBody = z.input<typeof CheckinCreateBody>;

export const Checkin = z.object({
  id: z.uuid(),
  mine: z.boolean(),
  authorName: z.string(),
  visibility: Visibility,
  createdAt: z.number().int(),
  feelings: z.array(FeelingEntry),
  note: z.string(),
  /** The note was cut to a preview of NOTE_PREVIEW characters (a list read with preview=1). */
  noteCut: z.boolean().optional(),
});
export type Checkin = z.infer<typeof Checkin>;

export const CheckinPage = pageOf(Checkin);
export type CheckinPage = z.infer<typeof CheckinPage>;

/** How many characters of a note a glance (Today) shows; the whole note is one tap away. */
export const NOTE_PREVIEW = 140;

export const CheckinListQuery = PageQuery.extend({
  preview: z.literal('1', { error: 'Ask for short notes with preview=1.' }).optional(),
});

export const VisibilityBody = z.strictObject({ visibility: Visibility });
export type VisibilityBody = z.infer<typeof VisibilityBody>;

// Feelings over time, from the person's own check-ins.

/** The longest window the chart asks for, and the most check-ins it opens for one chart. */
export const TRENDS_ITEMS_MAX = 1000;

export const TrendsQuery = z.strictObject({
  days: z.coerce
    .number({ error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .int({ error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .min(1, { error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .max(TRENDS_DAYS_MAX, { error: `Ask for 1 to ${TRENDS_DAYS_MAX} days.` })
    .default(TRENDS_DAYS_DEFAULT),
});

export const CheckinTrends = z.object({
  days: z.number().int(),
  /** The window: from `from` up to and including `to` (milliseconds). */
  from: z.number().int(),
  to: z.number().int(),
  /** True when the window held more check-ins than we open for one chart (only the newest are used). */
  truncated: z.boolean(),
  feelings: z.array(
    z.object({
      feeling: z.enum(feelings),
      points: z.array(z.object({ t: z.number().int(), value: z.number().int() })),
    }),
  ),
});
export type CheckinTrends = z.infer<typeof CheckinTrends>;

const tag = 'checkins';

export const checkinsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/checkins',
    tag,
    summary: 'My check-ins and those my partner shared with me, newest first',
    caller: 'journeyMember',
    query: CheckinListQuery,
    response: CheckinPage,
    errors: ['cursor.invalid'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/checkins',
    tag,
    summary: 'Write a check-in (private until I share it)',
    caller: 'journeyMember',
    body: CheckinCreateBody,
    response: Checkin,
    status: 201,
  }),
  trends: endpoint({
    method: 'GET',
    path: '/api/checkins/trends',
    tag,
    summary: 'How intense each feeling was in my own check-ins, over the last days',
    caller: 'member',
    query: TrendsQuery,
    response: CheckinTrends,
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/checkins/:id',
    tag,
    summary: 'One check-in I wrote, or one my partner shared with me',
    caller: 'member',
    params: IdParams,
    response: Checkin,
    errors: ['checkin.not_found'],
  }),
  setVisibility: endpoint({
    method: 'PUT',
    path: '/api/checkins/:id/visibility',
    tag,
    summary: 'Share a check-in with my partner, or take it back',
    caller: 'member',
    params: IdParams,
    body: VisibilityBody,
    response: Checkin,
    // Sharing asks for the safety check; taking back never does.
    errors: ['checkin.not_found', 'safety.check_needed'],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/checkins/:id',
    tag,
    summary: 'Delete a check-in I wrote',
    caller: 'member',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['checkin.not_found'],
  }),
};
