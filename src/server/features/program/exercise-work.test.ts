import { describe, expect, it } from 'vitest';
import type { ProgramProgress } from '../../../shared/api/program.js';
import { makeCouple, useTestApp, type Member } from '../../test-support/harness.js';
import { programReads } from '../../test-support/program.js';

// Work on the exercises: noted by doing it in the app, or marked by hand (and taken back) for what
// happens away from the screen; each person's own, never told to the partner.
const t = useTestApp();
const { view, stepTexts, eventCount } = programReads(t);

describe('work on the exercises', () => {
  const worked = async (m: Member) =>
    (await view(m)).progress.steps.flatMap((s) => s.exercisesWorkedOn);
  const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r as typeof r & { json: <T>() => T };
  };
  const parts = {
    did: 'I hid the messages for a year.',
    impact: 'You stopped trusting your own memory.',
    remorse: 'I am sorry, and it is mine to carry.',
    next: 'I will answer any question you ask.',
  };

  it('is noted for whoever did it, by doing it in the app, and told to them only', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    await ok(sam.client.patch('/api/journey', { role: 'broke_trust' }));
    const before = await view(alex);

    // Step 1: Sam shares a statement; Alex answers it.
    const draft = await ok(sam.client.post('/api/letters', { kind: 'statement', parts }), 201);
    const statementId = draft.json<{ versions: { id: string }[] }>().versions[0]!.id;
    expect(await worked(sam)).toEqual([]); // a private draft is not yet work shared
    await ok(sam.client.post(`/api/letters/${statementId}/share`));
    expect(await worked(sam)).toEqual(['responsibility.statement']);
    // Alex's view of the steps is as it was: Sam's work is Sam's.
    expect((await view(alex)).progress).toEqual(before.progress);
    await ok(alex.client.post(`/api/letters/${statementId}/answers`, { answer: 'helps' }), 201);
    expect(await worked(alex)).toEqual(['responsibility.response']);

    // Step 2: Alex proposes, Sam accepts; step 3: Sam commits, logs, Alex confirms.
    const proposed = await ok(
      alex.client.post('/api/agreements', { text: 'We talk on Sundays.', category: 'routines' }),
      201,
    );
    const agreementId = proposed.json<{ id: string }>().id;
    await ok(
      sam.client.post(`/api/agreements/${agreementId}/answers`, { answer: 'accept', expected: 1 }),
    );
    const made = await ok(
      sam.client.post(`/api/agreements/${agreementId}/commitments`, { rhythm: 'weekly' }),
      201,
    );
    const commitmentId = made.json<{ id: string }>().id;
    const logged = await ok(sam.client.post(`/api/commitments/${commitmentId}/logs`), 201);
    const logId = logged.json<{ logs: { id: string }[] }>().logs[0]!.id;
    await ok(alex.client.post(`/api/commitment-logs/${logId}/answers`, { answer: 'confirm' }));

    expect(await worked(sam)).toEqual([
      'responsibility.statement',
      'plan.agreements',
      'commitment.log',
    ]);
    expect(await worked(alex)).toEqual([
      'responsibility.response',
      'plan.agreements',
      'commitment.log',
    ]);
  });

  it('a change that loses a race notes no work', async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const proposed = await ok(
      alex.client.post('/api/agreements', { text: 'We talk on Sundays.', category: 'routines' }),
      201,
    );
    const agreementId = proposed.json<{ id: string }>().id;
    const events = await eventCount(journeyId);
    // Two answers to version 1 at once: both pass the rules, one loses at the write.
    const answers = await Promise.all([
      sam.client.post(`/api/agreements/${agreementId}/answers`, { answer: 'accept', expected: 1 }),
      sam.client.post(`/api/agreements/${agreementId}/answers`, {
        answer: 'revise',
        expected: 1,
        text: 'We talk on Sunday evenings.',
      }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await eventCount(journeyId)).toBe(events + 1);
    // A refusal by the rules notes nothing either.
    await ok(
      alex.client.post(`/api/agreements/${agreementId}/answers`, { answer: 'accept', expected: 1 }),
      409,
    );
    expect(await eventCount(journeyId)).toBe(events + 1);
  });

  it('work away from the screen is marked by hand, only where nothing in the app marks it', async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const exercises = (
      await Promise.all((await view(alex)).steps.map((s) => stepTexts(alex, s.id)))
    ).flatMap((s) => s.exercises);
    expect(exercises.find((e) => e.id === 'plan.needs')?.selfMarked).toBe(true);
    expect(exercises.find((e) => e.id === 'plan.agreements')?.selfMarked).toBe(false);
    // Answering the statement is how its response is marked.
    expect(exercises.find((e) => e.id === 'responsibility.response')?.selfMarked).toBe(false);
    // Every exercise either has its own screen or is marked by hand: none waits for a screen.
    const onScreen = [
      'accountability_statement',
      'agreements',
      'commitments',
      'letter',
      'shared_activities',
      'closeness_pace',
      'connection_prompts',
      'appreciations',
      'questions',
      'check_in_meeting',
      'forgiveness_measure',
    ];
    expect(
      exercises.filter((e) => !e.selfMarked && !onScreen.includes(e.type)).map((e) => e.id),
    ).toEqual(['responsibility.response']);
    expect(exercises.find((e) => e.id === 'intimacy.pace')?.selfMarked).toBe(false);

    const samBefore = await view(sam);
    const samLensBefore = await view(sam, '?lens=gottman');
    const marked = await ok(alex.client.post('/api/program/exercises/plan.needs/worked-on'));
    const plan = marked.json<ProgramProgress>().steps.find((s) => s.stepId === 'plan')!;
    expect(plan.exercisesWorkedOn).toEqual(['plan.needs']);
    expect(plan.status).toBe('in_progress');
    // Sam sees nothing of it: not the step's status, not through a therapy lens either.
    expect(await view(sam)).toEqual(samBefore);
    expect(await view(sam, '?lens=gottman')).toEqual(samLensBefore);
    const alexLens = (await view(alex, '?lens=gottman')).lens!;
    const planInLens = alexLens.phases.flatMap((p) => p.steps).find((st) => st.stepId === 'plan');
    expect(planInLens?.status).toBe('in_progress');

    // Marking it again notes nothing more.
    const events = await eventCount(journeyId);
    await ok(alex.client.post('/api/program/exercises/plan.needs/worked-on'));
    expect(await eventCount(journeyId)).toBe(events);

    const refused = await alex.client.post('/api/program/exercises/plan.agreements/worked-on');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('program.exercise_done_in_app');
    const unknown = await alex.client.post('/api/program/exercises/plan.nothing/worked-on');
    expect(unknown.statusCode).toBe(404);
    const malformed = await alex.client.post('/api/program/exercises/..%2Fsecrets/worked-on');
    expect(malformed.statusCode).toBe(400);
    expect(await eventCount(journeyId)).toBe(events);
  });

  it('a mark made by mistake is taken back, and the step is as it was', async () => {
    const { a: alex, b: sam, journeyId } = await makeCouple(t.app);
    const samBefore = await view(sam);
    const plan = (p: ProgramProgress) => p.steps.find((s) => s.stepId === 'plan')!;
    await ok(alex.client.post('/api/program/exercises/plan.needs/worked-on'));

    const taken = await ok(alex.client.delete('/api/program/exercises/plan.needs/worked-on'));
    expect(plan(taken.json<ProgramProgress>())).toMatchObject({
      status: 'not_started',
      exercisesWorkedOn: [],
    });
    expect(plan((await view(alex)).progress).exercisesWorkedOn).toEqual([]);
    expect(await view(sam)).toEqual(samBefore);

    // Taking back what is not marked notes nothing; marking again counts again.
    const events = await eventCount(journeyId);
    await ok(alex.client.delete('/api/program/exercises/plan.needs/worked-on'));
    expect(await eventCount(journeyId)).toBe(events);
    const again = await ok(alex.client.post('/api/program/exercises/plan.needs/worked-on'));
    expect(plan(again.json<ProgramProgress>()).exercisesWorkedOn).toEqual(['plan.needs']);
    expect(await eventCount(journeyId)).toBe(events + 1);

    // Only hand-made marks are taken back by hand: what the app noted stays the app's.
    const refused = await alex.client.delete('/api/program/exercises/plan.agreements/worked-on');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('program.exercise_done_in_app');
  });
});
