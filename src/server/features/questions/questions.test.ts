import { describe, expect, it } from 'vitest';
import { seedQuestions } from '../../../../bench/questions.js';
import type {
  OpennessView,
  QuestionPage,
  QuestionsState,
  QuestionView,
} from '../../../shared/api/questions.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  signInAgainLater,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';

// Step 4: questions and answers at the hurt partner's pace.
const t = useTestApp();
const MINUTE = 60_000;

const openNow = (who: Member, forMinutes: number | null = null, paused = false) =>
  ok<OpennessView>(
    who.client.put('/api/questions/openness', {
      mode: 'now',
      forMinutes,
      timeZone: 'Europe/Berlin',
      slots: [],
      paused,
    }),
  );
const ask = (who: Member, text: string, follows?: string) =>
  ok<QuestionView>(
    who.client.post('/api/questions', { text, ...(follows ? { follows } : {}) }),
    201,
  );
const answer = (who: Member, id: string, text: string) =>
  ok<QuestionView>(who.client.post(`/api/questions/${id}/answers`, { text }), 201);
const thread = (who: Member, query = '') =>
  ok<QuestionPage>(who.client.get(`/api/questions${query}`));
const state = (who: Member) => ok<QuestionsState>(who.client.get('/api/questions/openness'));

/** Alex (hurt) and Sam (rather not say), with Alex's questions open. */
async function couple() {
  const { a: alex, b: sam } = await makeCouple(t.app);
  await openNow(alex);
  return { alex, sam };
}

describe('questions and answers', () => {
  it('the hurt partner asks while open; the other answers; the asker marks "I need more", then "that helps"', async () => {
    const { alex, sam } = await couple();
    const q = await ask(alex, 'What did you tell yourself at the time?');
    expect(q).toMatchObject({ mine: true, askerName: 'Alex', follows: null, answers: [] });

    const seen = (await thread(sam)).items[0]!;
    expect(seen).toMatchObject({ id: q.id, mine: false, text: q.text });
    await signInAgainLater(t, 60 * MINUTE, alex, sam);
    const answered = await answer(sam, q.id, 'That it did not matter. It did.');
    expect(answered.answers).toMatchObject([
      { mine: true, text: 'That it did not matter. It did.', mark: null },
    ]);
    const answerId = answered.answers[0]!.id;

    const more = await ok<QuestionView>(
      alex.client.put(`/api/question-answers/${answerId}/mark`, { mark: 'need_more' }),
    );
    expect(more.answers[0]).toMatchObject({ mine: false, mark: 'need_more' });
    // A follow-up answer after "I need more"; the mark can change.
    t.clock.advance(MINUTE);
    await answer(sam, q.id, 'I was scared of what it would mean if I looked at it.');
    await ok(alex.client.put(`/api/question-answers/${answerId}/mark`, { mark: 'helps' }));
    const after = (await thread(alex)).items[0]!;
    expect(after.answers.map((a) => a.mark)).toEqual(['helps', null]);
    expect((await thread(sam)).items[0]!.answers.map((a) => a.mark)).toEqual(['helps', null]);
  });

  it('asking while questions are closed is refused with a clear problem, and the words are not kept', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    const res = await alex.client.post('/api/questions', { text: 'Why then?' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'question.closed',
      title: 'Questions are closed right now',
    });
    expect((await thread(sam)).items).toEqual([]);
  });

  it('"open now" for a while closes by itself', async () => {
    const { a: alex } = await makeCouple(t.app);
    const view = await openNow(alex, 30);
    expect(view.status).toMatchObject({ open: true, closesAt: t.clock() + 30 * MINUTE });
    await signInAgainLater(t, 31 * MINUTE, alex);
    expect(await codeOf(alex.client.post('/api/questions', { text: 'Still there?' }))).toBe(
      '409 question.closed',
    );
    expect((await state(alex)).mine?.status.open).toBe(false);
  });

  it('set times open and close questions in the asker’s time zone', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    // The test clock starts on Sunday 1 November 2026, 09:00 UTC: 10:00 in Berlin.
    const view = await ok<OpennessView>(
      alex.client.put('/api/questions/openness', {
        mode: 'slots',
        forMinutes: null,
        timeZone: 'Europe/Berlin',
        slots: [{ weekday: 7, start: '10:00', minutes: 60 }],
        paused: false,
      }),
    );
    expect(view.status).toMatchObject({ open: true, closesAt: Date.UTC(2026, 10, 1, 10, 0) });
    await ask(alex, 'Can we talk about the trip?');
    await signInAgainLater(t, 2 * 60 * MINUTE, alex, sam);
    expect(await codeOf(alex.client.post('/api/questions', { text: 'And after?' }))).toBe(
      '409 question.closed',
    );
    // The answerer sees when questions open next.
    expect((await state(sam)).partner).toEqual({
      open: false,
      paused: false,
      closesAt: null,
      opensAt: Date.UTC(2026, 10, 8, 9, 0),
    });
  });

  it('refuses a time zone it does not know and a set time outside the day', async () => {
    const { a: alex } = await makeCouple(t.app);
    const body = { mode: 'slots', forMinutes: null, slots: [], paused: false };
    expect(
      await codeOf(
        alex.client.put('/api/questions/openness', { ...body, timeZone: 'Nowhere/Else' }),
      ),
    ).toBe('400 request.invalid');
    expect(
      await codeOf(
        alex.client.put('/api/questions/openness', {
          ...body,
          timeZone: 'UTC',
          slots: [{ weekday: 1, start: '25:00', minutes: 60 }],
        }),
      ),
    ).toBe('400 request.invalid');
  });

  it('answers come in their own time while closed, but wait while the asker has paused', async () => {
    const { alex, sam } = await couple();
    const q = await ask(alex, 'Who else knew?');
    await ok(
      alex.client.put('/api/questions/openness', {
        mode: 'closed',
        forMinutes: null,
        timeZone: 'UTC',
        slots: [],
        paused: false,
      }),
    );
    await answer(sam, q.id, 'Nobody else. I kept it to myself.');

    await openNow(alex, null, true);
    expect((await state(sam)).partner).toMatchObject({ open: false, paused: true });
    const held = await sam.client.post(`/api/questions/${q.id}/answers`, { text: 'More…' });
    expect(held.statusCode).toBe(409);
    expect(held.json()).toMatchObject({ code: 'question.paused', title: 'Questions are paused' });
    expect(await codeOf(alex.client.post('/api/questions', { text: 'One more?' }))).toBe(
      '409 question.paused',
    );

    await openNow(alex);
    await answer(sam, q.id, 'More, now that you are ready.');
    expect((await thread(alex)).items[0]!.answers).toHaveLength(2);
  });

  it('only the asker’s role asks: someone who would rather not say, or broke trust, answers', async () => {
    const { alex, sam } = await couple();
    expect(await codeOf(sam.client.post('/api/questions', { text: 'May I ask?' }))).toBe(
      '403 question.not_asker',
    );
    expect(
      await codeOf(
        sam.client.put('/api/questions/openness', {
          mode: 'now',
          forMinutes: null,
          timeZone: 'UTC',
          slots: [],
          paused: false,
        }),
      ),
    ).toBe('403 question.not_asker');
    expect(await state(sam)).toMatchObject({ mayAsk: false, mine: null, hasPartner: true });
    expect((await state(sam)).partner?.open).toBe(true);
    await ok(alex.client.patch('/api/journey', { role: 'broke_trust' }));
    expect(await codeOf(alex.client.post('/api/questions', { text: 'Still me?' }))).toBe(
      '403 question.not_asker',
    );
  });

  it('with the role "both", each partner asks and sets the pace of their own questions', async () => {
    const { alex, sam } = await couple();
    await ok(sam.client.patch('/api/journey', { role: 'both' }));
    expect(await codeOf(sam.client.post('/api/questions', { text: 'May I ask?' }))).toBe(
      '409 question.closed',
    );
    await openNow(sam);
    const mine = await ask(sam, 'What do you need from me this week?');
    const theirs = await ask(alex, 'Where were you on Friday?');
    await answer(alex, mine.id, 'Patience, and the truth.');
    await answer(sam, theirs.id, 'At my sister’s, and I should have said so.');
    // Sam pausing holds back answers to Sam's questions only.
    await openNow(sam, null, true);
    expect(
      await codeOf(alex.client.post(`/api/questions/${mine.id}/answers`, { text: 'And…' })),
    ).toBe('409 question.paused');
    await answer(sam, theirs.id, 'I left at ten.');
    expect(
      await codeOf(sam.client.post(`/api/questions/${mine.id}/answers`, { text: 'Mine' })),
    ).toBe('409 question.own');
  });

  it('coming back to an earlier question shows what was answered then', async () => {
    const { alex, sam } = await couple();
    const first = await ask(alex, 'Why did you keep it from me?');
    await answer(sam, first.id, 'I was ashamed.');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(MINUTE);
      await ask(alex, `Something else ${i}`);
    }
    t.clock.advance(MINUTE);
    const again = await ask(alex, 'Why did you keep it from me for so long?', first.id);
    expect(again.follows).toMatchObject({
      id: first.id,
      text: 'Why did you keep it from me?',
      answers: [{ text: 'I was ashamed.' }],
    });
    // On a page that does not hold the earlier question, it still comes with its answers.
    const page = await thread(sam, '?limit=1');
    expect(page.items[0]?.follows?.answers[0]?.text).toBe('I was ashamed.');
    // Only one's own earlier questions: another's is not there to come back to.
    const { a: other } = await makeCouple(t.app);
    await openNow(other);
    expect(
      await codeOf(other.client.post('/api/questions', { text: 'Hm?', follows: first.id })),
    ).toBe('404 question.not_found');
  });

  it('reads the thread newest first, a page at a time', async () => {
    const { alex, sam } = await couple();
    const asked: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(MINUTE);
      asked.push((await ask(alex, `Question ${i}`)).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: QuestionPage = await thread(sam, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((q) => q.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(asked.toReversed());
    expect(await codeOf(sam.client.get('/api/questions?cursor=nonsense'))).toBe(
      '400 cursor.invalid',
    );
  });

  it('the partner does not mark, the asker does not answer their own, and no one else reads anything', async () => {
    const { alex, sam } = await couple();
    const q = await ask(alex, 'When did it start?');
    const a = (await answer(sam, q.id, 'In the spring.')).answers[0]!;
    expect(
      await codeOf(sam.client.put(`/api/question-answers/${a.id}/mark`, { mark: 'helps' })),
    ).toBe('409 question.not_yours_to_mark');
    expect(await codeOf(alex.client.post(`/api/questions/${q.id}/answers`, { text: 'Me' }))).toBe(
      '409 question.own',
    );
    const { a: stranger, b: strangersPartner } = await makeCouple(t.app);
    for (const who of [stranger, strangersPartner]) {
      expect((await thread(who)).items).toEqual([]);
      expect(await codeOf(who.client.post(`/api/questions/${q.id}/answers`, { text: 'Hi' }))).toBe(
        '404 question.not_found',
      );
      expect(
        await codeOf(who.client.put(`/api/question-answers/${a.id}/mark`, { mark: 'helps' })),
      ).toBe('404 question.not_found');
    }
  });

  it('needs a partner on the journey, and the caller’s own safety check', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    expect(await state(solo)).toMatchObject({ hasPartner: false, mayAsk: true });
    expect(await codeOf(solo.client.post('/api/questions', { text: 'Anyone?' }))).toBe(
      '409 question.no_partner',
    );
    const unchecked = await makeMember(t.app, 'Jo', { safetyCheck: false });
    await makeJourney(unchecked);
    expect(await codeOf(unchecked.client.post('/api/questions', { text: 'Hi?' }))).toBe(
      '409 safety.check_needed',
    );
    for (const url of ['/api/questions', '/api/questions/openness']) {
      expect(await codeOf(unchecked.client.get(url))).toBe('409 safety.check_needed');
    }
  });

  it('keeps every question and answer sealed at rest', async () => {
    const { alex, sam } = await couple();
    const q = await ask(alex, 'A question only the two of us read');
    await answer(sam, q.id, 'An answer only the two of us read');
    const db = t.deps.database.db;
    const answerId = (await thread(alex)).items[0]!.answers[0]!.id;
    await ok(alex.client.put(`/api/question-answers/${answerId}/mark`, { mark: 'need_more' }));
    const stored = [
      ...(await db.selectFrom('questions').select('sealed').execute()),
      ...(await db.selectFrom('question_answers').select('sealed').execute()),
      ...(await db.selectFrom('question_answers').select('mark_sealed as sealed').execute()),
    ].map((r) => r.sealed ?? '');
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const s of stored) {
      expect(s).not.toContain('only the two of us');
      expect(s).not.toContain('need_more');
    }
  });

  it('reads a year of history (the bench’s seed) a page at a time, with marks and earlier answers', async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const seeded = await seedQuestions(t.deps, journeyId, [alex, sam], t.clock(), 7);
    expect(seeded.questions).toBeGreaterThan(100);
    let count = 0;
    let marks = 0;
    let follows = 0;
    let cursor: string | null = null;
    do {
      const page: QuestionPage = await thread(
        alex,
        `?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      count += page.items.length;
      marks += page.items.flatMap((q) => q.answers).filter((a) => a.mark !== null).length;
      follows += page.items.filter((q) => q.follows !== null).length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(seeded.questions);
    expect(marks).toBeGreaterThan(0);
    expect(follows).toBeGreaterThan(0);
    // The seeded set times are Tuesday evenings and Saturday mornings in Berlin.
    expect((await state(sam)).partner).toMatchObject({ paused: false });
  });

  it('counts asking and answering as work on the questions exercise', async () => {
    const { alex, sam } = await couple();
    const q = await ask(alex, 'What helps you tell me the truth?');
    await answer(sam, q.id, 'Knowing you will still talk to me after.');
    for (const who of [alex, sam]) {
      const program = await ok<{ progress: { steps: { exercisesWorkedOn: string[] }[] } }>(
        who.client.get('/api/program'),
      );
      expect(program.progress.steps.flatMap((s) => s.exercisesWorkedOn)).toContain(
        'communication.questions',
      );
    }
  });
});
