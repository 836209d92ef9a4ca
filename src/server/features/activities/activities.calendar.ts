import ical, { type ICalCalendar } from 'ical-generator';
import type { ActivityPlan } from '../../../core/activities/activity.js';
import { parseDate, parseLocal } from '../../../core/groups/schedule.js';
import { plusMinutes, utcDate, vtimezone, wallClock } from '../../calendar/local-time.js';

/** What a calendar event needs of an activity: its opened words and its plan. */
export interface CalendarActivity {
  readonly id: string;
  readonly title: string;
  readonly details: string | null;
  readonly plan: ActivityPlan;
  readonly updatedAt: number;
}

export interface CalendarOptions {
  /** The app's host, for globally unique event ids. */
  readonly host: string;
  /** The person's discreet mode: a neutral title, and no description at all. */
  readonly discreet: boolean;
  /** The title used in discreet mode ("Plans"). */
  readonly neutralTitle: string;
  /** The product identifier's company (the practice or app name). */
  readonly company: string;
}

/** A plan without a length is written as an hour, so calendars show it as a block of time. */
const DEFAULT_MINUTES = 60;

/**
 * Adds one planned activity as a VEVENT to a calendar (which must carry the VTIMEZONE generator:
 * see `activityCalendar`). Pure apart from the library: a personal feed can add many. The UID is
 * the activity's id, so a file downloaded again updates the same event.
 */
export function addActivityEvent(
  cal: ICalCalendar,
  a: CalendarActivity,
  options: Pick<CalendarOptions, 'host' | 'discreet' | 'neutralTitle'>,
): void {
  const { plan } = a;
  const words = options.discreet
    ? { summary: options.neutralTitle }
    : { summary: a.title, ...(a.details ? { description: a.details } : {}) };
  const common = { id: `activity-${a.id}@${options.host}`, stamp: new Date(a.updatedAt), ...words };
  const start = plan.time === null ? null : parseLocal(`${plan.date}T${plan.time}`);
  if (start === null || plan.timeZone === null) {
    const day = parseDate(plan.date);
    if (!day) throw new Error(`activity ${a.id} has no valid date`);
    // A day without a time: an all-day event (DTSTART;VALUE=DATE), the same day wherever it is read.
    cal.createEvent({
      ...common,
      start: utcDate(day),
      end: utcDate(plusMinutes(day, 24 * 60)),
      allDay: true,
    });
    return;
  }
  const end = plusMinutes(start, plan.durationMinutes ?? DEFAULT_MINUTES);
  cal.createEvent({
    ...common,
    // UTC needs no VTIMEZONE: the times are written with a Z.
    ...(plan.timeZone === 'UTC'
      ? { start: utcDate(start), end: utcDate(end) }
      : {
          start: wallClock(start, plan.timeZone),
          end: wallClock(end, plan.timeZone),
          timezone: plan.timeZone,
        }),
  });
}

/** A calendar with the VTIMEZONE generator set, named neutrally in discreet mode. */
export function activitiesCalendar(options: CalendarOptions, name: string): ICalCalendar {
  const cal = ical({ prodId: { company: options.company, product: 'activities', language: 'EN' } });
  cal.name(options.discreet ? options.neutralTitle : name);
  // The zone's VTIMEZONE is written for each event's TZID; the calendar itself names no zone, so
  // DTSTAMP stays in UTC as RFC 5545 requires.
  cal.timezone({ name: null, generator: vtimezone });
  return cal;
}

/** One planned activity as an RFC 5545 calendar file: a single VEVENT with its VTIMEZONE. */
export function activityCalendar(a: CalendarActivity, options: CalendarOptions): string {
  const cal = activitiesCalendar(options, a.title);
  addActivityEvent(cal, a, options);
  return cal.toString();
}
