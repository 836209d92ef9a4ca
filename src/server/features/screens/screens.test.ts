import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../../core/measures/instrument.js';
import { scoreAnswers } from '../../../core/measures/scoring.js';
import type {
  InstrumentList,
  InstrumentView,
  ScreenHistory,
  ScreenOutcome,
} from '../../../shared/api/screens.js';
import {
  makeCouple,
  makeMember,
  signInAgainLater,
  useTestApp,
  type Member,
  type TestClient,
} from '../../test-support/harness.js';
import { setUpAdmin } from '../../test-support/two-factor.js';

const t = useTestApp();
const DAY = 86_400_000;

const instrument = (id: string): Instrument => {
  const found = t.deps.content.instruments.get(id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
};

/** Every item of the instrument answered with `value`, with some items overridden. */
const answers = (id: string, value: number, overrides: Record<string, number> = {}) => ({
  ...Object.fromEntries(instrument(id).items.map((i) => [i.id, value])),
  ...overrides,
});

/** Answers adding up to `total` (filling items with 3 from the first on). */
function answersFor(id: string, total: number): Record<string, number> {
  let left = total;
  return Object.fromEntries(
    instrument(id).items.map((i) => {
      const v = Math.min(3, left);
      left -= v;
      return [i.id, v];
    }),
  );
}

async function take(member: Member, id: string, body: unknown) {
  return member.client.post(`/api/screens/${id}`, body);
}

async function takeTotal(member: Member, id: string, total: number) {
  // PHQ-9 totals here keep item 9 at 0 unless the total needs it.
  const res = await take(member, id, { answers: answersFor(id, total) });
  expect(res.statusCode).toBe(201);
  return res.json<ScreenOutcome>();
}

const later = (ms: number, ...members: Member[]) => signInAgainLater(t, ms, ...members);

async function storedResults(): Promise<number> {
  const db = t.deps.database.db;
  const row = await db
    .selectFrom('screen_results')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// With two-factor sign-in on, so that what refuses them is their role, not the missing setup.
const makeAdmin = async (): Promise<TestClient> => (await setUpAdmin(t.app, t.clock)).client;

describe('the questionnaires', () => {
  it('serves PHQ-9 and GAD-7 from their data, with the source line the licence asks for', async () => {
    const alex = await makeMember(t.app);
    const list = await alex.client.get('/api/instruments');
    const listed = list.json<InstrumentList>();
    expect(list.statusCode).toBe(200);
    expect(listed.instruments.map((i) => i.id).sort()).toEqual(['gad7', 'phq9']);
    const phq9 = (await alex.client.get('/api/instruments/phq9')).json<InstrumentView>();
    expect(phq9.items).toHaveLength(9);
    expect(phq9.items[8]).toEqual({
      id: 'phq9.9',
      text: instrument('phq9').items[8]?.text,
      options: instrument('phq9').items[8]?.options,
    });
    expect(phq9.source.attribution).toBe(instrument('phq9').source.attribution);
    expect(phq9.followUp?.options).toHaveLength(4);
    expect(phq9.guidanceAtLeast).toBe(10);
    expect(phq9.reliableChangePoints).toBe(6);
    expect((await alex.client.get('/api/instruments/nope')).statusCode).toBe(404);
  });
});

describe('taking a screen', () => {
  it.each(['phq9', 'gad7'])('scores %s through the API exactly as the core does', async (id) => {
    const alex = await makeMember(t.app);
    const i = instrument(id);
    const arbitrary = fc.record(
      Object.fromEntries(
        i.items.map((item) => [item.id, fc.constantFrom(...item.options.map((o) => o.score))]),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (given) => {
        const res = await take(alex, id, { answers: given });
        expect(res.statusCode).toBe(201);
        const expected = scoreAnswers(i, given);
        expect(res.json()).toMatchObject({
          instrumentId: id,
          total: expected.total,
          band: expected.band,
          aboveGuidance: expected.aboveGuidance,
          crisis: expected.crisis,
        });
      }),
      { numRuns: 15, seed: 20261125 },
    );
  });

  it('flags a crisis whenever PHQ-9 item 9 is above 0, whatever the total', async () => {
    const alex = await makeMember(t.app);
    const low = await take(alex, 'phq9', { answers: answers('phq9', 0, { 'phq9.9': 1 }) });
    expect(low.json()).toMatchObject({ total: 1, band: { id: 'minimal' }, crisis: true });
    await later(DAY, alex);
    const high = await take(alex, 'phq9', { answers: answers('phq9', 3, { 'phq9.9': 0 }) });
    expect(high.json()).toMatchObject({ total: 24, band: { id: 'severe' }, crisis: false });
    expect(high.json().aboveGuidance).toBe(true);
    const list = (await alex.client.get('/api/screens?instrument=phq9')).json<ScreenHistory>();
    expect(list.results.map((r) => r.crisis)).toEqual([true, false]);
  });

  it('refuses answers that are not one offered answer per question, and stores nothing', async () => {
    const alex = await makeMember(t.app);
    const before = await storedResults();
    const missingOne: Record<string, number> = answers('phq9', 1);
    delete missingOne['phq9.4'];
    const refused = [
      { answers: missingOne },
      { answers: answers('phq9', 1, { 'phq9.3': 4 }) },
      { answers: answers('phq9', 1, { 'phq9.10': 0 }) },
      { answers: answers('gad7', 1) },
      { answers: answers('phq9', 1), followUp: 'not_an_option' },
      { answers: {} },
    ];
    for (const body of refused) {
      const res = await take(alex, 'phq9', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json().code).toBe('measure.answers_invalid');
    }
    // Malformed at the boundary: refused by the schema before scoring.
    for (const body of [{ answers: answers('phq9', 1, { 'phq9.2': 1.5 }) }, { answers: 'all' }]) {
      expect((await take(alex, 'phq9', body)).statusCode).toBe(400);
    }
    expect((await take(alex, 'nope', { answers: answers('phq9', 1) })).statusCode).toBe(404);
    expect(await storedResults()).toBe(before);
    expect((await alex.client.get('/api/screens?instrument=phq9')).json().results).toEqual([]);
  });

  it('keeps the follow-up answer with the result, for its owner', async () => {
    const alex = await makeMember(t.app);
    const res = await take(alex, 'gad7', {
      answers: answers('gad7', 2),
      followUp: 'very_difficult',
    });
    const detail = await alex.client.get(`/api/screens/results/${res.json().id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      instrumentId: 'gad7',
      total: 14,
      band: { id: 'moderate' },
      answers: answers('gad7', 2),
      followUp: 'very_difficult',
    });
  });
});

describe('change over time', () => {
  it('labels reliable change against the first result, the baseline (PHQ-9: 6 points)', async () => {
    const alex = await makeMember(t.app);
    const first = await takeTotal(alex, 'phq9', 18);
    expect(first).toMatchObject({ reliableChange: null, recovery: null, baseline: null });
    await later(14 * DAY, alex);
    expect(await takeTotal(alex, 'phq9', 12)).toMatchObject({
      total: 12,
      reliableChange: 'reliable_improvement',
      baseline: { createdAt: first.createdAt, total: 18 },
      replacedSameDay: false,
    });
    await later(14 * DAY, alex);
    // 5 points from the result before, 11 from the baseline: the baseline decides.
    expect((await takeTotal(alex, 'phq9', 7)).reliableChange).toBe('reliable_improvement');
    await later(14 * DAY, alex);
    expect((await takeTotal(alex, 'phq9', 13)).reliableChange).toBe('no_reliable_change');

    const list = (await alex.client.get('/api/screens?instrument=phq9')).json<ScreenHistory>();
    expect(list.bands.map((b) => b.id)).toEqual(instrument('phq9').bands.map((b) => b.id));
    expect(list.results.map((r) => [r.total, r.changeSinceFirst])).toEqual([
      [18, null],
      [12, 'reliable_improvement'],
      [7, 'reliable_improvement'],
      [13, 'no_reliable_change'],
    ]);
    // Oldest first, by time.
    const times = list.results.map((r) => r.createdAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('reports GAD-7 recovery from the first result, and keeps instruments apart', async () => {
    const alex = await makeMember(t.app);
    await takeTotal(alex, 'gad7', 12);
    await takeTotal(alex, 'phq9', 3);
    await later(DAY, alex);
    expect(await takeTotal(alex, 'gad7', 7)).toMatchObject({
      reliableChange: 'reliable_improvement',
      recovery: 'reliable_recovery',
    });
    const gad7 = (await alex.client.get('/api/screens?instrument=gad7')).json<ScreenHistory>();
    expect(gad7.results.map((r) => r.total)).toEqual([12, 7]);
    expect(gad7.results[1]?.recovery).toBe('reliable_recovery');
  });

  it('takes three PHQ-9s a minute apart (16, 10, 5) as one corrected answer of 5, not a change', async () => {
    const alex = await makeMember(t.app);
    await takeTotal(alex, 'phq9', 16);
    await later(60_000, alex);
    const second = await takeTotal(alex, 'phq9', 10);
    expect(second).toMatchObject({ replacedSameDay: true, reliableChange: null, baseline: null });
    await later(60_000, alex);
    const third = await takeTotal(alex, 'phq9', 5);
    expect(third).toMatchObject({
      total: 5,
      replacedSameDay: true,
      reliableChange: null,
      recovery: null,
      baseline: null,
    });
    const list = (await alex.client.get('/api/screens?instrument=phq9')).json<ScreenHistory>();
    expect(list.results.map((r) => [r.id, r.total, r.changeSinceFirst])).toEqual([
      [third.id, 5, null],
    ]);
    // The answers replaced are gone, not hidden.
    const db = t.deps.database.db;
    const rows = await db
      .selectFrom('screen_results')
      .select('id')
      .where('user_id', '=', alex.id)
      .execute();
    expect(rows.map((r) => r.id)).toEqual([third.id]);
  });

  it('keeps one result for the day when several answers arrive at once', async () => {
    const alex = await makeMember(t.app);
    await takeTotal(alex, 'phq9', 16);
    const outcomes = await Promise.all(
      [10, 8, 6, 4].map((total) => takeTotal(alex, 'phq9', total)),
    );
    expect(outcomes.every((o) => o.replacedSameDay)).toBe(true);
    const list = (await alex.client.get('/api/screens?instrument=phq9')).json<ScreenHistory>();
    expect(list.results).toHaveLength(1);
  });

  it("corrects the day's answer against the baseline, which keeps its own date", async () => {
    const alex = await makeMember(t.app);
    const baseline = await takeTotal(alex, 'phq9', 16);
    await later(14 * DAY, alex);
    expect((await takeTotal(alex, 'phq9', 12)).reliableChange).toBe('no_reliable_change');
    await later(60_000, alex);
    expect(await takeTotal(alex, 'phq9', 9)).toMatchObject({
      replacedSameDay: true,
      reliableChange: 'reliable_improvement',
      baseline: { createdAt: baseline.createdAt, total: 16 },
    });
    const list = (await alex.client.get('/api/screens?instrument=phq9')).json<ScreenHistory>();
    expect(list.results.map((r) => [r.total, r.changeSinceFirst])).toEqual([
      [16, null],
      [9, 'reliable_improvement'],
    ]);
  });

  it('reads "the same day" in the time zone the device gives, else in UTC', async () => {
    const [alex, sam] = [await makeMember(t.app), await makeMember(t.app)];
    // Two minutes either side of midnight UTC, which is still the evening in New York.
    await later(DAY - (t.clock() % DAY) - 2 * 60_000, alex, sam);
    await takeTotal(alex, 'phq9', 16);
    await takeTotal(sam, 'phq9', 16);
    await later(4 * 60_000, alex, sam);
    expect(await takeTotal(alex, 'phq9', 5)).toMatchObject({
      replacedSameDay: false,
      reliableChange: 'reliable_improvement',
      baseline: { total: 16 },
    });
    const inNewYork = await take(sam, 'phq9', {
      answers: answersFor('phq9', 5),
      timeZone: 'America/New_York',
    });
    expect(inNewYork.json<ScreenOutcome>()).toMatchObject({
      replacedSameDay: true,
      reliableChange: null,
    });
    const bad = await take(sam, 'phq9', { answers: answersFor('phq9', 4), timeZone: 'Mars/Base' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('That is not a time zone we know.');
  });
});

describe('privacy', () => {
  it('no one but the person sees a result: not the partner, another member or the admin', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const chris = await makeMember(t.app, 'Chris');
    const admin = await makeAdmin();
    const { id } = await takeTotal(alex, 'phq9', 16);

    expect((await alex.client.get(`/api/screens/results/${id}`)).statusCode).toBe(200);
    for (const other of [sam, chris]) {
      expect((await other.client.get(`/api/screens/results/${id}`)).statusCode).toBe(404);
      const list = await other.client.get('/api/screens?instrument=phq9');
      expect(list.statusCode).toBe(200);
      expect(list.json().results).toEqual([]);
      expect(list.body).not.toContain(id);
    }
    expect((await admin.get(`/api/screens/results/${id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/screens?instrument=phq9')).statusCode).toBe(403);
    expect(
      (await admin.post('/api/screens/phq9', { answers: answers('phq9', 0) })).statusCode,
    ).toBe(403);
    // Nothing the partner can read elsewhere mentions it either.
    expect((await sam.client.get('/api/checkins')).body).not.toContain(id);
  });
});

describe('the suggestion to look again', () => {
  it('shows with no result, hides for 14 days after one, and "Not now" holds until the next result', async () => {
    const alex = await makeMember(t.app);
    const suggest = async (id = 'phq9') =>
      (await alex.client.get(`/api/screens?instrument=${id}`)).json<ScreenHistory>().suggestRetake;

    expect(await suggest()).toBe(true);
    await takeTotal(alex, 'phq9', 8);
    expect(await suggest()).toBe(false);
    await later(14 * DAY - 1, alex);
    expect(await suggest()).toBe(false);
    t.clock.advance(1);
    expect(await suggest()).toBe(true);

    const dismissed = await alex.client.post('/api/screens/suggestion/dismiss', {
      instrument: 'phq9',
    });
    expect(dismissed.statusCode).toBe(204);
    expect(await suggest()).toBe(false);
    expect(await suggest('gad7')).toBe(true); // set aside for PHQ-9 only
    await later(60 * DAY, alex);
    expect(await suggest()).toBe(false);

    await takeTotal(alex, 'phq9', 6);
    await later(14 * DAY, alex);
    expect(await suggest()).toBe(true);
    expect(
      (await alex.client.post('/api/screens/suggestion/dismiss', { instrument: 'nope' }))
        .statusCode,
    ).toBe(404);
  });
});
