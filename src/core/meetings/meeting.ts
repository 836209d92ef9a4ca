import type { ErrorCode } from '../errors.js';
import type { JourneyPath } from '../journeys/journey.js';
import {
  formatDate,
  isTimeZone,
  localAt,
  parseDate,
  zonedToUtc,
  type LocalDateTime,
} from '../groups/schedule.js';

/**
 * A couple's check-in meeting: one recurring time a week (or every two weeks) in a time zone, with
 * the same four-part agenda each time. Each partner prepares privately and chooses what to bring;
 * what was brought is seen by both once the meeting has begun. Nothing here does I/O or reads the
 * clock: `now` is always passed in.
 */

export const meetingFrequencies = ['weekly', 'fortnightly'] as const;
export type MeetingFrequency = (typeof meetingFrequencies)[number];

export const agendaParts = ['appreciation', 'went_well', 'worry', 'request'] as const;
export type AgendaPart = (typeof agendaParts)[number];

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof weekdays)[number];

export const DURATION_MIN_MINUTES = 15;
export const DURATION_MAX_MINUTES = 180;
export const DURATION_DEFAULT_MINUTES = 45;
/** A pause in a meeting lasts at least this long, so both can calm down before coming back. */
export const PAUSE_MIN_MINUTES = 20;
export const ITEM_TEXT_MAX = 1000;
export const NOTE_TEXT_MAX = 2000;

export interface MeetingSchedule {
  readonly weekday: Weekday;
  /** Local time, `HH:MM`. */
  readonly time: string;
  readonly timeZone: string;
  readonly durationMinutes: number;
  readonly frequency: MeetingFrequency;
  /** The local date of the first meeting of this schedule (`YYYY-MM-DD`); fortnights count from it. */
  readonly firstDate: string;
}

/** One meeting of a schedule: its local date (its name) and its start and end instants (ms). */
export interface Occurrence {
  readonly date: string;
  readonly startsAt: number;
  readonly endsAt: number;
}

export type MeetingPhase = 'upcoming' | 'running' | 'ended';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** `HH:MM` as hours and minutes, or null. */
export function parseTime(text: string): { hour: number; minute: number } | null {
  const m = TIME.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export type MeetingScheduleProblem = 'time' | 'time_zone' | 'duration' | 'weekday';

/** Why a schedule cannot be kept, in the form's words; null when it can. */
export function meetingScheduleProblem(s: {
  weekday: number;
  time: string;
  timeZone: string;
  durationMinutes: number;
}): MeetingScheduleProblem | null {
  if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) return 'weekday';
  if (!parseTime(s.time)) return 'time';
  if (!isTimeZone(s.timeZone)) return 'time_zone';
  if (
    !Number.isInteger(s.durationMinutes) ||
    s.durationMinutes < DURATION_MIN_MINUTES ||
    s.durationMinutes > DURATION_MAX_MINUTES
  ) {
    return 'duration';
  }
  return null;
}

/** The ISO weekday of a calendar date. */
const isoWeekday = (d: { year: number; month: number; day: number }): number => {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
};

const addDays = (d: LocalDateTime, days: number): LocalDateTime => {
  const x = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { ...d, year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};

const startOf = (date: LocalDateTime, time: string, tz: string): number => {
  const t = parseTime(time) ?? { hour: 0, minute: 0 };
  return zonedToUtc({ ...date, hour: t.hour, minute: t.minute }, tz);
};

/**
 * The first meeting date of a schedule set at `now`: the next day on its weekday, today included
 * when the meeting time has not come yet.
 */
export function firstDateFrom(
  s: { weekday: Weekday; time: string; timeZone: string },
  now: number,
): string {
  const here = localAt(now, s.timeZone);
  const today: LocalDateTime = {
    year: here.year,
    month: here.month,
    day: here.day,
    hour: 0,
    minute: 0,
  };
  let date = addDays(today, (s.weekday - isoWeekday(today) + 7) % 7);
  if (startOf(date, s.time, s.timeZone) <= now) date = addDays(date, 7);
  return formatDate(date);
}

const stepDays = (f: MeetingFrequency) => (f === 'weekly' ? 7 : 14);

/** Meeting number `k` of a schedule (0 is the first). Local time holds across clock changes. */
export function occurrenceAt(s: MeetingSchedule, k: number): Occurrence {
  const first = parseDate(s.firstDate);
  if (!first) throw new Error(`not a date: ${s.firstDate}`);
  const date = addDays(first, k * stepDays(s.frequency));
  const startsAt = startOf(date, s.time, s.timeZone);
  return { date: formatDate(date), startsAt, endsAt: startsAt + s.durationMinutes * MINUTE_MS };
}

/** The index of the meeting on a date, or null when the schedule has no meeting that day. */
function indexOf(s: MeetingSchedule, date: string): number | null {
  const first = parseDate(s.firstDate);
  const d = parseDate(date);
  if (!first || !d) return null;
  const days = Math.round(
    (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(first.year, first.month - 1, first.day)) /
      DAY_MS,
  );
  const step = stepDays(s.frequency);
  return days >= 0 && days % step === 0 ? days / step : null;
}

/** The meeting on `date`, when the schedule has one that day. */
export const occurrenceOn = (s: MeetingSchedule, date: string): Occurrence | null => {
  const k = indexOf(s, date);
  return k === null ? null : occurrenceAt(s, k);
};

/** A guess at the index of the meeting around `now`, a little early, so a walk forward finds it. */
const guess = (s: MeetingSchedule, now: number): number => {
  const first = occurrenceAt(s, 0);
  return Math.max(0, Math.floor((now - first.startsAt) / (stepDays(s.frequency) * DAY_MS)) - 1);
};

/** The index and the meeting still to come or under way at `now`: the first that has not ended. */
function currentAt(s: MeetingSchedule, now: number): { k: number; occurrence: Occurrence } {
  for (let k = guess(s, now); ; k++) {
    const occurrence = occurrenceAt(s, k);
    if (occurrence.endsAt > now) return { k, occurrence };
  }
}

/** The meeting still to come or under way at `now`: the first that has not ended. */
export const currentOccurrence = (s: MeetingSchedule, now: number): Occurrence =>
  currentAt(s, now).occurrence;

/** The last meeting that ended by `now`, or null before the first has ended. */
export function previousOccurrence(s: MeetingSchedule, now: number): Occurrence | null {
  return aroundNow(s, now).previous;
}

/** The meeting under way or to come, and the one before it (null before the first has ended). */
export function aroundNow(
  s: MeetingSchedule,
  now: number,
): { current: Occurrence; previous: Occurrence | null } {
  const { k, occurrence } = currentAt(s, now);
  return { current: occurrence, previous: k === 0 ? null : occurrenceAt(s, k - 1) };
}

/** The next `count` meetings from the one under way or to come at `now`. */
export function upcoming(s: MeetingSchedule, now: number, count: number): Occurrence[] {
  const start = currentAt(s, now).k;
  return Array.from({ length: count }, (_, i) => occurrenceAt(s, start + i));
}

export const phaseOf = (m: { startsAt: number; endsAt: number }, now: number): MeetingPhase =>
  now < m.startsAt ? 'upcoming' : now < m.endsAt ? 'running' : 'ended';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** The RFC 5545 rule of a schedule; it has no end: the couple changes or stops it in the app. */
export const meetingRule = (s: Pick<MeetingSchedule, 'frequency' | 'weekday'>): string =>
  `FREQ=WEEKLY;${s.frequency === 'fortnightly' ? 'INTERVAL=2;' : ''}BYDAY=${BYDAY[s.weekday - 1]}`;

/** A preparation item as the visibility rule sees it. */
export interface ItemFacts {
  readonly authorId: string;
  readonly bring: boolean;
}

/**
 * Who sees a preparation item: its author, always; the partner, only an item its author chose to
 * bring, and only once the meeting has begun (its start time has come). Before that, preparing
 * stays private, and changing one's mind about what to bring leaves no trace.
 */
export const maySeeItem = (
  viewerId: string,
  item: ItemFacts,
  meeting: { startsAt: number },
  now: number,
): boolean => item.authorId === viewerId || (item.bring && now >= meeting.startsAt);

/**
 * Who sees a note on how a meeting went: its author; the partner only when the author shared it.
 * Notes are private unless the author chooses otherwise.
 */
export const maySeeNote = (viewerId: string, note: { authorId: string; shared: boolean }) =>
  note.authorId === viewerId || note.shared;

/** Preparation can change until the meeting ends; afterwards it is the meeting's record. */
export const refusalToChangeItem = (
  meeting: { endsAt: number },
  now: number,
): ErrorCode | undefined => (now >= meeting.endsAt ? 'meeting.ended' : undefined);

/** A note on how it went is written once the meeting has begun. */
export const refusalToNote = (meeting: { startsAt: number }, now: number): ErrorCode | undefined =>
  now < meeting.startsAt ? 'meeting.not_started' : undefined;

/** Meetings are between partners: the together path with both on it. */
export const refusalToMeet = (journey: {
  path: JourneyPath;
  hasPartner: boolean;
}): ErrorCode | undefined =>
  journey.path !== 'together' || !journey.hasPartner ? 'meeting.no_partner' : undefined;
