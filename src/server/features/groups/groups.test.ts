import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { GroupList, GroupView } from '../../../shared/api/groups.js';
import { codeOf, ok, TestClient, useTestApp } from '../../test-support/harness.js';
import { fullProfile, makeAdmin, makeTherapist } from '../../test-support/directory.js';
import { writePracticeSetting } from '../practice/practice.store.js';

const t = useTestApp();

const group = (overrides: Record<string, unknown> = {}) => ({
  name: 'Evening circle',
  description: 'A calm group for people finding their feet after betrayal.',
  format: 'in_person',
  location: 'Room 2, 14 Quiet Street',
  facilitatorId: null,
  capacity: 8,
  placesTaken: 3,
  timeZone: 'Europe/Berlin',
  firstMeeting: '2026-03-17T18:30',
  durationMinutes: 90,
  recurrence: { frequency: 'weekly', count: 8, until: null },
  published: true,
  ...overrides,
});

/** A calendar file read back with ical.js, its one event's meetings expanded (at most `max`). */
function expand(text: string, max = 50) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const event = new ICAL.Event(vevents[0]);
  const iterator = event.iterator();
  const starts: ICAL.Time[] = [];
  for (let next = iterator.next(); next && starts.length < max; next = iterator.next()) {
    starts.push(next);
  }
  return { calendar, event, starts };
}

const utc = (times: ICAL.Time[]) => times.map((x) => x.toJSDate().toISOString());

describe('a group’s calendar file', () => {
  it('keeps a weekly 18:30 Berlin group at 18:30 local across the clock change', async () => {
    const admin = await makeAdmin(t.app);
    const made = await ok<GroupView>(admin.post('/api/groups', group()), 201);
    expect(made.rrule).toBe('FREQ=WEEKLY;COUNT=8');
    const res = await new TestClient(t.app).get(made.calendarUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const { calendar, event, starts } = expand(res.body);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Berlin',
    );
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(event.uid).toBe(`${made.id}@${new URL(t.deps.config.publicOrigin).host}`);
    expect(event.summary).toBe('Evening circle');
    expect(event.location).toBe('Room 2, 14 Quiet Street');
    expect(event.duration.toSeconds()).toBe(90 * 60);
    expect(starts.map((s) => `${s.hour}:${s.minute}`)).toEqual(Array(8).fill('18:30'));
    expect(utc(starts)).toEqual([
      '2026-03-17T17:30:00.000Z',
      '2026-03-24T17:30:00.000Z',
      '2026-03-31T16:30:00.000Z',
      '2026-04-07T16:30:00.000Z',
      '2026-04-14T16:30:00.000Z',
      '2026-04-21T16:30:00.000Z',
      '2026-04-28T16:30:00.000Z',
      '2026-05-05T16:30:00.000Z',
    ]);
    // The same event on every download, and after a change: calendars update, not duplicate.
    await ok(admin.put(`/api/groups/${made.id}`, group({ name: 'Evening circle (new room)' })));
    const again = expand((await new TestClient(t.app).get(made.calendarUrl)).body);
    expect(again.event.uid).toBe(event.uid);
    expect(again.event.summary).toBe('Evening circle (new room)');
  });

  it('ends an every-two-weeks New York group on its last day, across the autumn change', async () => {
    const admin = await makeAdmin(t.app);
    const made = await ok<GroupView>(
      admin.post(
        '/api/groups',
        group({
          name: 'Partners group',
          timeZone: 'America/New_York',
          firstMeeting: '2026-10-20T19:00',
          recurrence: { frequency: 'fortnightly', count: null, until: '2026-11-17' },
        }),
      ),
      201,
    );
    expect(made.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;UNTIL=20261118T045959Z');
    expect(made.recurrence).toEqual({ frequency: 'fortnightly', count: null, until: '2026-11-17' });
    const { starts } = expand((await new TestClient(t.app).get(made.calendarUrl)).body);
    expect(utc(starts)).toEqual([
      '2026-10-20T23:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-18T00:00:00.000Z',
    ]);
    expect(starts.map((s) => s.hour)).toEqual([19, 19, 19]);
  });

  it('writes a monthly UTC group with plain UTC times', async () => {
    const admin = await makeAdmin(t.app);
    const made = await ok<GroupView>(
      admin.post(
        '/api/groups',
        group({
          name: 'Monthly',
          timeZone: 'UTC',
          firstMeeting: '2026-01-31T10:00',
          recurrence: { frequency: 'monthly', count: 3, until: null },
        }),
      ),
      201,
    );
    const { starts } = expand((await new TestClient(t.app).get(made.calendarUrl)).body);
    expect(utc(starts)).toEqual([
      '2026-01-31T10:00:00.000Z',
      '2026-03-31T10:00:00.000Z',
      '2026-05-31T10:00:00.000Z',
    ]);
  });
});

describe('planning groups', () => {
  it('takes the practice’s time zone unless another is chosen', async () => {
    const admin = await makeAdmin(t.app);
    const noZone: Record<string, unknown> = group();
    delete noZone.timeZone;
    expect((await ok<GroupView>(admin.post('/api/groups', noZone), 201)).timeZone).toBe('UTC');
    await writePracticeSetting(t.deps.database.db, 'time_zone', 'Europe/Berlin', 0);
    const made = await ok<GroupView>(admin.post('/api/groups', { ...noZone, name: 'Two' }), 201);
    expect(made.timeZone).toBe('Europe/Berlin');
    expect((await ok<GroupList>(admin.get('/api/groups'))).defaultTimeZone).toBe('Europe/Berlin');
  });

  it('refuses a schedule it cannot keep with a 400 naming the field', async () => {
    const admin = await makeAdmin(t.app);
    const refused = async (overrides: Record<string, unknown>, field: string) => {
      const res = await admin.post('/api/groups', group(overrides));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
        field,
      );
    };
    await refused({ timeZone: 'Mars/Olympus' }, 'timeZone');
    await refused({ firstMeeting: '2026-02-30T18:30' }, 'firstMeeting');
    await refused(
      { recurrence: { frequency: 'weekly', count: 4, until: '2026-05-01' } },
      'recurrence',
    );
    await refused({ recurrence: { frequency: 'weekly', count: null, until: null } }, 'recurrence');
    await refused(
      { recurrence: { frequency: 'weekly', count: null, until: '2026-01-01' } },
      'recurrence.until',
    );
    await refused(
      { recurrence: { frequency: 'daily', count: 3, until: null } },
      'recurrence.frequency',
    );
    await refused({ placesTaken: 9 }, 'placesTaken');
    await refused({ capacity: 0 }, 'capacity');
    expect(
      await codeOf(
        admin.post('/api/groups', group({ facilitatorId: '00000000-0000-4000-8000-000000000000' })),
      ),
    ).toBe('422 group.facilitator_unknown');
    const missing = '00000000-0000-4000-8000-000000000001';
    expect(await codeOf(admin.put(`/api/groups/${missing}`, group()))).toBe('404 group.not_found');
    expect(await codeOf(admin.delete(`/api/groups/${missing}`))).toBe('404 group.not_found');
  });
});

describe('the public group pages', () => {
  it('show published groups with the schedule in words, next dates, places and facilitator', async () => {
    const admin = await makeAdmin(t.app);
    const robin = await makeTherapist(t);
    await ok(robin.client.put('/api/directory/profile', fullProfile));
    const shown = await ok<GroupView>(
      admin.post(
        '/api/groups',
        group({
          firstMeeting: '2026-10-27T18:30',
          facilitatorId: robin.id,
          recurrence: { frequency: 'weekly', count: 10, until: null },
        }),
      ),
      201,
    );
    const hidden = await ok<GroupView>(
      admin.post('/api/groups', group({ name: 'Not yet', published: false })),
      201,
    );
    // The test clock stands at 1 November 2026, 09:00 UTC.
    expect(shown.nextMeetings.map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-11-03T17:30:00.000Z',
      '2026-11-10T17:30:00.000Z',
      '2026-11-17T17:30:00.000Z',
      '2026-11-24T17:30:00.000Z',
    ]);
    expect(shown.placesLeft).toBe(5);
    expect(shown.facilitatorName).toBe('Robin Vale');

    const list = (await new TestClient(t.app).get('/groups')).body;
    expect(list).toContain('Evening circle');
    expect(list).not.toContain('Not yet');
    expect(list).toContain('Next meeting: Tuesday, 3 November 2026 at 18:30');

    const page = await new TestClient(t.app).get(shown.pageUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'Every week on Tuesday at 18:30 (Europe/Berlin). Each meeting lasts 90 minutes. 10 meetings, starting Tuesday, 27 October 2026.',
    );
    expect(page.body).toContain('<time datetime="2026-11-03T17:30:00.000Z">');
    expect(page.body).toContain('5 places left');
    expect(page.body).toContain('<a href="/directory/robin-vale">Robin Vale</a>');
    expect(page.body).toContain(`href="/groups/${shown.slug}.ics"`);

    expect((await new TestClient(t.app).get(hidden.pageUrl)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(hidden.calendarUrl)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get('/groups/no-such-group.ics')).statusCode).toBe(404);

    expect((await admin.delete(`/api/groups/${shown.id}`)).statusCode).toBe(204);
    expect((await new TestClient(t.app).get(shown.pageUrl)).statusCode).toBe(404);
  });
});
