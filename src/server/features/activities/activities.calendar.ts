import ical, { type ICalCalendar, type ICalDateTimeValue } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { ActivityPlan } from '../../../core/activities/activity.js';
import { parseDate, parseLocal, type LocalDateTime } from '../../../core/groups/schedule.js';

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

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wall-clock time shaped like a Temporal.PlainDateTime, which ical-generator writes as local time
 * in the event's zone (`DTSTART;TZID=Europe/Berlin:20261205T183000`); a native Date would be read
 * in the server's own zone instead. The same shape groups.calendar.ts uses.
 */
function wallClock(l: LocalDateTime, tz: string): ICalDateTimeValue {
  const plain = {
    year: l.year,
    month: l.month,
    day: l.day,
    hour: l.hour,
    minute: l.minute,
    second: 0,
    toPlainDate: () => ({ year: l.year, month: l.month, day: l.day }),
    toZonedDateTime: () => zoned,
    toJSON: () =>
      `${String(l.year).padStart(4, '0')}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:00`,
  };
  const zoned = {
    timeZoneId: tz,
    ...l,
    second: 0,
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
  };
  return plain;
}

const shifted = (l: LocalDateTime, minutes: number): LocalDateTime => {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute + minutes));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
};

const utc = (l: LocalDateTime) => new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute));

/** The VTIMEZONE block for a zone, from the maintained time-zone library; null when unknown. */
const vtimezone = (tz: string): string | null => {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) && block[0] ? block[0] : null;
};

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
    cal.createEvent({ ...common, start: utc(day), end: utc(shifted(day, 24 * 60)), allDay: true });
    return;
  }
  const end = shifted(start, plan.durationMinutes ?? DEFAULT_MINUTES);
  cal.createEvent({
    ...common,
    // UTC needs no VTIMEZONE: the times are written with a Z.
    ...(plan.timeZone === 'UTC'
      ? { start: utc(start), end: utc(end) }
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
