import { z } from 'zod';
import {
  COUNT_MAX,
  frequencies,
  isTimeZone,
  scheduleProblem,
  type ScheduleProblem,
} from '../../core/groups/schedule.js';
import { IdParams } from './common.js';
import { endpoint } from './endpoint.js';
import { userText } from './text.js';

export const GROUP_NAME_MAX = 120;
export const GROUP_DESCRIPTION_MAX = 2000;
export const GROUP_LOCATION_MAX = 300;
export const CAPACITY_MAX = 500;
export const groupFormats = ['online', 'in_person'] as const;

export const GroupFormat = z.enum(groupFormats, { error: 'Please choose online or in person.' });

export const Recurrence = z.strictObject({
  frequency: z.enum(frequencies, {
    error: 'Please choose how often the group meets: weekly, every two weeks or monthly.',
  }),
  count: z
    .number({ error: 'Please give the number of meetings as a whole number.' })
    .int({ error: 'Please give the number of meetings as a whole number.' })
    .min(1, { error: 'A group meets at least once.' })
    .max(COUNT_MAX, { error: `Please plan at most ${COUNT_MAX} meetings.` })
    .nullable(),
  until: z
    .string({ error: 'Please give the last date as YYYY-MM-DD.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Please give the last date as YYYY-MM-DD.' })
    .nullable(),
});

const scheduleMessages: Record<ScheduleProblem, { path: string[]; message: string }> = {
  first_meeting: {
    path: ['firstMeeting'],
    message: 'Please give the first meeting as a real date and time, YYYY-MM-DDTHH:mm.',
  },
  time_zone: {
    path: ['timeZone'],
    message: 'We do not know that time zone. Please use a name such as "Europe/Berlin".',
  },
  end: {
    path: ['recurrence'],
    message:
      'Please end the series either after a number of meetings or on a date (one of the two).',
  },
  until_before_start: {
    path: ['recurrence', 'until'],
    message: 'The last date is before the first meeting.',
  },
};

/** A group as the administrator writes it. */
export const GroupBody = z
  .strictObject({
    name: userText({
      trim: true,
      min: 1,
      max: GROUP_NAME_MAX,
      tooShort: 'Please give the group a name.',
      tooLong: `The name is longer than ${GROUP_NAME_MAX} characters.`,
    }),
    description: userText({
      trim: true,
      max: GROUP_DESCRIPTION_MAX,
      tooLong: `The description is longer than ${GROUP_DESCRIPTION_MAX.toLocaleString('en')} characters.`,
    }),
    format: GroupFormat,
    location: userText({
      trim: true,
      max: GROUP_LOCATION_MAX,
      tooLong: `The location is longer than ${GROUP_LOCATION_MAX} characters.`,
    }),
    facilitatorId: z.uuid({ error: 'Please choose a facilitator from the list.' }).nullable(),
    capacity: z
      .number({ error: 'Please give the number of places as a whole number.' })
      .int({ error: 'Please give the number of places as a whole number.' })
      .min(1, { error: 'A group has at least one place.' })
      .max(CAPACITY_MAX, { error: `Please give at most ${CAPACITY_MAX} places.` }),
    placesTaken: z
      .number({ error: 'Please give the places taken as a whole number.' })
      .int({ error: 'Please give the places taken as a whole number.' })
      .min(0, { error: 'Places taken cannot be below zero.' }),
    /** An IANA zone; left out, the practice's. */
    timeZone: z
      .string({ error: 'Please give the time zone as a name such as "Europe/Berlin".' })
      .max(64, {
        error: 'We do not know that time zone. Please use a name such as "Europe/Berlin".',
      })
      .refine(isTimeZone, {
        error: 'We do not know that time zone. Please use a name such as "Europe/Berlin".',
      })
      .optional(),
    /** Local date and time of the first meeting in the group's zone. */
    firstMeeting: z
      .string({ error: 'Please give the first meeting as YYYY-MM-DDTHH:mm.' })
      .max(16, {
        error: 'Please give the first meeting as YYYY-MM-DDTHH:mm.',
      }),
    durationMinutes: z
      .number({ error: 'Please give the length in minutes.' })
      .int({ error: 'Please give the length in whole minutes.' })
      .min(15, { error: 'A meeting lasts at least 15 minutes.' })
      .max(480, { error: 'A meeting lasts at most 8 hours.' }),
    recurrence: Recurrence,
    published: z.boolean({ error: 'Please answer yes or no: shown on the groups page.' }),
  })
  .superRefine((g, ctx) => {
    if (g.placesTaken > g.capacity) {
      ctx.addIssue({
        code: 'custom',
        path: ['placesTaken'],
        message: 'More places are taken than the group has.',
      });
    }
    const problem = scheduleProblem(g.firstMeeting, g.timeZone ?? 'UTC', g.recurrence);
    if (problem) ctx.addIssue({ code: 'custom', ...scheduleMessages[problem] });
  });
export type GroupBody = z.infer<typeof GroupBody>;

export const GroupView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  format: GroupFormat,
  location: z.string(),
  facilitatorId: z.string().nullable(),
  facilitatorName: z.string().nullable(),
  capacity: z.number().int(),
  placesTaken: z.number().int(),
  placesLeft: z.number().int(),
  timeZone: z.string(),
  firstMeeting: z.string(),
  durationMinutes: z.number().int(),
  recurrence: Recurrence,
  /** The RFC 5545 rule, as the calendar file carries it. */
  rrule: z.string(),
  published: z.boolean(),
  /** The next meetings' start instants (ms), soonest first. */
  nextMeetings: z.array(z.number().int()),
  pageUrl: z.string(),
  calendarUrl: z.string(),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupList = z.object({
  groups: z.array(GroupView),
  /** The zone a new group takes unless another is chosen. */
  defaultTimeZone: z.string(),
  /** The therapists who can facilitate, by id and the name on their profile. */
  facilitators: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type GroupList = z.infer<typeof GroupList>;

const tag = 'groups';

/** The practice's groups: the administrator's to plan; shown to everyone on /groups. */
export const groupsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/groups',
    tag,
    summary: "The practice's groups, shown or not, with who can facilitate",
    caller: 'admin',
    response: GroupList,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/groups',
    tag,
    summary: 'Plan a new group',
    caller: 'admin',
    body: GroupBody,
    response: GroupView,
    status: 201,
    errors: ['group.facilitator_unknown'],
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/groups/:id',
    tag,
    summary: 'Change a group',
    caller: 'admin',
    params: IdParams,
    body: GroupBody,
    response: GroupView,
    errors: ['group.not_found', 'group.facilitator_unknown'],
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/groups/:id',
    tag,
    summary: 'Delete a group',
    caller: 'admin',
    params: IdParams,
    response: null,
    status: 204,
    errors: ['group.not_found'],
  }),
};
