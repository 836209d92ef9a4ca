import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityIdeas,
  planProblem,
  refusalToCalendar,
  refusalToChange,
  refusalToShare,
  statusOf,
  type ActivityPlan,
} from './activity.js';
import { enSteps } from '../../shared/i18n/en-steps.js';

const day = (date: string): ActivityPlan => ({
  date,
  time: null,
  timeZone: null,
  durationMinutes: null,
});

describe('a plan', () => {
  it('is a real day, optionally a time with a known zone and a length', () => {
    expect(planProblem(day('2026-12-12'))).toBeNull();
    expect(planProblem(day('2028-02-29'))).toBeNull();
    expect(
      planProblem({
        date: '2026-12-12',
        time: '18:30',
        timeZone: 'Europe/Berlin',
        durationMinutes: 90,
      }),
    ).toBeNull();
    expect(planProblem({ ...day('2026-12-12'), time: '00:00', timeZone: 'UTC' })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(planProblem(day('2026-02-29'))).toBe('date');
    expect(planProblem(day('2026-13-01'))).toBe('date');
    expect(planProblem(day('26-12-12'))).toBe('date');
    expect(planProblem(day('1999-12-31'))).toBe('date');
    expect(planProblem(day('2026-12-12T10:00'))).toBe('date');
    expect(planProblem({ ...day('2026-12-12'), time: '24:00', timeZone: 'UTC' })).toBe('time');
    expect(planProblem({ ...day('2026-12-12'), time: '9:00', timeZone: 'UTC' })).toBe('time');
    expect(planProblem({ ...day('2026-12-12'), time: '09:00' })).toBe('time_zone');
    expect(planProblem({ ...day('2026-12-12'), time: '09:00', timeZone: 'Nowhere/Town' })).toBe(
      'time_zone',
    );
    expect(planProblem({ ...day('2026-12-12'), timeZone: 'UTC' })).toBe('zone_needs_time');
    expect(planProblem({ ...day('2026-12-12'), durationMinutes: 30 })).toBe('duration');
    expect(
      planProblem({ ...day('2026-12-12'), time: '09:00', timeZone: 'UTC', durationMinutes: 4 }),
    ).toBe('duration');
  });

  it('accepts every real day and time in a known zone (property)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00Z'),
          max: new Date('2199-12-31T23:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        fc.option(fc.integer({ min: 5, max: 1440 })),
        (d, zone, minutes) => {
          const iso = d.toISOString();
          const plan = {
            date: iso.slice(0, 10),
            time: iso.slice(11, 16),
            timeZone: zone,
            durationMinutes: minutes,
          };
          expect(planProblem(plan)).toBeNull();
          expect(
            planProblem({ ...plan, time: null, timeZone: null, durationMinutes: null }),
          ).toBeNull();
        },
      ),
    );
  });
});

describe('an activity', () => {
  const facts = { plan: null, setAsideAt: null, doneBy: [] as string[] };
  it('is an idea, then planned, then done; set aside above all', () => {
    expect(statusOf(facts)).toBe('idea');
    expect(statusOf({ ...facts, plan: day('2026-12-12') })).toBe('planned');
    expect(statusOf({ ...facts, plan: day('2026-12-12'), doneBy: ['a'] })).toBe('done');
    expect(statusOf({ ...facts, doneBy: ['a'] })).toBe('done');
    expect(statusOf({ ...facts, doneBy: ['a'], setAsideAt: 1 })).toBe('set_aside');
  });

  it('is shared with a partner only, changed only when not set aside, and a calendar needs a date', () => {
    expect(refusalToShare({ hasPartner: false })).toBe('activity.no_partner');
    expect(refusalToShare({ hasPartner: true })).toBeUndefined();
    expect(refusalToChange({ ...facts, setAsideAt: 5 })).toBe('activity.set_aside');
    expect(refusalToChange(facts)).toBeUndefined();
    expect(refusalToCalendar(facts)).toBe('activity.not_planned');
    expect(refusalToCalendar({ ...facts, plan: day('2026-12-12') })).toBeUndefined();
  });
});

describe('the ideas to start from', () => {
  it('are at least twenty, each with words and details in the catalogue', () => {
    expect(activityIdeas.length).toBeGreaterThanOrEqual(20);
    expect(new Set(activityIdeas).size).toBe(activityIdeas.length);
    const messages = enSteps as Record<string, unknown>;
    for (const id of activityIdeas) {
      expect(typeof messages[`activities.idea.${id}.title`], id).toBe('string');
      expect(typeof messages[`activities.idea.${id}.details`], id).toBe('string');
    }
  });
});
