import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentOccurrence,
  firstDateFrom,
  maySeeItem,
  maySeeNote,
  meetingRule,
  meetingScheduleProblem,
  occurrenceAt,
  occurrenceOn,
  phaseOf,
  previousOccurrence,
  refusalToChangeItem,
  refusalToMeet,
  refusalToNote,
  upcoming,
  type MeetingSchedule,
} from './meeting.js';

const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;

const berlin: MeetingSchedule = {
  weekday: 4,
  time: '19:30',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
  frequency: 'weekly',
  firstDate: '2027-03-18',
};

describe('meeting schedules', () => {
  it('keep 19:30 local across the change to summer time', () => {
    expect(upcoming(berlin, Date.UTC(2027, 2, 1), 3).map((o) => [o.date, iso(o.startsAt)])).toEqual(
      [
        ['2027-03-18', '2027-03-18T18:30:00.000Z'],
        ['2027-03-25', '2027-03-25T18:30:00.000Z'],
        ['2027-04-01', '2027-04-01T17:30:00.000Z'],
      ],
    );
  });

  it('read a time skipped by the clock change with the offset before it', () => {
    const night = { ...berlin, weekday: 7 as const, time: '02:30', firstDate: '2027-03-28' };
    expect(iso(occurrenceAt(night, 0).startsAt)).toBe('2027-03-28T01:30:00.000Z');
  });

  it('fall every other week when fortnightly, counted from the first date', () => {
    const every2 = { ...berlin, frequency: 'fortnightly' as const };
    expect(occurrenceOn(every2, '2027-04-01')).toMatchObject({ date: '2027-04-01' });
    expect(occurrenceOn(every2, '2027-03-25')).toBeNull();
    expect(occurrenceOn(every2, '2027-03-11')).toBeNull();
    expect(occurrenceOn(berlin, '2027-03-25')).not.toBeNull();
    expect(occurrenceOn(berlin, '2027-03-26')).toBeNull();
    expect(meetingRule(every2)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH');
    expect(meetingRule(berlin)).toBe('FREQ=WEEKLY;BYDAY=TH');
  });

  it('start on the next matching day, today when the time has not come yet', () => {
    // Thursday 18 March 2027, 18:00 in Berlin.
    const thursdayEvening = Date.UTC(2027, 2, 18, 17, 0);
    expect(firstDateFrom(berlin, thursdayEvening)).toBe('2027-03-18');
    expect(firstDateFrom(berlin, thursdayEvening + 2 * 60 * MINUTE)).toBe('2027-03-25');
    expect(firstDateFrom({ ...berlin, weekday: 1 }, thursdayEvening)).toBe('2027-03-22');
    // Late Thursday evening in Los Angeles is already Friday in UTC.
    expect(
      firstDateFrom(
        { weekday: 4, time: '23:00', timeZone: 'America/Los_Angeles' },
        Date.UTC(2027, 2, 19, 5, 0),
      ),
    ).toBe('2027-03-18');
  });

  it('name the meeting under way or to come, and the one before', () => {
    const start = Date.UTC(2027, 2, 25, 18, 30);
    expect(currentOccurrence(berlin, start - 1).date).toBe('2027-03-25');
    expect(currentOccurrence(berlin, start + 44 * MINUTE).date).toBe('2027-03-25');
    expect(currentOccurrence(berlin, start + 45 * MINUTE).date).toBe('2027-04-01');
    expect(previousOccurrence(berlin, start)?.date).toBe('2027-03-18');
    expect(previousOccurrence(berlin, Date.UTC(2027, 2, 18))).toBeNull();
    expect(phaseOf({ startsAt: start, endsAt: start + 1 }, start - 1)).toBe('upcoming');
    expect(phaseOf({ startsAt: start, endsAt: start + 1 }, start)).toBe('running');
    expect(phaseOf({ startsAt: start, endsAt: start + 1 }, start + 1)).toBe('ended');
  });

  it('always find a current meeting that has not ended, and none between it and the one before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2027, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom('weekly', 'fortnightly'),
        fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'),
        (now, frequency, timeZone) => {
          const s = { ...berlin, frequency, timeZone, firstDate: '2027-01-07' } as MeetingSchedule;
          const current = currentOccurrence(s, now);
          expect(current.endsAt).toBeGreaterThan(now);
          const before = previousOccurrence(s, now);
          if (before) expect(before.endsAt).toBeLessThanOrEqual(now);
          expect(occurrenceOn(s, current.date)).toEqual(current);
        },
      ),
    );
  });

  it('refuse what cannot be kept', () => {
    const ok = { weekday: 4, time: '19:30', timeZone: 'Europe/Berlin', durationMinutes: 45 };
    expect(meetingScheduleProblem(ok)).toBeNull();
    expect(meetingScheduleProblem({ ...ok, timeZone: 'Nowhere/Special' })).toBe('time_zone');
    expect(meetingScheduleProblem({ ...ok, time: '19:60' })).toBe('time');
    expect(meetingScheduleProblem({ ...ok, weekday: 0 })).toBe('weekday');
    expect(meetingScheduleProblem({ ...ok, durationMinutes: 14 })).toBe('duration');
    expect(meetingScheduleProblem({ ...ok, durationMinutes: 181 })).toBe('duration');
  });
});

describe('what each partner sees', () => {
  const meeting = { startsAt: 1_000, endsAt: 2_000 };

  it('the partner sees only a brought item, and only once the meeting has begun', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 3_000 }), (bring, now) => {
        const item = { authorId: 'a', bring };
        expect(maySeeItem('a', item, meeting, now)).toBe(true);
        expect(maySeeItem('b', item, meeting, now)).toBe(bring && now >= meeting.startsAt);
      }),
    );
  });

  it('notes are private unless shared', () => {
    expect(maySeeNote('b', { authorId: 'a', shared: false })).toBe(false);
    expect(maySeeNote('b', { authorId: 'a', shared: true })).toBe(true);
    expect(maySeeNote('a', { authorId: 'a', shared: false })).toBe(true);
  });

  it('preparation changes until the meeting ends; notes come once it has begun', () => {
    expect(refusalToChangeItem(meeting, 1_999)).toBeUndefined();
    expect(refusalToChangeItem(meeting, 2_000)).toBe('meeting.ended');
    expect(refusalToNote(meeting, 999)).toBe('meeting.not_started');
    expect(refusalToNote(meeting, 1_000)).toBeUndefined();
  });

  it('meetings need the together path with a partner on it', () => {
    expect(refusalToMeet({ path: 'together', hasPartner: true })).toBeUndefined();
    expect(refusalToMeet({ path: 'together', hasPartner: false })).toBe('meeting.no_partner');
    expect(refusalToMeet({ path: 'solo', hasPartner: false })).toBe('meeting.no_partner');
  });
});
