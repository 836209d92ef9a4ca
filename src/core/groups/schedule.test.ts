import { describe, expect, it } from 'vitest';
import { meetings, recurrenceOf, ruleFor, scheduleProblem, zonedToUtc } from './schedule.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('group schedules', () => {
  it('keeps a weekly Berlin meeting at 18:30 local across the change to summer time', () => {
    const starts = meetings(
      '2026-03-17T18:30',
      'Europe/Berlin',
      { frequency: 'weekly', count: 4, until: null },
      { limit: 10 },
    ).map(iso);
    expect(starts).toEqual([
      '2026-03-17T17:30:00.000Z',
      '2026-03-24T17:30:00.000Z',
      '2026-03-31T16:30:00.000Z',
      '2026-04-07T16:30:00.000Z',
    ]);
  });

  it('reads a time skipped by the clock change with the offset before it', () => {
    expect(
      iso(zonedToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin')),
    ).toBe('2026-03-29T01:30:00.000Z');
  });

  it('writes UNTIL in UTC at the end of the chosen local day, and reads it back', () => {
    const r = { frequency: 'fortnightly', count: null, until: '2026-05-01' } as const;
    const rule = ruleFor(r, 'Europe/Berlin');
    expect(rule).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20260501T215959Z');
    expect(recurrenceOf(rule, 'Europe/Berlin')).toEqual(r);
    expect(recurrenceOf('FREQ=MONTHLY;COUNT=6', 'UTC')).toEqual({
      frequency: 'monthly',
      count: 6,
      until: null,
    });
    expect(recurrenceOf('FREQ=DAILY;COUNT=6', 'UTC')).toBeNull();
  });

  it('skips months without the day and counts only real meetings', () => {
    const starts = meetings(
      '2026-01-31T10:00',
      'UTC',
      { frequency: 'monthly', count: 3, until: null },
      { limit: 10 },
    ).map(iso);
    expect(starts).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-03-31T10:00:00.000Z',
      '2026-05-31T10:00:00.000Z',
    ]);
  });

  it('gives only the meetings from a moment on, and stops at UNTIL', () => {
    const r = { frequency: 'weekly', count: null, until: '2026-01-22' } as const;
    expect(
      meetings('2026-01-01T09:00', 'UTC', r, { limit: 10, from: Date.UTC(2026, 0, 9) }).map(iso),
    ).toEqual(['2026-01-15T09:00:00.000Z', '2026-01-22T09:00:00.000Z']);
  });

  it('names what is wrong with a schedule', () => {
    const weekly = { frequency: 'weekly', count: 4, until: null } as const;
    expect(scheduleProblem('2026-02-30T10:00', 'UTC', weekly)).toBe('first_meeting');
    expect(scheduleProblem('2026-02-03T10:00', 'Mars/Olympus', weekly)).toBe('time_zone');
    expect(
      scheduleProblem('2026-02-03T10:00', 'UTC', {
        frequency: 'weekly',
        count: 2,
        until: '2026-03-01',
      }),
    ).toBe('end');
    expect(
      scheduleProblem('2026-02-03T10:00', 'UTC', {
        frequency: 'weekly',
        count: null,
        until: '2026-01-01',
      }),
    ).toBe('until_before_start');
    expect(scheduleProblem('2026-02-03T10:00', 'America/New_York', weekly)).toBeNull();
  });
});
