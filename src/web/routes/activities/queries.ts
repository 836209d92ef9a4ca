import { useQuery } from '@tanstack/react-query';
import type { ActivityIdeaId } from '../../../core/activities/activity.js';
import type { ActivityPlanView, ActivityView } from '../../../shared/api/activities.js';
import { call } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

export const activityKeys = { all: ['activities'] as const };

export const useActivities = (enabled: boolean) =>
  useQuery({
    queryKey: activityKeys.all,
    queryFn: () => call(endpoints.activities.list),
    enabled,
    // What the partner added or noted matters more than a saved round trip.
    staleTime: 0,
  });

export const ideaTitle = (id: ActivityIdeaId) =>
  ts(`activities.idea.${id}.title` satisfies StepsMessageKey);
export const ideaDetails = (id: ActivityIdeaId) =>
  ts(`activities.idea.${id}.details` satisfies StepsMessageKey);

/** The calendar file's address: a plain download, with the session cookie. */
export const calendarHref = (id: string) =>
  endpoints.activities.calendar.path.replace(':id', encodeURIComponent(id));

/** The viewer's own zone, offered first when they plan a time. */
export const ownTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
};

/** Every zone the browser knows, for the zone field's suggestions (none in older browsers). */
export const knownTimeZones = (): readonly string[] => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in the viewer's own calendar, `YYYY-MM-DD`, to tell coming plans from earlier ones. */
export const localToday = (now = new Date()): string =>
  `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

// The day is read as a calendar day (not an instant), so it is formatted in UTC.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const lengthText = (minutes: number): string =>
  minutes % 60 === 0
    ? ts('activities.length.hours', { count: minutes / 60 })
    : ts('activities.length.minutes', { count: minutes });

export const durationChoices = [30, 60, 90, 120, 180, 240] as const;
export const durationLabel = (minutes: number): string => lengthText(minutes);

/** "Saturday, 12 December 2026, 18:30 (Europe/Berlin), for 2 hours". */
export function formatPlan(plan: ActivityPlanView): string {
  const [y, m, d] = plan.date.split('-').map(Number) as [number, number, number];
  const date = dayFormat.format(new Date(Date.UTC(y, m - 1, d)));
  const when =
    plan.time && plan.timeZone
      ? ts('activities.when.time', {
          date,
          time: plan.time,
          zone: plan.timeZone.replace(/_/g, ' '),
        })
      : ts('activities.when.day', { date });
  return plan.durationMinutes
    ? ts('activities.when.length', { when, length: lengthText(plan.durationMinutes) })
    : when;
}

const planKey = (p: ActivityPlanView | null) => `${p?.date ?? ''}T${p?.time ?? ''}`;

/** The list as the screen shows it: coming plans soonest first, then earlier plans, ideas, done. */
export function sections(list: readonly ActivityView[], today: string) {
  const planned = list.filter((a) => a.status === 'planned');
  const lastDone = (a: ActivityView) => Math.max(0, ...a.done.map((d) => d.at));
  return {
    upcoming: planned
      .filter((a) => (a.plan?.date ?? '') >= today)
      .sort((a, b) => planKey(a.plan).localeCompare(planKey(b.plan))),
    earlier: planned
      .filter((a) => (a.plan?.date ?? '') < today)
      .sort((a, b) => planKey(b.plan).localeCompare(planKey(a.plan))),
    ideas: list.filter((a) => a.status === 'idea'),
    done: list.filter((a) => a.status === 'done').sort((a, b) => lastDone(b) - lastDone(a)),
    setAside: list.filter((a) => a.status === 'set_aside'),
  };
}
