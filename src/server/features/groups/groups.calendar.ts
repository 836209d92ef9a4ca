import ical, { type ICalDateTimeValue } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { parseLocal, type LocalDateTime } from '../../../core/groups/schedule.js';
import type { StoredGroup } from './groups.store.js';

/**
 * A wall-clock time shaped like a Temporal.PlainDateTime, which ical-generator writes as local
 * time in the event's zone (`DTSTART;TZID=Europe/Berlin:20260317T183000`). A native Date would be
 * read in the server's own zone instead, and no time-zone library is needed for this one use.
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
const pad = (n: number) => String(n).padStart(2, '0');

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
 * A group's schedule as an RFC 5545 calendar: one recurring event in the group's zone, with its
 * VTIMEZONE, so calendar programs keep the meetings at the same local time across clock changes.
 * The UID is the group's id, so a re-downloaded file updates the same event.
 */
export function groupCalendar(
  g: StoredGroup,
  options: { host: string; pageUrl: string; facilitator: string | null; practice: string },
): string {
  const first = parseLocal(g.firstMeeting);
  if (!first) throw new Error(`group ${g.id} has no valid first meeting`);
  const cal = ical({ prodId: { company: options.practice, product: 'groups', language: 'EN' } });
  cal.name(g.name);
  // The zone's VTIMEZONE is written for the event's TZID; the calendar itself names no zone, so
  // DTSTAMP stays in UTC as RFC 5545 requires.
  cal.timezone({ name: null, generator: vtimezone });
  const end = plusMinutes(first, g.durationMinutes);
  const description = [
    g.description,
    options.facilitator ? `Facilitator: ${options.facilitator}` : null,
    options.pageUrl,
  ]
    .filter((x): x is string => !!x)
    .join('\n\n');
  cal.createEvent({
    id: `${g.id}@${options.host}`,
    // UTC needs no VTIMEZONE: the times are written with a Z.
    ...(g.timeZone === 'UTC'
      ? { start: utcDate(first), end: utcDate(end) }
      : {
          start: wallClock(first, g.timeZone),
          end: wallClock(end, g.timeZone),
          timezone: g.timeZone,
        }),
    stamp: new Date(g.updatedAt),
    summary: g.name,
    description,
    location: g.location || null,
    url: options.pageUrl,
    repeating: `RRULE:${g.rrule}`,
  });
  return cal.toString();
}
