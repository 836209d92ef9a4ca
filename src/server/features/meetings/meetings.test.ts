import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { upcoming } from '../../../core/meetings/meeting.js';
import type {
  CalendarFeed,
  MeetingHistory,
  MeetingItem,
  MeetingPage,
} from '../../../shared/api/meetings.js';
import {
  allNoSafetyAnswers,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  signInAgainLater,
  TestClient,
  tokenOf,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { seedMeetings } from '../../../../bench/meetings.js';
import { programReads } from '../../test-support/program.js';
import { findSchedule } from './meetings.store.js';

const t = useTestApp();
const { view } = programReads(t);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Thursdays at 19:30 in Berlin, 45 minutes; the test clock starts on Sunday 1 November 2026. */
const thursdays = {
  weekday: 4,
  time: '19:30',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
};
/** 5 November 2026, 19:30 in Berlin (CET, UTC+1). */
const FIRST = Date.UTC(2026, 10, 5, 18, 30);

const page = (m: Member) => ok<MeetingPage>(m.client.get('/api/meetings'));

async function couple() {
  const { a, b, journeyId } = await makeCouple(t.app);
  await ok(a.client.put('/api/meetings/schedule', thursdays));
  return { a, b, journeyId };
}

/** Prepares an item; the clock moves a millisecond so that items keep the order they were written in. */
const prepare = (m: Member, text: string, bring: boolean, part = 'worry') => {
  t.clock.advance(1);
  return ok<MeetingItem>(m.client.post('/api/meetings/items', { part, text, bring }), 201);
};

/** A feed read back with ical.js, its one event's meetings expanded (at most `max`). */
function expand(text: string, max = 30) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const event = new ICAL.Event(vevents[0]);
  const iterator = event.iterator();
  const starts: number[] = [];
  for (let next = iterator.next(); next && starts.length < max; next = iterator.next()) {
    starts.push(next.toJSDate().getTime());
  }
  return { calendar, event, starts };
}

const feedOf = async (m: Member) =>
  (await ok<CalendarFeed>(m.client.post('/api/meetings/feed'), 201)).url;
const download = (url: string) => new TestClient(t.app).get(new URL(url).pathname);

describe('the meeting schedule', () => {
  it('is weekly by default, seen by both, and either may change it', async () => {
    const { a, b } = await couple();
    const seen = await page(b);
    expect(seen.schedule).toMatchObject({
      ...thursdays,
      frequency: 'weekly',
      rrule: 'FREQ=WEEKLY;BYDAY=TH',
      setByMe: false,
    });
    expect(seen.current).toMatchObject({
      date: '2026-11-05',
      startsAt: FIRST,
      endsAt: FIRST + 45 * MINUTE,
      phase: 'upcoming',
    });
    expect(seen.previous).toBeNull();
    const changed = await ok<MeetingPage['schedule']>(
      b.client.put('/api/meetings/schedule', {
        ...thursdays,
        weekday: 1,
        frequency: 'fortnightly',
      }),
    );
    expect(changed).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', setByMe: true });
    expect((await page(a)).current?.date).toBe('2026-11-02');
  });

  it('refuses a day, time, zone or length that cannot be kept, naming the field', async () => {
    const { a, journeyId } = await couple();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'Please choose a time zone from the list.'],
      [{ timeZone: '../etc' }, 'timeZone', 'Please choose a time zone from the list.'],
      [{ time: '24:00' }, 'time', 'Please give a time like 19:30.'],
      [{ time: '7pm' }, 'time', 'Please give a time like 19:30.'],
      [{ weekday: 0 }, 'weekday', 'Please choose a day of the week.'],
      [{ weekday: 8 }, 'weekday', 'Please choose a day of the week.'],
      [{ durationMinutes: 10 }, 'durationMinutes', 'A meeting lasts from 15 minutes to 3 hours.'],
      [{ durationMinutes: 181 }, 'durationMinutes', 'A meeting lasts from 15 minutes to 3 hours.'],
      [{ frequency: 'monthly' }, 'frequency', 'Please choose every week or every two weeks.'],
    ];
    for (const [change, field, message] of cases) {
      const res = await a.client.put('/api/meetings/schedule', { ...thursdays, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json<{ errors: { field: string; message: string }[] }>().errors).toContainEqual({
        field,
        message,
      });
    }
    expect((await findSchedule(t.deps.database.db, journeyId))?.weekday).toBe(4);
  });

  it('is held with a partner: not on a path of one’s own', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo' });
    const res = await robin.client.put('/api/meetings/schedule', thursdays);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('meeting.no_partner');
    expect(await page(robin)).toMatchObject({ hasPartner: false, schedule: null, current: null });
    const item = await robin.client.post('/api/meetings/items', {
      part: 'worry',
      text: 'x',
      bring: true,
    });
    expect(item.json().code).toBe('meeting.no_partner');
  });

  it('waits for the caller’s own safety check', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam', { safetyCheck: false });
    await makeJourney(alex);
    const invite = await alex.client.post('/api/journey/invites', {});
    const token = tokenOf(invite.json<{ url: string }>().url);
    await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' });
    for (const res of [
      await sam.client.get('/api/meetings'),
      await sam.client.put('/api/meetings/schedule', thursdays),
      await sam.client.post('/api/meetings/feed'),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('safety.check_needed');
    }
    expect((await page(alex)).schedule).toBeNull();
  });

  it('keeps the series when only the length changes, and every other week stays on its weeks', async () => {
    const { a, journeyId } = await makeCouple(t.app);
    await ok(a.client.put('/api/meetings/schedule', { ...thursdays, frequency: 'fortnightly' }));
    await signInAgainLater(t, 7 * DAY, a);
    await ok(
      a.client.put('/api/meetings/schedule', {
        ...thursdays,
        frequency: 'fortnightly',
        durationMinutes: 60,
      }),
    );
    expect((await findSchedule(t.deps.database.db, journeyId))?.firstDate).toBe('2026-11-05');
    expect((await page(a)).current).toMatchObject({
      date: '2026-11-19',
      endsAt: Date.UTC(2026, 10, 19, 19, 30),
    });
  });

  it('moves preparation for a meeting not yet begun to the new time', async () => {
    const { a } = await couple();
    await prepare(a, 'The weekend plans', true);
    await ok(a.client.put('/api/meetings/schedule', { ...thursdays, weekday: 6, time: '10:00' }));
    const now = await page(a);
    expect(now.current).toMatchObject({ date: '2026-11-07', startsAt: Date.UTC(2026, 10, 7, 9) });
    expect(now.current?.mine.map((i) => i.text)).toEqual(['The weekend plans']);
  });
});

describe('a change of time never shows preparation early', () => {
  it('preparation moved onto a meeting already under way is no longer brought', async () => {
    const { a, b } = await couple();
    // Thursday 5 November, 20:20 Berlin: that day's meeting ended at 20:15 with nothing stored.
    await signInAgainLater(t, FIRST + 50 * MINUTE - t.clock(), a, b);
    const early = await prepare(a, 'For next week, when I am ready', true);
    // Sam makes the meeting three hours long: the same series, so today's meeting runs again.
    await ok(b.client.put('/api/meetings/schedule', { ...thursdays, durationMinutes: 180 }));
    const seen = await page(b);
    expect(seen.current?.phase).toBe('running');
    expect(JSON.stringify(seen)).not.toContain('when I am ready');
    // Alex's words are still there, to bring again if Alex chooses.
    const mine = (await page(a)).current?.mine ?? [];
    expect(mine).toEqual([expect.objectContaining({ id: early.id, bring: false })]);
  });

  it('nothing is prepared for a meeting that ended before the time moved later that day', async () => {
    const { a, b } = await couple();
    await prepare(a, 'For tonight', false);
    // 20:30, after the 19:30 meeting; Sam moves it to 21:00 the same Thursday.
    await signInAgainLater(t, FIRST + 60 * MINUTE - t.clock(), a, b);
    await ok(b.client.put('/api/meetings/schedule', { ...thursdays, time: '21:00' }));
    const late = await a.client.post('/api/meetings/items', {
      part: 'worry',
      text: 'Something for 21:00',
      bring: true,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'meeting.ended' });
    expect(JSON.stringify(await page(b))).not.toContain('Something for 21:00');
  });
});

describe('preparing and meeting', () => {
  it('the partner sees nothing before the meeting, and only what was brought once it begins', async () => {
    const { a, b } = await couple();
    const brought = await prepare(
      a,
      'I noticed you called when you were late',
      true,
      'appreciation',
    );
    const kept = await prepare(a, 'Something I am not ready to say', false);
    expect((await page(a)).current?.mine.map((i) => i.id)).toEqual([brought.id, kept.id]);
    expect((await page(b)).current?.partners).toEqual([]);

    // A minute before it starts: still nothing.
    await signInAgainLater(t, FIRST - t.clock() - MINUTE, a, b);
    expect((await page(b)).current).toMatchObject({ phase: 'upcoming', partners: [] });

    t.clock.advance(MINUTE);
    const during = await page(b);
    expect(during.current?.phase).toBe('running');
    expect(during.current?.partners).toEqual([{ ...brought, mine: false }]);
    expect(JSON.stringify(during)).not.toContain('not ready to say');

    // Changing one's mind during the meeting is seen at once; unbringing hides it again.
    await ok(
      a.client.put(`/api/meetings/items/${brought.id}`, {
        part: 'appreciation',
        text: brought.text,
        bring: false,
      }),
    );
    expect((await page(b)).current?.partners).toEqual([]);
    const again = await ok<MeetingItem>(
      a.client.put(`/api/meetings/items/${brought.id}`, {
        part: 'appreciation',
        text: brought.text,
        bring: true,
      }),
    );
    expect((await page(b)).current?.partners).toEqual([{ ...again, mine: false }]);
  });

  it('a partner’s or a stranger’s item answers the same 404 as one that does not exist', async () => {
    const { a, b } = await couple();
    const item = await prepare(a, 'Mine alone', false);
    const { a: other } = await makeCouple(t.app);
    const missing = '00000000-0000-4000-8000-000000000009';
    for (const [who, id] of [
      [b, item.id],
      [other, item.id],
      [a, missing],
    ] as const) {
      const changed = await who.client.put(`/api/meetings/items/${id}`, {
        part: 'worry',
        text: 'changed',
        bring: true,
      });
      expect(changed.statusCode).toBe(404);
      expect(changed.json().code).toBe('meeting.item_not_found');
      const removed = await who.client.delete(`/api/meetings/items/${id}`);
      expect(removed.statusCode).toBe(404);
    }
    expect((await page(a)).current?.mine).toMatchObject([{ text: 'Mine alone', bring: false }]);
    expect((await page(other)).current).toBeNull();
  });

  it('keeps what was brought as the meeting’s record once it ends', async () => {
    const { a, b } = await couple();
    const item = await prepare(a, 'Thank you for Sunday', true, 'appreciation');
    await signInAgainLater(t, FIRST + 45 * MINUTE - t.clock(), a, b);
    const res = await a.client.put(`/api/meetings/items/${item.id}`, {
      part: 'worry',
      text: 'later',
      bring: false,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('meeting.ended');
    expect((await a.client.delete(`/api/meetings/items/${item.id}`)).statusCode).toBe(409);
    // The next meeting is a week on, and the one that ended is the one to note.
    const after = await page(b);
    expect(after.current).toMatchObject({ date: '2026-11-12', partners: [], mine: [] });
    expect(after.previous).toMatchObject({
      date: '2026-11-05',
      phase: 'ended',
      partners: [{ text: 'Thank you for Sunday', part: 'appreciation' }],
    });
  });

  it('notes on how it went are private unless shared, and come after the meeting begins', async () => {
    const { a, b } = await couple();
    const early = await a.client.put('/api/meetings/notes', {
      date: '2026-11-05',
      text: 'Too soon',
      shared: false,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('meeting.not_started');
    const notAMeeting = await a.client.put('/api/meetings/notes', {
      date: '2026-11-06',
      text: 'No meeting that day',
      shared: false,
    });
    expect(notAMeeting.statusCode).toBe(404);
    expect(notAMeeting.json().code).toBe('meeting.not_found');

    await signInAgainLater(t, FIRST + 50 * MINUTE - t.clock(), a, b);
    await ok(
      a.client.put('/api/meetings/notes', {
        date: '2026-11-05',
        text: 'Calmer than I feared',
        shared: false,
      }),
    );
    await ok(
      b.client.put('/api/meetings/notes', {
        date: '2026-11-05',
        text: 'I felt heard',
        shared: true,
      }),
    );
    const forA = (await page(a)).previous;
    expect(forA?.myNote).toMatchObject({ text: 'Calmer than I feared', shared: false });
    expect(forA?.partnerNote).toMatchObject({ text: 'I felt heard', shared: true });
    const forB = (await page(b)).previous;
    expect(forB?.myNote?.text).toBe('I felt heard');
    expect(forB?.partnerNote).toBeNull();
    expect(JSON.stringify(forB)).not.toContain('Calmer');
    // Sharing it later shows it; changing it keeps one note.
    await ok(
      a.client.put('/api/meetings/notes', {
        date: '2026-11-05',
        text: 'Calmer, in the end',
        shared: true,
      }),
    );
    expect((await page(b)).previous?.partnerNote?.text).toBe('Calmer, in the end');
    // Two saves at once keep one note.
    const both = await Promise.all(
      ['First', 'Second'].map((text) =>
        b.client.put('/api/meetings/notes', { date: '2026-11-05', text, shared: true }),
      ),
    );
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(['First', 'Second']).toContain((await page(a)).previous?.partnerNote?.text);
  });

  it('shows past meetings newest first, a page at a time, with what was brought', async () => {
    const { a, b } = await couple();
    for (let week = 0; week < 3; week++) {
      await prepare(a, `Brought in week ${week}`, true);
      await prepare(b, `Kept in week ${week}`, false);
      await signInAgainLater(t, FIRST + week * 7 * DAY + 45 * MINUTE - t.clock(), a, b);
    }
    const first = await ok<MeetingHistory>(b.client.get('/api/meetings/history?limit=2'));
    expect(first.items.map((m) => m.date)).toEqual(['2026-11-19', '2026-11-12']);
    expect(first.items[0]?.partners.map((i) => i.text)).toEqual(['Brought in week 2']);
    expect(first.items[0]?.mine.map((i) => i.text)).toEqual(['Kept in week 2']);
    expect(first.nextCursor).toBe('2026-11-12');
    const second = await ok<MeetingHistory>(
      a.client.get(`/api/meetings/history?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((m) => m.date)).toEqual(['2026-11-05']);
    expect(second.items[0]?.partners).toEqual([]);
    expect(second.nextCursor).toBeNull();
  });
});

describe('the private calendar feed', () => {
  it('parses with ical.js: a weekly meeting at 19:30 Berlin time across the clock change', async () => {
    const { a } = await couple();
    const url = await feedOf(a);
    expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await download(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const { calendar, event, starts } = expand(res.body);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Berlin',
    );
    expect(event.component.getFirstPropertyValue('rrule')?.toString()).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(event.summary).toBe('Check-in meeting');
    expect(event.description).toContain('appreciations');
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
      45 * MINUTE,
    );
    // 19:30 CET is 18:30 UTC until 28 March 2027; then 19:30 CEST is 17:30 UTC.
    expect(new Date(starts[0]!).toISOString()).toBe('2026-11-05T18:30:00.000Z');
    expect(new Date(starts[20]!).toISOString()).toBe('2027-03-25T18:30:00.000Z');
    expect(new Date(starts[21]!).toISOString()).toBe('2027-04-01T17:30:00.000Z');
    // The server's own rule agrees with what a calendar program expands.
    const schedule = (await page(a)).schedule!;
    const ours = upcoming(
      { ...schedule, weekday: 4, firstDate: '2026-11-05' },
      t.clock(),
      starts.length,
    );
    expect(ours.map((o) => o.startsAt)).toEqual(starts);
  });

  it('every two weeks, in New York, across its own clock change', async () => {
    const { a } = await makeCouple(t.app);
    await ok(
      a.client.put('/api/meetings/schedule', {
        weekday: 7,
        time: '20:00',
        timeZone: 'America/New_York',
        durationMinutes: 60,
        frequency: 'fortnightly',
      }),
    );
    const { starts } = expand((await download(await feedOf(a))).body, 12);
    // Set on Sunday morning: the first is that evening, 1 November 2026 (EST, UTC-5), then every
    // other Sunday; EDT (UTC-4) from 14 March 2027.
    expect(new Date(starts[0]!).toISOString()).toBe('2026-11-02T01:00:00.000Z');
    expect(new Date(starts[9]!).toISOString()).toBe('2027-03-08T01:00:00.000Z');
    expect(new Date(starts[10]!).toISOString()).toBe('2027-03-22T00:00:00.000Z');
    expect(starts[1]! - starts[0]!).toBe(14 * DAY);
  });

  it('in discreet mode the title is neutral and there is no description', async () => {
    const { a, b } = await couple();
    const url = await feedOf(a);
    await ok(a.client.patch('/api/safety', { discreet: true }));
    const body = (await download(url)).body;
    const { calendar, event } = expand(body);
    expect(event.summary).toBe('Appointment');
    expect(event.description).toBeNull();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Calendar');
    expect(body).not.toMatch(/check-in|Steadfast|meeting/i);
    // The partner's own feed is as they chose: not discreet.
    expect(expand((await download(await feedOf(b))).body).event.summary).toBe('Check-in meeting');
  });

  it('holds no meeting while its owner is in safety mode, and still answers', async () => {
    const { a, b } = await couple();
    const url = await feedOf(a);
    await ok(
      a.client.post('/api/safety/check', { answers: { ...allNoSafetyAnswers, afraid: true } }),
    );
    const res = await download(url);
    expect(res.statusCode).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    // The partner's own feed is unchanged.
    expect(expand((await download(await feedOf(b))).body).event.summary).toBe('Check-in meeting');
  });

  it('is revocable and renewable: an address turned off or replaced answers 404', async () => {
    const { a } = await couple();
    const first = await feedOf(a);
    expect((await page(a)).feed).toEqual({ on: true, createdAt: t.clock() });
    const second = await feedOf(a);
    expect(second).not.toBe(first);
    expect((await download(first)).statusCode).toBe(404);
    expect((await download(second)).statusCode).toBe(200);
    expect((await a.client.delete('/api/meetings/feed')).statusCode).toBe(204);
    expect((await download(second)).statusCode).toBe(404);
    expect((await page(a)).feed).toEqual({ on: false, createdAt: null });
    for (const path of [
      '/calendar/nothing.ics',
      `/calendar/${'A'.repeat(43)}.ics`,
      `/calendar/${new URL(second).pathname.split('/')[2]!.replace('.ics', '')}`,
    ]) {
      expect((await new TestClient(t.app).get(path)).statusCode).toBe(404);
    }
  });

  it('is an empty calendar, not an error, before a meeting time is set', async () => {
    const { a } = await makeCouple(t.app);
    const res = await download(await feedOf(a));
    expect(res.statusCode).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('stores only a hash of the address’s secret', async () => {
    const { a } = await couple();
    const url = await feedOf(a);
    const token = new URL(url).pathname.split('/')[2]!.replace('.ics', '');
    const rows = await t.deps.database.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe('working on the exercise', () => {
  it('setting the time, preparing and noting count as work on it, for that person only', async () => {
    const { a, b } = await couple();
    const worked = async (m: Member) =>
      (await view(m)).progress.steps.flatMap((s) => s.exercisesWorkedOn);
    expect(await worked(a)).toContain('communication.meeting');
    expect(await worked(b)).not.toContain('communication.meeting');
    await prepare(b, 'Thank you', true, 'appreciation');
    expect(await worked(b)).toContain('communication.meeting');
  });
});

describe('a year of meetings (the bench’s seed)', () => {
  it('reads the current meeting in one request and the history a page at a time', async () => {
    const { a, b, journeyId } = await makeCouple(t.app);
    const seeded = await seedMeetings(
      t.deps,
      journeyId,
      [
        { id: a.id, email: a.email },
        { id: b.id, email: b.email },
      ],
      t.clock(),
    );
    expect(seeded.meetings).toBeGreaterThanOrEqual(52);
    const now = await page(b);
    expect(now.current?.phase).toBe('upcoming');
    expect(now.current?.mine).toHaveLength(3);
    expect(now.current?.partners).toEqual([]);
    expect(now.previous?.partners).toHaveLength(2);
    expect(now.previous?.partnerNote).not.toBeNull();
    let cursor: string | null = '';
    let seen = 0;
    while (cursor !== null) {
      const url: string = `/api/meetings/history?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const history: MeetingHistory = await ok<MeetingHistory>(b.client.get(url));
      expect(history.items.length).toBeLessThanOrEqual(20);
      for (const m of history.items) {
        expect(m.partners.every((i) => i.bring)).toBe(true);
        expect(m.mine).toHaveLength(3);
      }
      seen += history.items.length;
      cursor = history.nextCursor;
    }
    expect(seen).toBe(seeded.meetings - 1);
  });
});
