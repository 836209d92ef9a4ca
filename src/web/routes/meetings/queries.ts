import { endpoints } from '../../api/endpoints.js';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AgendaPart } from '../../../core/meetings/meeting.js';
import { call } from '../../api/client.js';
import { ts, type StepsMessageKey } from '../../../shared/i18n/steps.js';

export const meetingKeys = {
  all: ['meetings'] as const,
  page: ['meetings', 'page'] as const,
  history: ['meetings', 'history'] as const,
};

/** The schedule, the current and last meeting and my feed's state, in one read. */
export const useMeetingPage = (enabled = true) =>
  useQuery({
    queryKey: meetingKeys.page,
    queryFn: () => call(endpoints.meetings.page),
    enabled,
    // What the partner brought shows once the meeting begins: read it again now and then.
    staleTime: 0,
    refetchInterval: 60_000,
  });

/** Past meetings, a page at a time. */
export const useMeetingHistory = (enabled = true) =>
  useInfiniteQuery({
    queryKey: meetingKeys.history,
    initialPageParam: '',
    enabled,
    queryFn: ({ pageParam }) =>
      call(endpoints.meetings.history, { query: { cursor: pageParam || undefined } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const partLabel = (p: AgendaPart) => ts(`meetings.part.${p}` satisfies StepsMessageKey);
export const partHint = (p: AgendaPart) => ts(`meetings.part.${p}.hint` satisfies StepsMessageKey);

const weekdayNames = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
/** The name of an ISO weekday (1 Monday … 7 Sunday) in the viewer's language. */
export const weekdayName = (d: number): string =>
  // 5 January 2026 was a Monday.
  weekdayNames.format(new Date(Date.UTC(2026, 0, 4 + d)));

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: 'numeric',
  minute: '2-digit',
});
/** A meeting's start, as the viewer's own clock shows it. */
export const formatMeeting = (ms: number): string => when.format(new Date(ms));

/** The zones the browser knows, for the schedule's list; the viewer's own first. */
export function timeZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [own];
  return [own, ...all.filter((z) => z !== own)];
}
