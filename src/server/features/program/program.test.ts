import { describe, expect, it } from 'vitest';
import type { ProgramProgress, ProgramStepView } from '../../../shared/api/program.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  tokenOf,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { programReads } from '../../test-support/program.js';

const t = useTestApp();
const { view, stepTexts, eventCount } = programReads(t);

async function ready(m: Member, stepId: string, isReady = true) {
  const res = await m.client.post(`/api/program/steps/${stepId}/ready`, { ready: isReady });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProgramProgress>();
}

async function revisit(m: Member, stepId: string) {
  const res = await m.client.post(`/api/program/steps/${stepId}/revisit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ProgramProgress>();
}

const step = (p: ProgramProgress, stepId: string) => p.steps.find((s) => s.stepId === stepId)!;

describe('the journey’s program', () => {
  it('shows the seven steps in order with my role’s text, and where we start', async () => {
    const { a, b } = await makeCouple(t.app);
    const mine = await view(a);
    expect(mine.steps.map((s) => s.id)).toEqual([
      'responsibility',
      'plan',
      'commitment',
      'communication',
      'reconnection',
      'intimacy',
      'forgiveness',
    ]);
    expect(mine.steps[0]).toEqual({
      id: 'responsibility',
      order: 1,
      title: expect.any(String),
      summary: expect.any(String),
    });
    expect(mine.role).toBe('hurt');
    expect(mine.hasPartner).toBe(true);
    // Alex said they were hurt: they read that text only; Sam, who would rather not say, reads all three.
    const first = await stepTexts(a, 'responsibility');
    expect(first).toMatchObject({ id: 'responsibility', title: mine.steps[0]!.title });
    expect(first.roleTexts.map((r) => r.role)).toEqual(['hurt']);
    expect(first.roleTexts[0]!.html).toContain('<p>');
    expect(first.whyHtml).toContain('<p>');
    expect((await stepTexts(b, 'responsibility')).roleTexts.map((r) => r.role)).toEqual([
      'hurt',
      'broke_trust',
      'both',
    ]);
    expect(first.exercises[0]).toMatchObject({
      id: expect.stringMatching(/^responsibility\./),
    });
    expect(first.readyPrompt.length).toBeGreaterThan(10);
    expect(mine.progress).toMatchObject({
      currentStepId: 'responsibility',
      allDone: false,
      waitingFor: [
        { stepId: 'responsibility', on: 'you', what: 'readiness' },
        { stepId: 'responsibility', on: 'partner', what: 'readiness' },
      ],
    });
    expect(mine.progress.steps.every((s) => s.status === 'not_started')).toBe(true);
    expect(mine.lens).toBeNull();
  });

  it('both mark ready: the step is done and the journey moves on', async () => {
    const { a, b } = await makeCouple(t.app);
    await ready(a, 'responsibility');
    const after = await ready(b, 'responsibility');
    expect(step(after, 'responsibility')).toMatchObject({
      status: 'done',
      readiness: { me: true, partner: true },
      doneAt: expect.any(Number),
    });
    expect(after.currentStepId).toBe('plan');
    expect((await view(a)).progress.currentStepId).toBe('plan');
  });

  it('one only: in progress, and each sees who it is waiting for', async () => {
    const { a, b } = await makeCouple(t.app);
    const mine = await ready(a, 'responsibility');
    expect(step(mine, 'responsibility')).toMatchObject({
      status: 'in_progress',
      readiness: { me: true, partner: false },
      doneAt: null,
    });
    expect(mine.currentStepId).toBe('responsibility');
    expect(mine.waitingFor).toEqual([
      { stepId: 'responsibility', on: 'partner', what: 'readiness' },
    ]);
    const theirs = (await view(b)).progress;
    expect(step(theirs, 'responsibility').readiness).toEqual({ me: false, partner: true });
    expect(theirs.waitingFor).toEqual([{ stepId: 'responsibility', on: 'you', what: 'readiness' }]);
  });

  it('"not yet after all" reopens a done step', async () => {
    const { a, b } = await makeCouple(t.app);
    await ready(a, 'responsibility');
    await ready(b, 'responsibility');
    const reopened = await ready(b, 'responsibility', false);
    expect(step(reopened, 'responsibility')).toMatchObject({
      status: 'in_progress',
      readiness: { me: false, partner: true },
      doneAt: null,
    });
    expect(reopened.currentStepId).toBe('responsibility');
    expect(reopened.waitingFor).toEqual([
      { stepId: 'responsibility', on: 'you', what: 'readiness' },
    ]);
  });

  it('revisiting a done step opens it again and keeps its status and history', async () => {
    const { a, b, journeyId } = await makeCouple(t.app);
    await ready(a, 'responsibility');
    await ready(b, 'responsibility');
    const before = await eventCount(journeyId);
    const revisited = await revisit(b, 'responsibility');
    expect(revisited.currentStepId).toBe('responsibility');
    expect(revisited.revisitStepId).toBe('responsibility');
    expect(revisited.frontierStepId).toBe('plan');
    expect(step(revisited, 'responsibility')).toMatchObject({
      status: 'done',
      readiness: { me: true, partner: true },
    });
    // Nothing is removed: the revisit is one more event on top of the marks.
    expect(await eventCount(journeyId)).toBe(before + 1);
    expect((await view(a)).progress.revisitStepId).toBe('responsibility');
    // Marking it ready again closes the revisit.
    const back = await ready(a, 'responsibility');
    expect(back.currentStepId).toBe('plan');
    expect(back.revisitStepId).toBeNull();
  });

  it('a journey of one needs only its one member', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo', role: 'both' });
    const first = await view(robin);
    expect(first.hasPartner).toBe(false);
    expect(first.progress.waitingFor).toEqual([
      { stepId: 'responsibility', on: 'you', what: 'readiness' },
    ]);
    const done = await ready(robin, 'responsibility');
    expect(step(done, 'responsibility')).toMatchObject({
      status: 'done',
      readiness: { me: true, partner: null },
    });
    expect(done.currentStepId).toBe('plan');
  });

  it('a partner who joins later is asked too: a step done alone opens until they are ready', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam');
    await makeJourney(alex);
    await ready(alex, 'responsibility');
    expect(step((await view(alex)).progress, 'responsibility').status).toBe('done');
    const invite = await alex.client.post('/api/journey/invites', {});
    const token = tokenOf(invite.json<{ url: string }>().url);
    expect(
      (await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' })).statusCode,
    ).toBe(200);
    const now = (await view(alex)).progress;
    expect(step(now, 'responsibility')).toMatchObject({
      status: 'in_progress',
      readiness: { me: true, partner: false },
    });
    expect(now.waitingFor).toEqual([
      { stepId: 'responsibility', on: 'partner', what: 'readiness' },
    ]);
  });

  it('never lets another journey’s member see or touch this journey’s progress', async () => {
    const { a, b, journeyId } = await makeCouple(t.app);
    const chris = await makeMember(t.app, 'Chris');
    await makeJourney(chris, { path: 'solo' });
    await ready(a, 'responsibility');
    await ready(chris, 'responsibility');
    await revisit(chris, 'responsibility');
    // Chris's marks went to Chris's own journey only.
    expect(await eventCount(journeyId)).toBe(1);
    const theirs = (await view(b)).progress;
    expect(step(theirs, 'responsibility')).toMatchObject({
      status: 'in_progress',
      readiness: { me: false, partner: true },
    });
    expect(theirs.revisitStepId).toBeNull();
    // And Chris's view shows nothing of Alex's mark.
    expect(step((await view(chris)).progress, 'responsibility').readiness).toEqual({
      me: true,
      partner: null,
    });
  });

  it('tells the partner their readiness and nothing else about them', async () => {
    const { a, b } = await makeCouple(t.app);
    await ready(a, 'responsibility');
    const res = await b.client.get('/api/program?lens=eft');
    expect(res.body).not.toContain(a.id);
    expect(res.body).not.toContain(a.displayName);
  });

  it('refuses an unknown step with a 404 problem and records nothing', async () => {
    const { a, journeyId } = await makeCouple(t.app);
    for (const path of ['ready', 'revisit']) {
      const res = await a.client.post(`/api/program/steps/no_such_step/${path}`, { ready: true });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('program.step_not_found');
    }
    expect(await eventCount(journeyId)).toBe(0);
    const texts = await a.client.get('/api/program/steps/no_such_step');
    expect(texts.statusCode).toBe(404);
    expect(texts.json().code).toBe('program.step_not_found');
  });

  it('sends a step’s texts on their own read, and none of it is kept in the browser’s cache', async () => {
    const { a } = await makeCouple(t.app);
    const dashboard = await a.client.get('/api/program');
    const texts = await a.client.get('/api/program/steps/plan');
    expect(texts.headers['cache-control']).toBe('no-store');
    const { whyHtml, roleTexts } = texts.json<ProgramStepView>();
    // The dashboard, read on every visit, carries none of the step texts.
    expect(dashboard.body).not.toContain(whyHtml);
    expect(dashboard.body).not.toContain(roleTexts[0]!.html);
  });

  it('waits for the person’s own private safety check before a readiness or exercise mark', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam', { safetyCheck: false });
    const { id: journeyId } = await makeJourney(alex);
    const invite = await alex.client.post('/api/journey/invites', {});
    const token = tokenOf(invite.json<{ url: string }>().url);
    expect(
      (await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' })).statusCode,
    ).toBe(200);
    const res = await sam.client.post('/api/program/steps/responsibility/ready', { ready: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('safety.check_needed');
    const marked = await sam.client.post('/api/program/exercises/plan.needs/worked-on');
    expect(marked.statusCode).toBe(409);
    expect(marked.json().code).toBe('safety.check_needed');
    expect(await eventCount(journeyId)).toBe(0);
    // Sam may still read the steps; Alex sees Sam not ready, and nothing about the check.
    expect((await sam.client.get('/api/program')).statusCode).toBe(200);
    expect(step((await view(alex)).progress, 'responsibility').readiness.partner).toBe(false);
  });

  it('needs a journey first', async () => {
    const pat = await makeMember(t.app, 'Pat');
    const res = await pat.client.get('/api/program');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('journey.none');
  });

  it('checks a mark in the order it always has: the step or exercise, the safety check, the journey', async () => {
    const pat = await makeMember(t.app, 'Pat');
    expect(await codeOf(pat.client.post('/api/program/steps/no_such_step/revisit'))).toBe(
      '404 program.step_not_found',
    );
    expect(await codeOf(pat.client.post('/api/program/exercises/plan.nothing/worked-on'))).toBe(
      '404 program.exercise_not_found',
    );
    expect(await codeOf(pat.client.post('/api/program/steps/plan/ready', { ready: true }))).toBe(
      '409 journey.none',
    );
    const sam = await makeMember(t.app, 'Sam', { safetyCheck: false });
    expect(await codeOf(sam.client.post('/api/program/steps/no_such_step/revisit'))).toBe(
      '404 program.step_not_found',
    );
    expect(
      await codeOf(sam.client.post('/api/program/steps/no_such_step/ready', { ready: true })),
    ).toBe('409 safety.check_needed');
  });

  it('regroups the same steps under a therapy lens when asked', async () => {
    const { a, b } = await makeCouple(t.app);
    await ready(a, 'responsibility');
    await ready(b, 'responsibility');
    const eft = (await view(a, '?lens=eft')).lens!;
    expect(eft.phases.map((p) => p.phase)).toEqual([
      'disclosure',
      'safety',
      'trust',
      'vulnerability',
      'intimacy',
    ]);
    const withResponsibility = eft.phases.flatMap((p) =>
      p.steps.filter((s) => s.stepId === 'responsibility'),
    );
    expect(withResponsibility.length).toBeGreaterThan(0);
    expect(withResponsibility.every((s) => s.status === 'done')).toBe(true);
    const gottman = (await view(a, '?lens=gottman')).lens!;
    expect(gottman.phases.map((p) => p.phase)).toEqual(['atone', 'attune', 'attach']);
    expect((await a.client.get('/api/program?lens=other')).statusCode).toBe(400);
  });

  it('replays marks made in the same millisecond in the order they were made', async () => {
    const { a, b } = await makeCouple(t.app);
    // The test clock does not move between these requests.
    await ready(a, 'responsibility');
    await ready(b, 'responsibility');
    await ready(a, 'responsibility', false);
    const last = await ready(a, 'responsibility');
    expect(step(last, 'responsibility').status).toBe('done');
    const reopened = await ready(b, 'responsibility', false);
    expect(step(reopened, 'responsibility').status).toBe('in_progress');
  });
});

describe('what the partner has shared, on the dashboard', () => {
  const from = async (m: Member) => (await view(m)).fromPartner;
  const none = { statement: false, agreement: false, entries: false, checkins: false };

  it('says yes or no for each, from the partner only, and only while it waits', async () => {
    const { a: alex, b: sam } = await makeCouple(t.app);
    expect(await from(alex)).toEqual(none);

    // Sam shares a check-in and proposes an agreement: Alex is told; Sam is not told of their own.
    const checkin = await sam.client.post('/api/checkins', {
      feelings: [{ feeling: 'hope', intensity: 4 }],
      note: 'A calmer day.',
    });
    expect(checkin.statusCode, checkin.body).toBe(201);
    const id = checkin.json<{ id: string }>().id;
    expect(await from(alex)).toEqual(none); // private until shared
    await sam.client.put(`/api/checkins/${id}/visibility`, { visibility: 'partner' });
    const proposed = await sam.client.post('/api/agreements', {
      text: 'We talk on Sundays.',
      category: 'routines',
    });
    const agreementId = proposed.json<{ id: string }>().id;
    expect(await from(alex)).toEqual({ ...none, checkins: true, agreement: true });
    expect(await from(sam)).toEqual(none);

    // Alex accepts: nothing waits on Alex any more. Alex commits and logs: Sam has entries to see.
    await alex.client.post(`/api/agreements/${agreementId}/answers`, {
      answer: 'accept',
      expected: 1,
    });
    expect(await from(alex)).toEqual({ ...none, checkins: true });
    const made = await alex.client.post(`/api/agreements/${agreementId}/commitments`, {
      rhythm: 'daily',
    });
    const commitmentId = made.json<{ id: string }>().id;
    const logged = await alex.client.post(`/api/commitments/${commitmentId}/logs`);
    expect((await from(sam))?.entries).toBe(true);
    const logId = logged.json<{ logs: { id: string }[] }>().logs[0]!.id;
    await sam.client.post(`/api/commitment-logs/${logId}/answers`, { answer: 'confirm' });
    expect((await from(sam))?.entries).toBe(false);

    // A statement, once Sam sends it.
    await sam.client.patch('/api/journey', { role: 'broke_trust' });
    const draft = await sam.client.post('/api/letters', {
      kind: 'statement',
      parts: {
        did: 'I lied.',
        impact: 'You doubted.',
        remorse: 'I am sorry.',
        next: 'I will tell.',
      },
    });
    const statementId = draft.json<{ versions: { id: string }[] }>().versions[0]!.id;
    expect((await from(alex))?.statement).toBe(false);
    await sam.client.post(`/api/letters/${statementId}/share`);
    expect((await from(alex))?.statement).toBe(true);
  });

  it('is nothing on a journey of one', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    expect(await from(solo)).toBeNull();
  });
});
