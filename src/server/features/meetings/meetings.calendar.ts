import ical, { type ICalDateTimeValue } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { parseDate, type LocalDateTime } from '../../../core/groups/schedule.js';
import { meetingRule, parseTime, type MeetingSchedule } from '../../../core/meetings/meeting.js';

/**
 * A person's private calendar feed (RFC 5545). It is built from events of any feature, so that
 * other recurring times can join the same feed later; the check-in meeting is the first.
 */
export interface FeedEvent {
  /** Stable across downloads, so calendar programs update the event rather than add another. */
  readonly uid: string;
  /** Local start in `timeZone`. */
  readonly start: LocalDateTime;
  readonly timeZone: string;
  readonly durationMinutes: number;
  /** The RFC 5545 rule without its "RRULE:" name; null for a one-off event. */
  readonly rrule: string | null;
  readonly summary: string;
  readonly description: string;
  /** A neutral stand-in used in discreet mode, naming nothing of what the event is. */
  readonly discreetSummary: string;
  readonly stamp: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A wall-clock time shaped like a Temporal.PlainDateTime, which ical-generator writes as local
 * time in the event's zone (`DTSTART;TZID=Europe/Berlin:20261105T193000`); a native Date would be
 * read in the server's own zone (the same approach as groups.calendar.ts).
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
      `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:00`,
  };
  const zoned = {
    timeZoneId: tz,
    year: l.year,
    month: l.month,
    day: l.day,
    hour: l.hour,
    minute: l.minute,
    second: 0,
    toPlainDateTime: () => plain,
    withTimeZone: () => zoned,
  };
  return plain;
}

const plusMinutes = (l: LocalDateTime, minutes: number): LocalDateTime => {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute + minutes));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
};

const utcDate = (l: LocalDateTime) =>
  new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute));

/** The VTIMEZONE block for a zone, from the maintained time-zone library; null when unknown. */
const vtimezone = (tz: string): string | null => {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) && block[0] ? block[0] : null;
};

/**
 * The feed as an RFC 5545 calendar: each event in its own zone with that zone's VTIMEZONE, so
 * calendar programs keep local times across clock changes. In discreet mode every event is
 * titled neutrally and has no description, and the calendar itself has a neutral name.
 */
export function personalCalendar(
  events: readonly FeedEvent[],
  options: { discreet: boolean; name: string; discreetName: string; product: string },
): string {
  // In discreet mode not even the producer names the app.
  const company = options.discreet ? options.discreetName : options.product;
  const cal = ical({ prodId: { company, product: 'feed', language: 'EN' } });
  cal.name(options.discreet ? options.discreetName : options.name);
  cal.timezone({ name: null, generator: vtimezone });
  for (const e of events) {
    const end = plusMinutes(e.start, e.durationMinutes);
    cal.createEvent({
      id: e.uid,
      ...(e.timeZone === 'UTC'
        ? { start: utcDate(e.start), end: utcDate(end) }
        : {
            start: wallClock(e.start, e.timeZone),
            end: wallClock(end, e.timeZone),
            timezone: e.timeZone,
          }),
      stamp: new Date(e.stamp),
      summary: options.discreet ? e.discreetSummary : e.summary,
      ...(options.discreet ? {} : { description: e.description }),
      ...(e.rrule ? { repeating: `RRULE:${e.rrule}` } : {}),
    });
  }
  return cal.toString();
}

/** The couple's check-in meeting as a feed event, from its first date, repeating without end. */
export function meetingEvent(
  s: MeetingSchedule & { journeyId: string; updatedAt: number },
  text: { summary: string; description: string; discreetSummary: string },
): FeedEvent {
  const first = parseDate(s.firstDate);
  const time = parseTime(s.time);
  if (!first || !time) throw new Error(`meeting schedule of ${s.journeyId} is not valid`);
  return {
    // A UUID is unique by itself; no host name, so a discreet feed names nothing, not even the app.
    uid: `${s.journeyId}-1`,
    start: { ...first, hour: time.hour, minute: time.minute },
    timeZone: s.timeZone,
    durationMinutes: s.durationMinutes,
    rrule: meetingRule(s),
    summary: text.summary,
    description: text.description,
    discreetSummary: text.discreetSummary,
    stamp: s.updatedAt,
  };
}
