import { describe, expect, it } from 'vitest';
import type { ActivityView } from '../../../shared/api/activities.js';
import { calendarHref, formatPlan, localToday, sections } from './queries.js';

const activity = (id: string, over: Partial<ActivityView>): ActivityView => ({
  id,
  title: id,
  details: null,
  addedByMe: true,
  addedByName: 'Alex',
  addedAt: 1,
  status: 'idea',
  plan: null,
  done: [],
  updatedAt: 1,
  ...over,
});
const planned = (id: string, date: string, time: string | null = null) =>
  activity(id, {
    status: 'planned',
    plan: { date, time, timeZone: time ? 'Europe/Berlin' : null, durationMinutes: null },
  });

describe('the shared list, as the screen shows it', () => {
  it('puts coming plans soonest first, earlier plans apart, then ideas, done and set aside', () => {
    const list = [
      planned('later', '2026-12-20'),
      planned('soon-evening', '2026-12-12', '19:00'),
      planned('soon-morning', '2026-12-12', '09:00'),
      planned('past', '2026-12-01'),
      activity('idea', {}),
      activity('done-old', {
        status: 'done',
        done: [{ mine: true, name: 'A', at: 5, note: null }],
      }),
      activity('done-new', {
        status: 'done',
        done: [{ mine: false, name: 'S', at: 9, note: 'x' }],
      }),
      activity('aside', { status: 'set_aside' }),
    ];
    const s = sections(list, '2026-12-12');
    expect(s.upcoming.map((a) => a.id)).toEqual(['soon-morning', 'soon-evening', 'later']);
    expect(s.earlier.map((a) => a.id)).toEqual(['past']);
    expect(s.ideas.map((a) => a.id)).toEqual(['idea']);
    expect(s.done.map((a) => a.id)).toEqual(['done-new', 'done-old']);
    expect(s.setAside.map((a) => a.id)).toEqual(['aside']);
  });

  it('says when a plan is: the day, the local time and its zone, and how long', () => {
    const text = formatPlan({
      date: '2026-12-12',
      time: '18:30',
      timeZone: 'America/New_York',
      durationMinutes: 120,
    });
    expect(text).toContain('2026');
    expect(text).toContain('18:30 (America/New York)');
    expect(text).toContain('for 2 hours');
    expect(
      formatPlan({ date: '2026-12-12', time: null, timeZone: null, durationMinutes: null }),
    ).not.toContain('(');
  });

  it('downloads the calendar file from the activity’s own address', () => {
    expect(calendarHref('abc')).toBe('/api/activities/abc/calendar.ics');
    expect(localToday(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
