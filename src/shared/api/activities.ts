import { z } from 'zod';
import {
  ACTIVITY_DETAILS_MAX,
  ACTIVITY_DURATION_MAX,
  ACTIVITY_DURATION_MIN,
  ACTIVITY_NOTE_MAX,
  ACTIVITY_TITLE_MAX,
  activityStatuses,
  planProblem,
  type PlanProblem,
} from '../../core/activities/activity.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

const count = (n: number) => n.toLocaleString('en');

const ActivityTitle = userText({
  notText: 'Please write the activity as text.',
  trim: true,
  max: ACTIVITY_TITLE_MAX,
  tooLong: `The activity is longer than ${count(ACTIVITY_TITLE_MAX)} characters.`,
  min: 1,
  tooShort: 'Please write a few words about the activity.',
});

/** A new idea for the couple's list: its words, and a few more if wanted. */
export const ActivityCreateBody = z.strictObject({
  title: ActivityTitle,
  details: userText({
    notText: 'Please write the details as text.',
    trim: true,
    max: ACTIVITY_DETAILS_MAX,
    tooLong: `The details are longer than ${count(ACTIVITY_DETAILS_MAX)} characters.`,
  }).optional(),
});
export type ActivityCreateBody = z.infer<typeof ActivityCreateBody>;

const planMessages: Record<PlanProblem, { path: string; message: string }> = {
  date: { path: 'date', message: 'Please give the day as a real date, YYYY-MM-DD.' },
  time: { path: 'time', message: 'Please give the time as HH:mm, for example 18:30.' },
  time_zone: {
    path: 'timeZone',
    message: 'We do not know that time zone. Please use a name such as "Europe/Berlin".',
  },
  zone_needs_time: { path: 'timeZone', message: 'A time zone goes with a time of day.' },
  duration: {
    path: 'durationMinutes',
    message: `A length goes with a time of day, from ${ACTIVITY_DURATION_MIN} minutes to 24 hours.`,
  },
};

/**
 * A plan for an activity: a day, and optionally a local time in an IANA time zone and how long it
 * may take. Planning again replaces the plan.
 */
export const ActivityPlanBody = z
  .strictObject({
    date: z
      .string({ error: planMessages.date.message })
      .max(10, { error: planMessages.date.message }),
    time: z
      .string({ error: planMessages.time.message })
      .max(5, { error: planMessages.time.message })
      .nullable()
      .default(null),
    timeZone: z
      .string({ error: planMessages.time_zone.message })
      .max(64, { error: planMessages.time_zone.message })
      .nullable()
      .default(null),
    durationMinutes: z
      .number({ error: planMessages.duration.message })
      .int({ error: 'Please give the length in whole minutes.' })
      .min(ACTIVITY_DURATION_MIN, { error: planMessages.duration.message })
      .max(ACTIVITY_DURATION_MAX, { error: planMessages.duration.message })
      .nullable()
      .default(null),
  })
  .superRefine((plan, ctx) => {
    const problem = planProblem(plan);
    if (problem) {
      const { path, message } = planMessages[problem];
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
export type ActivityPlanBody = z.infer<typeof ActivityPlanBody>;

/** Marking it done, for me, with a short note my partner reads too (empty for none). */
export const ActivityDoneBody = z.strictObject({
  note: userText({
    notText: 'Please write the note as text.',
    trim: true,
    max: ACTIVITY_NOTE_MAX,
    tooLong: `The note is longer than ${count(ACTIVITY_NOTE_MAX)} characters.`,
  }).default(''),
});
export type ActivityDoneBody = z.infer<typeof ActivityDoneBody>;

export const ActivitySetAsideBody = z.strictObject({
  setAside: z.boolean({
    error: 'Please say whether to set it aside (true) or bring it back (false).',
  }),
});
export type ActivitySetAsideBody = z.infer<typeof ActivitySetAsideBody>;

export const ActivityPlanView = z.object({
  date: z.string(),
  time: z.string().nullable(),
  timeZone: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
});
export type ActivityPlanView = z.infer<typeof ActivityPlanView>;

/** One partner's "we did this", with their note (both partners read it). */
export const ActivityDoneView = z.object({
  mine: z.boolean(),
  name: z.string(),
  at: z.number().int(),
  note: z.string().nullable(),
});
export type ActivityDoneView = z.infer<typeof ActivityDoneView>;

export const ActivityView = z.object({
  id: z.uuid(),
  title: z.string(),
  details: z.string().nullable(),
  addedByMe: z.boolean(),
  addedByName: z.string(),
  addedAt: z.number().int(),
  status: z.enum(activityStatuses),
  plan: ActivityPlanView.nullable(),
  /** Each partner's mark, mine first. */
  done: z.array(ActivityDoneView),
  updatedAt: z.number().int(),
});
export type ActivityView = z.infer<typeof ActivityView>;

export const ActivityList = z.object({
  /** Whether both partners are on the journey: shared activities need both. */
  hasPartner: z.boolean(),
  /** Newest first; the screen groups them. */
  activities: z.array(ActivityView),
});
export type ActivityList = z.infer<typeof ActivityList>;

const tag = 'activities';

/** The endpoints of step 5's shared activities, as both the server and the web client see them. */
export const activitiesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/activities',
    tag,
    summary:
      'Our shared list: ideas, plans with their dates, what we did with our notes, set aside',
    caller: 'safetyChecked',
    response: ActivityList,
  }),
  add: endpoint({
    method: 'POST',
    path: '/api/activities',
    tag,
    summary: 'Add an idea to our shared list',
    caller: 'safetyChecked',
    body: ActivityCreateBody,
    response: ActivityView,
    status: 201,
    errors: ['activity.no_partner'],
  }),
  plan: endpoint({
    method: 'PUT',
    path: '/api/activities/:id/plan',
    tag,
    summary: 'Plan an activity for a day, optionally at a local time in a time zone',
    caller: 'safetyChecked',
    params: IdParams,
    body: ActivityPlanBody,
    response: ActivityView,
    errors: ['activity.not_found', 'activity.no_partner', 'activity.set_aside'],
  }),
  done: endpoint({
    method: 'PUT',
    path: '/api/activities/:id/done',
    tag,
    summary: 'Mark an activity done, for me, with a short note we both read',
    caller: 'safetyChecked',
    params: IdParams,
    body: ActivityDoneBody,
    response: ActivityView,
    errors: ['activity.not_found', 'activity.no_partner', 'activity.set_aside'],
  }),
  setAside: endpoint({
    method: 'PUT',
    path: '/api/activities/:id/set-aside',
    tag,
    summary: 'Set an activity aside, or bring it back',
    caller: 'safetyChecked',
    params: IdParams,
    body: ActivitySetAsideBody,
    response: ActivityView,
    errors: ['activity.not_found', 'activity.no_partner'],
  }),
  calendar: endpoint({
    method: 'GET',
    path: '/api/activities/:id/calendar.ics',
    tag,
    summary:
      'A planned activity as a calendar file (RFC 5545); neutral, without details, in discreet mode',
    caller: 'safetyChecked',
    params: IdParams,
    response: null,
    status: 200,
    errors: ['activity.not_found', 'activity.not_planned'],
  }),
};
