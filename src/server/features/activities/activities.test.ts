import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ActivityList, ActivityView } from '../../../shared/api/activities.js';
import {
  allNoSafetyAnswers,
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { programReads } from '../../test-support/program.js';

// Step 5: the couple's shared activities — ideas, plans with a date, "we did this" with a note.
const t = useTestApp();
const { view } = programReads(t);

const add = (m: Member, body: unknown) =>
  ok<ActivityView>(m.client.post('/api/activities', body), 201);
const list = (m: Member) => ok<ActivityList>(m.client.get('/api/activities'));
const plan = (m: Member, id: string, body: unknown) =>
  ok<ActivityView>(m.client.put(`/api/activities/${id}/plan`, body));
const done = (m: Member, id: string, note: string) =>
  ok<ActivityView>(m.client.put(`/api/activities/${id}/done`, { note }));

/** A calendar file read back with ical.js: the calendar and its one event. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  }
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  return { calendar, event: new ICAL.Event(vevents[0]) };
}

const fieldsOf = async (res: Promise<{ statusCode: number; json: () => unknown }>) => {
  const r = await res;
  expect(r.statusCode).toBe(400);
  return (r.json() as { errors: { field: string; message: string }[] }).errors;
};

describe('shared activities', () => {
  it('add → plan → done by each with a note: both partners see the same item and both notes', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const idea = await add(alex, { title: '  A walk by the river  ', details: 'Bring tea.' });
    expect(idea).toMatchObject({
      title: 'A walk by the river',
      details: 'Bring tea.',
      addedByMe: true,
      addedByName: 'Alex',
      status: 'idea',
      plan: null,
      done: [],
    });

    const seen = (await list(sam)).activities;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id: idea.id, title: 'A walk by the river', addedByMe: false });

    t.clock.advance(60_000);
    const planned = await plan(sam, idea.id, {
      date: '2026-12-12',
      time: '18:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
    });
    expect(planned.status).toBe('planned');
    expect(planned.plan).toEqual({
      date: '2026-12-12',
      time: '18:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
    });
    // Planned again, for the day only: the plan is replaced.
    const forTheDay = await plan(alex, idea.id, { date: '2026-12-13' });
    expect(forTheDay.plan).toEqual({
      date: '2026-12-13',
      time: null,
      timeZone: null,
      durationMinutes: null,
    });

    t.clock.advance(60_000);
    const mine = await done(alex, idea.id, 'It was good to laugh again.');
    expect(mine.status).toBe('done');
    expect(mine.done).toEqual([
      { mine: true, name: 'Alex', at: expect.any(Number), note: 'It was good to laugh again.' },
    ]);
    await done(sam, idea.id, '');
    // A note can be changed afterwards.
    await done(sam, idea.id, 'Quiet, and kind.');

    const fromAlex = (await list(alex)).activities[0]!;
    const fromSam = (await list(sam)).activities[0]!;
    expect(fromAlex.done.map((d) => [d.name, d.mine, d.note])).toEqual([
      ['Alex', true, 'It was good to laugh again.'],
      ['Sam', false, 'Quiet, and kind.'],
    ]);
    expect(fromSam.done.map((d) => [d.name, d.mine, d.note])).toEqual([
      ['Sam', true, 'Quiet, and kind.'],
      ['Alex', false, 'It was good to laugh again.'],
    ]);
    expect(fromSam).toMatchObject({ title: fromAlex.title, details: 'Bring tea.' });

    // Doing it counts as working on the step's exercise, for whoever did it.
    const worked = async (m: Member) =>
      (await view(m)).progress.steps.flatMap((s) => s.exercisesWorkedOn);
    expect(await worked(alex)).toContain('reconnection.activities');
    expect(await worked(sam)).toContain('reconnection.activities');
  });

  it('keeps the words sealed at rest', async () => {
    const { a: alex } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'Cook together', details: 'Something green' });
    await done(alex, idea.id, 'We burnt the rice');
    const row = await t.deps.database.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', idea.id)
      .executeTakeFirstOrThrow();
    expect(row.title_sealed.startsWith('sf1.')).toBe(true);
    expect(row.details_sealed?.startsWith('sf1.')).toBe(true);
    const note = await t.deps.database.db
      .selectFrom('activity_done')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(note.note_sealed?.startsWith('sf1.')).toBe(true);
    expect(JSON.stringify([row, note])).not.toMatch(/Cook|green|rice/);
  });

  it('set aside and brought back: no plan or "done" while it is set aside', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'Stargazing' });
    const aside = await ok<ActivityView>(
      sam.client.put(`/api/activities/${idea.id}/set-aside`, { setAside: true }),
    );
    expect(aside.status).toBe('set_aside');
    expect(
      await codeOf(alex.client.put(`/api/activities/${idea.id}/plan`, { date: '2026-12-20' })),
    ).toBe('409 activity.set_aside');
    expect(await codeOf(alex.client.put(`/api/activities/${idea.id}/done`, { note: '' }))).toBe(
      '409 activity.set_aside',
    );
    const back = await ok<ActivityView>(
      alex.client.put(`/api/activities/${idea.id}/set-aside`, { setAside: false }),
    );
    expect(back.status).toBe('idea');
    expect((await plan(alex, idea.id, { date: '2026-12-20' })).status).toBe('planned');
  });

  it('answers someone outside the couple exactly as for an activity that does not exist', async () => {
    const { a: alex } = await makeCouple(t.app);
    const { a: chris } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'Breakfast out' });
    await plan(alex, idea.id, { date: '2026-12-20' });
    const nobody = '00000000-0000-4000-8000-000000000001';
    for (const id of [idea.id, nobody]) {
      expect(
        await codeOf(chris.client.put(`/api/activities/${id}/plan`, { date: '2026-12-21' })),
      ).toBe('404 activity.not_found');
      expect(await codeOf(chris.client.put(`/api/activities/${id}/done`, { note: 'x' }))).toBe(
        '404 activity.not_found',
      );
      expect(
        await codeOf(chris.client.put(`/api/activities/${id}/set-aside`, { setAside: true })),
      ).toBe('404 activity.not_found');
      expect(await codeOf(chris.client.get(`/api/activities/${id}/calendar.ics`))).toBe(
        '404 activity.not_found',
      );
    }
    expect((await list(chris)).activities).toEqual([]);
    // Nothing of Alex's changed.
    expect((await list(alex)).activities[0]).toMatchObject({ status: 'planned', done: [] });
  });

  it('needs a partner on the journey, and the caller’s own safety check', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    expect(await list(solo)).toEqual({ hasPartner: false, activities: [] });
    expect(await codeOf(solo.client.post('/api/activities', { title: 'A walk' }))).toBe(
      '409 activity.no_partner',
    );
    const unchecked = await makeMember(t.app, 'Kai', { safetyCheck: false });
    await makeJourney(unchecked);
    expect(await codeOf(unchecked.client.get('/api/activities'))).toBe('409 safety.check_needed');
    expect(await codeOf(unchecked.client.post('/api/activities', { title: 'A walk' }))).toBe(
      '409 safety.check_needed',
    );
    await unchecked.client.post('/api/safety/check', { answers: allNoSafetyAnswers });
    expect((await list(unchecked)).hasPartner).toBe(false);
  });

  it('refuses a bad date, time or time zone with a 400 naming the field, and saves nothing', async () => {
    const { a: alex } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'A picnic' });
    const url = `/api/activities/${idea.id}/plan`;
    const bad: [unknown, string, string][] = [
      [{ date: '2026-02-30' }, 'date', 'Please give the day as a real date, YYYY-MM-DD.'],
      [{ date: '12/12/2026' }, 'date', 'Please give the day as a real date, YYYY-MM-DD.'],
      [
        { date: '2026-12-12', time: '25:00', timeZone: 'Europe/Berlin' },
        'time',
        'Please give the time as HH:mm, for example 18:30.',
      ],
      [
        { date: '2026-12-12', time: '18:30', timeZone: 'Mars/Olympus_Mons' },
        'timeZone',
        'We do not know that time zone. Please use a name such as "Europe/Berlin".',
      ],
      [
        { date: '2026-12-12', time: '18:30' },
        'timeZone',
        'We do not know that time zone. Please use a name such as "Europe/Berlin".',
      ],
      [
        { date: '2026-12-12', timeZone: 'Europe/Berlin' },
        'timeZone',
        'A time zone goes with a time of day.',
      ],
      [
        { date: '2026-12-12', durationMinutes: 60 },
        'durationMinutes',
        'A length goes with a time of day, from 5 minutes to 24 hours.',
      ],
    ];
    for (const [body, field, message] of bad) {
      expect(await fieldsOf(alex.client.put(url, body))).toContainEqual({ field, message });
    }
    expect(await fieldsOf(alex.client.post('/api/activities', { title: '   ' }))).toContainEqual({
      field: 'title',
      message: 'Please write a few words about the activity.',
    });
    expect(
      await fieldsOf(alex.client.post('/api/activities', { title: 'x'.repeat(121) })),
    ).toContainEqual({ field: 'title', message: 'The activity is longer than 120 characters.' });
    expect(
      await fieldsOf(alex.client.put(`/api/activities/${idea.id}/done`, { note: 'x'.repeat(501) })),
    ).toContainEqual({ field: 'note', message: 'The note is longer than 500 characters.' });
    expect((await list(alex)).activities[0]).toMatchObject({ status: 'idea', plan: null });
  });
});

describe('a planned activity’s calendar file', () => {
  it('is one event at the planned local time in its zone, with the zone’s VTIMEZONE', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const idea = await add(alex, {
      title: 'Dinner at our old place',
      details: 'Table by the window',
    });
    expect(await codeOf(alex.client.get(`/api/activities/${idea.id}/calendar.ics`))).toBe(
      '409 activity.not_planned',
    );
    await plan(sam, idea.id, {
      date: '2026-12-12',
      time: '18:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
    });
    // Either partner downloads it.
    for (const m of [alex, sam]) {
      const res = await m.client.get(`/api/activities/${idea.id}/calendar.ics`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      expect(res.headers['cache-control']).toBe('no-store');
      const { calendar, event } = parse(res.body);
      expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
        'Europe/Berlin',
      );
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(
        'Europe/Berlin',
      );
      expect([event.startDate.hour, event.startDate.minute]).toEqual([18, 30]);
      expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
      // 18:30 in Berlin in December is 17:30 UTC; 90 minutes on, 19:00 UTC.
      expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-12T17:30:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-12T19:00:00.000Z');
      expect(event.summary).toBe('Dinner at our old place');
      expect(event.description).toBe('Table by the window');
      expect(event.uid).toBe(`activity-${idea.id}@${new URL(t.deps.config.publicOrigin).host}`);
    }
  });

  it('keeps a summer plan at its local time too (New York, daylight saving)', async () => {
    const { a: alex } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'Swim' });
    await plan(alex, idea.id, { date: '2027-07-04', time: '09:15', timeZone: 'America/New_York' });
    const { event } = parse(
      (await alex.client.get(`/api/activities/${idea.id}/calendar.ics`)).body,
    );
    expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 15]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-07-04T13:15:00.000Z');
  });

  it('is an all-day event for a plan without a time', async () => {
    const { a: alex } = await makeCouple(t.app);
    const idea = await add(alex, { title: 'Day trip' });
    await plan(alex, idea.id, { date: '2026-12-24' });
    const { event } = parse(
      (await alex.client.get(`/api/activities/${idea.id}/calendar.ics`)).body,
    );
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-24');
  });

  it('in discreet mode has a neutral title and no description', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const idea = await add(alex, {
      title: 'Dinner at our old place',
      details: 'Table by the window',
    });
    await plan(alex, idea.id, { date: '2026-12-12', time: '18:30', timeZone: 'Europe/Berlin' });
    expect((await alex.client.patch('/api/safety', { discreet: true })).statusCode).toBe(200);
    const res = await alex.client.get(`/api/activities/${idea.id}/calendar.ics`);
    const { calendar, event } = parse(res.body);
    expect(event.summary).toBe('Plans');
    expect(event.description).toBeNull();
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Plans');
    expect(res.body).not.toMatch(/Dinner|window/);
    expect([event.startDate.hour, event.startDate.minute]).toEqual([18, 30]);
    // Each person's own setting: Sam's file is as written.
    const samFile = parse((await sam.client.get(`/api/activities/${idea.id}/calendar.ics`)).body);
    expect(samFile.event.summary).toBe('Dinner at our old place');
  });
});
