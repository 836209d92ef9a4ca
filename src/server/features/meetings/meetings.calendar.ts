import ical from 'ical-generator';
import { parseDate, type LocalDateTime } from '../../../core/groups/schedule.js';
import { plusMinutes, utcDate, vtimezone, wallClock } from '../../calendar/local-time.js';
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
