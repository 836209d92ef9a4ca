import ical from 'ical-generator';
import { parseLocal } from '../../../core/groups/schedule.js';
import { plusMinutes, utcDate, vtimezone, wallClock } from '../../calendar/local-time.js';
import type { StoredGroup } from './groups.store.js';

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
