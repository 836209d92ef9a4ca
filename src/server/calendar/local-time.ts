import type { ICalDateTimeValue } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { LocalDateTime } from '../../core/groups/schedule.js';

/**
 * What every calendar Steadfast writes (a group's schedule, a couple's meetings, a planned activity)
 * needs to keep local times local: events are written in their own zone with that zone's VTIMEZONE,
 * so calendar programs keep them at the same wall-clock time across clock changes.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A wall-clock time shaped like a Temporal.PlainDateTime, which ical-generator writes as local
 * time in the event's zone (`DTSTART;TZID=Europe/Berlin:20260317T183000`). A native Date would be
 * read in the server's own zone instead, and no time-zone library is needed for this one use.
 */
export function wallClock(l: LocalDateTime, tz: string): ICalDateTimeValue {
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

/** The wall-clock time `minutes` later, on the calendar (not in any zone's elapsed time). */
export const plusMinutes = (l: LocalDateTime, minutes: number): LocalDateTime => {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute + minutes));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
};

/** The wall-clock fields read as UTC: for values written in UTC, such as an all-day date or UNTIL. */
export const utcDate = (l: LocalDateTime): Date =>
  new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute));

/** The VTIMEZONE block for a zone, from the maintained time-zone library; null when unknown. */
export const vtimezone = (tz: string): string | null => {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) && block[0] ? block[0] : null;
};
