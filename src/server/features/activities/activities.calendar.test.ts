import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  activitiesCalendar,
  activityCalendar,
  addActivityEvent,
  type CalendarActivity,
} from './activities.calendar.js';

// The calendar building on its own, as a personal feed elsewhere would reuse it.
const options = { host: 'app.example.org', discreet: false, neutralTitle: 'Plans', company: 'X' };
const walk: CalendarActivity = {
  id: 'a1',
  title: 'A walk, by the river; with tea',
  details: 'Line one\nLine two',
  plan: { date: '2026-12-12', time: '07:45', timeZone: 'UTC', durationMinutes: 30 },
  updatedAt: Date.UTC(2026, 11, 1, 8),
};

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('activity calendar events', () => {
  it('writes a UTC plan with Z times and no VTIMEZONE, its words escaped and read back whole', () => {
    const text = activityCalendar(walk, options);
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTART:20261212T074500Z');
    const [event] = events(text);
    expect(event?.summary).toBe('A walk, by the river; with tea');
    expect(event?.description).toBe('Line one\nLine two');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2026-12-12T08:15:00.000Z');
    expect(event?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe(
      '2026-12-01T08:00:00Z',
    );
  });

  it('adds several plans to one calendar, each with its own zone, for a feed', () => {
    const cal = activitiesCalendar(options, 'Our plans');
    addActivityEvent(cal, walk, options);
    addActivityEvent(
      cal,
      {
        ...walk,
        id: 'dinner',
        title: 'Dinner',
        plan: {
          date: '2027-03-28',
          time: '20:00',
          timeZone: 'Europe/London',
          durationMinutes: null,
        },
      },
      options,
    );
    const text = cal.toString();
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const all = events(text);
    expect(all.map((e) => e.uid)).toEqual([
      'activity-a1@app.example.org',
      'activity-dinner@app.example.org',
    ]);
    expect(text).toContain('DTSTART;TZID=Europe/London:20270328T200000');
    // Without a length, an hour.
    expect(text).toContain('DTEND;TZID=Europe/London:20270328T210000');
  });

  it('in discreet mode names neither the activity nor its details, not even in the calendar name', () => {
    const text = activityCalendar(walk, { ...options, discreet: true });
    expect(text).not.toMatch(/walk|river|Line one/i);
    expect(events(text)[0]?.summary).toBe('Plans');
  });
});
