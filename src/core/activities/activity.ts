import { isTimeZone, parseDate, parseLocal } from '../groups/schedule.js';

/**
 * Step 5's shared activities: ideas either partner adds to the couple's list, which may become a
 * plan with a date (and a local time in a time zone), then be marked done by each partner with a
 * short note, or set aside. Nothing here counts, ranks or reminds. Nothing here does I/O.
 */

export const ACTIVITY_TITLE_MAX = 120;
export const ACTIVITY_DETAILS_MAX = 1_000;
export const ACTIVITY_NOTE_MAX = 500;
export const ACTIVITY_DURATION_MIN = 5;
export const ACTIVITY_DURATION_MAX = 24 * 60;

/** A plan: a day, and optionally a wall-clock time in an IANA zone, and how long it may take. */
export interface ActivityPlan {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:mm` in `timeZone`, or null for a plan for the day. */
  readonly time: string | null;
  /** Set exactly when `time` is. */
  readonly timeZone: string | null;
  /** Only with a time. */
  readonly durationMinutes: number | null;
}

/** What is wrong with a plan, by field; null when it can be kept. */
export type PlanProblem = 'date' | 'time' | 'time_zone' | 'zone_needs_time' | 'duration';

const TIME = /^\d{2}:\d{2}$/;
/** Plans fall within these years: a typo like 20266 is a mistake, not a plan. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2200;

export function planProblem(p: ActivityPlan): PlanProblem | null {
  const day = parseDate(p.date);
  if (!day || day.year < FIRST_YEAR || day.year > LAST_YEAR) return 'date';
  if (p.time !== null && (!TIME.test(p.time) || !parseLocal(`${p.date}T${p.time}`))) return 'time';
  if (p.time !== null && (p.timeZone === null || !isTimeZone(p.timeZone))) return 'time_zone';
  if (p.time === null && p.timeZone !== null) return 'zone_needs_time';
  if (p.durationMinutes !== null) {
    if (p.time === null) return 'duration';
    const d = p.durationMinutes;
    if (!Number.isInteger(d) || d < ACTIVITY_DURATION_MIN || d > ACTIVITY_DURATION_MAX) {
      return 'duration';
    }
  }
  return null;
}

export interface ActivityFacts {
  readonly plan: ActivityPlan | null;
  readonly setAsideAt: number | null;
  /** Who has marked it done (at least one partner makes it done for the couple). */
  readonly doneBy: readonly string[];
}

export const activityStatuses = ['idea', 'planned', 'done', 'set_aside'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** Set aside wins (it is the couple's choice to leave it), then done, then planned. */
export function statusOf(a: ActivityFacts): ActivityStatus {
  if (a.setAsideAt !== null) return 'set_aside';
  if (a.doneBy.length > 0) return 'done';
  return a.plan ? 'planned' : 'idea';
}

export type ActivityRefusal = 'activity.no_partner' | 'activity.set_aside' | 'activity.not_planned';

/** Shared activities are made with a partner: both of them on a journey together. */
export const refusalToShare = (journey: { hasPartner: boolean }): ActivityRefusal | undefined =>
  journey.hasPartner ? undefined : 'activity.no_partner';

/** Planning or marking done: not while it is set aside (bring it back first). */
export const refusalToChange = (a: ActivityFacts): ActivityRefusal | undefined =>
  a.setAsideAt !== null ? 'activity.set_aside' : undefined;

/** A calendar file needs a date. */
export const refusalToCalendar = (a: ActivityFacts): ActivityRefusal | undefined =>
  a.plan ? undefined : 'activity.not_planned';

/**
 * Ideas to start from, by id; their words are in the message catalogue (`activities.idea.<id>`).
 * Small, warm and low-cost, for any couple, and none of them a test of the relationship.
 */
export const activityIdeas = [
  'walk',
  'cook',
  'revisit',
  'phones_off',
  'breakfast_out',
  'picnic',
  'music',
  'old_photos',
  'garden',
  'film',
  'museum',
  'sunrise',
  'board_game',
  'bake',
  'library',
  'stargazing',
  'bike',
  'new_recipe',
  'market',
  'volunteer',
  'read_aloud',
  'swim',
  'class',
  'day_trip',
] as const;
export type ActivityIdeaId = (typeof activityIdeas)[number];
