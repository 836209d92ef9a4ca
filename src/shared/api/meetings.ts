import { z } from 'zod';
import { PAGE_SIZE_MAX } from '../../core/checkins/checkin.js';
import {
  agendaParts,
  DURATION_MAX_MINUTES,
  DURATION_MIN_MINUTES,
  ITEM_TEXT_MAX,
  meetingFrequencies,
  meetingScheduleProblem,
  NOTE_TEXT_MAX,
} from '../../core/meetings/meeting.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const AgendaPart = z.enum(agendaParts, {
  error: 'Please choose a part of the agenda: appreciation, what went well, worry or request.',
});
export type AgendaPart = z.infer<typeof AgendaPart>;

export const MeetingFrequency = z.enum(meetingFrequencies, {
  error: 'Please choose every week or every two weeks.',
});

const durationMessage = `A meeting lasts from ${DURATION_MIN_MINUTES} minutes to ${DURATION_MAX_MINUTES / 60} hours.`;

/** The meeting's day (ISO: 1 Monday … 7 Sunday), local time, zone, length and rhythm. */
export const MeetingScheduleBody = z
  .strictObject({
    weekday: z
      .number({ error: 'Please choose a day of the week.' })
      .int({ error: 'Please choose a day of the week.' })
      .min(1, { error: 'Please choose a day of the week.' })
      .max(7, { error: 'Please choose a day of the week.' }),
    time: z
      .string({ error: 'Please give a time like 19:30.' })
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Please give a time like 19:30.' }),
    timeZone: z.string({ error: 'Please choose a time zone.' }).max(64, {
      error: 'Please choose a time zone from the list.',
    }),
    durationMinutes: z
      .number({ error: durationMessage })
      .int({ error: durationMessage })
      .min(DURATION_MIN_MINUTES, { error: durationMessage })
      .max(DURATION_MAX_MINUTES, { error: durationMessage }),
    frequency: MeetingFrequency.default('weekly'),
  })
  .refine((s) => meetingScheduleProblem(s) !== 'time_zone', {
    error: 'Please choose a time zone from the list.',
    path: ['timeZone'],
  });
export type MeetingScheduleBody = z.input<typeof MeetingScheduleBody>;

export const MeetingScheduleView = z.object({
  weekday: z.number().int(),
  time: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  frequency: MeetingFrequency,
  /** The RFC 5545 rule the calendar feed carries. */
  rrule: z.string(),
  setByMe: z.boolean(),
  updatedAt: z.number().int(),
});
export type MeetingScheduleView = z.infer<typeof MeetingScheduleView>;

const ItemText = userText({
  notText: 'Please write this as text.',
  max: ITEM_TEXT_MAX,
  tooLong: `This is longer than ${ITEM_TEXT_MAX.toLocaleString('en')} characters.`,
  trim: true,
}).refine((s) => s !== '', { error: 'Please write a few words first.' });

/** Something I prepare for the next meeting, and whether I bring it. */
export const MeetingItemBody = z.strictObject({
  part: AgendaPart,
  text: ItemText,
  bring: z.boolean({ error: 'Please say whether to bring this to the meeting.' }),
});
export type MeetingItemBody = z.infer<typeof MeetingItemBody>;

export const MeetingNoteBody = z.strictObject({
  date: z
    .string({ error: 'Please say which meeting this note is about.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Please say which meeting this note is about.' }),
  text: userText({
    notText: 'Please write the note as text.',
    max: NOTE_TEXT_MAX,
    tooLong: `The note is longer than ${NOTE_TEXT_MAX.toLocaleString('en')} characters.`,
    trim: true,
  }),
  /** Private unless I choose to let my partner read it. */
  shared: z.boolean({ error: 'Please say whether your partner may read this note.' }),
});
export type MeetingNoteBody = z.infer<typeof MeetingNoteBody>;

export const MeetingItem = z.object({
  id: z.uuid(),
  part: AgendaPart,
  text: z.string(),
  bring: z.boolean(),
  mine: z.boolean(),
  updatedAt: z.number().int(),
});
export type MeetingItem = z.infer<typeof MeetingItem>;

export const MeetingNote = z.object({
  text: z.string(),
  shared: z.boolean(),
  updatedAt: z.number().int(),
});
export type MeetingNote = z.infer<typeof MeetingNote>;

/**
 * One meeting as I see it: all of my preparation, and of my partner's only what they brought, once
 * the meeting has begun; my note, and my partner's only if they shared it.
 */
export const MeetingView = z.object({
  date: z.string(),
  startsAt: z.number().int(),
  endsAt: z.number().int(),
  phase: z.enum(['upcoming', 'running', 'ended']),
  mine: z.array(MeetingItem),
  partners: z.array(MeetingItem),
  myNote: MeetingNote.nullable(),
  partnerNote: MeetingNote.nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingPage = z.object({
  /** Meetings are held with a partner on the together path; without one the page says so. */
  hasPartner: z.boolean(),
  schedule: MeetingScheduleView.nullable(),
  /** The meeting under way, or the next one. */
  current: MeetingView.nullable(),
  /** The last meeting that ended, to note how it went. */
  previous: MeetingView.nullable(),
  /** My private calendar feed: whether one is on, and since when (its address is shown once). */
  feed: z.object({ on: z.boolean(), createdAt: z.number().int().nullable() }),
});
export type MeetingPage = z.infer<typeof MeetingPage>;

const MEETING_PAGE_DEFAULT = 10;

export const MeetingHistoryQuery = z.strictObject({
  /** The date of the last meeting of the page before. */
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'That page marker is not valid.' })
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX, { error: `Ask for at most ${PAGE_SIZE_MAX} at a time.` })
    // A meeting holds both partners' preparation and notes: fewer to a page than check-ins.
    .default(MEETING_PAGE_DEFAULT),
});

export const MeetingHistory = z.object({
  items: z.array(MeetingView),
  nextCursor: z.string().nullable(),
});
export type MeetingHistory = z.infer<typeof MeetingHistory>;

export const CalendarFeed = z.object({
  /** The secret address; shown only now. Anyone with it can read the meeting times. */
  url: z.string(),
  createdAt: z.number().int(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

const tag = 'meetings';

/** The endpoints of check-in meetings, as both the server and the web client see them. */
export const meetingsApi = {
  page: endpoint({
    method: 'GET',
    path: '/api/meetings',
    tag,
    summary: 'The meeting schedule, the current meeting and the last one, and my feed’s state',
    caller: 'safetyChecked',
    response: MeetingPage,
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/meetings/history',
    tag,
    summary: 'Past meetings, newest first, with what each of us brought',
    caller: 'safetyChecked',
    query: MeetingHistoryQuery,
    response: MeetingHistory,
  }),
  schedule: endpoint({
    method: 'PUT',
    path: '/api/meetings/schedule',
    tag,
    summary: 'Set or change our meeting’s day, time, time zone, length and rhythm',
    caller: 'safetyChecked',
    body: MeetingScheduleBody,
    response: MeetingScheduleView,
    errors: ['meeting.no_partner'],
  }),
  addItem: endpoint({
    method: 'POST',
    path: '/api/meetings/items',
    tag,
    summary:
      'Prepare something for the next meeting (private until the meeting, and only if brought)',
    caller: 'safetyChecked',
    body: MeetingItemBody,
    response: MeetingItem,
    status: 201,
    errors: ['meeting.no_partner', 'meeting.no_schedule', 'meeting.ended'],
  }),
  changeItem: endpoint({
    method: 'PUT',
    path: '/api/meetings/items/:id',
    tag,
    summary: 'Change something I prepared, or whether I bring it, until the meeting ends',
    caller: 'safetyChecked',
    params: IdParams,
    body: MeetingItemBody,
    response: MeetingItem,
    errors: ['meeting.item_not_found', 'meeting.ended'],
  }),
  removeItem: endpoint({
    method: 'DELETE',
    path: '/api/meetings/items/:id',
    tag,
    summary: 'Remove something I prepared, until the meeting ends',
    caller: 'safetyChecked',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['meeting.item_not_found', 'meeting.ended'],
  }),
  note: endpoint({
    method: 'PUT',
    path: '/api/meetings/notes',
    tag,
    summary: 'Write or change my note on how a meeting went (private unless shared)',
    caller: 'safetyChecked',
    body: MeetingNoteBody,
    response: MeetingNote,
    errors: ['meeting.no_partner', 'meeting.not_found', 'meeting.not_started'],
  }),
  newFeed: endpoint({
    method: 'POST',
    path: '/api/meetings/feed',
    tag,
    summary: 'Make my private calendar feed, or a new address for it (the old one stops working)',
    caller: 'safetyChecked',
    response: CalendarFeed,
    status: 201,
  }),
  revokeFeed: endpoint({
    method: 'DELETE',
    path: '/api/meetings/feed',
    tag,
    summary: 'Turn off my calendar feed: its address stops working',
    caller: 'safetyChecked',
    response: null,
    status: 204,
  }),
};
