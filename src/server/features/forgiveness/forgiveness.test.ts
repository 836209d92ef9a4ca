import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forgivenessItemIds } from '../../../core/forgiveness/measure.js';
import type {
  ForgivenessEntry,
  ForgivenessMine,
  ForgivenessReflection,
} from '../../../shared/api/forgiveness.js';
import type { ClientSummary } from '../../../shared/api/caseload.js';
import type { LetterList, LetterThread } from '../../../shared/api/letters.js';
import { linkClient } from '../../test-support/caseload.js';
import {
  makeCouple,
  makeJourney,
  makeMember,
  signInAgainLater,
  testDialect,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { makeTherapist } from '../../test-support/practice.js';

const t = useTestApp();

const answersOf = (v: number, over: Record<string, number> = {}) => ({
  ...Object.fromEntries(forgivenessItemIds.map((id) => [id, v])),
  ...over,
});

async function answer(m: Member, answers: Record<string, number>, note = '') {
  const res = await m.client.post('/api/forgiveness/entries', { answers, note });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ForgivenessEntry>();
}

const partnerChart = async (m: Member) => {
  const res = await m.client.get('/api/forgiveness/partner');
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
};

const share = async (m: Member, shared: boolean) =>
  m.client.put('/api/forgiveness/sharing', { shared });

describe(`the forgiveness reflection (${testDialect()})`, () => {
  it('keeps subscale means over time, with the answers and note for their author', async () => {
    const { a } = await makeCouple(t.app);
    const first = await answer(
      a,
      answersOf(2, { 'avoidance.1': 4, 'goodwill.1': 5, 'goodwill.2': 4 }),
      'a heavy week',
    );
    expect(first.means).toEqual({ avoidance: 2.5, resentment: 2, goodwill: 3.67 });
    expect(first.version).toBe(1);
    await signInAgainLater(t, 7 * 24 * 60 * 60_000, a);
    await answer(a, answersOf(3));
    const mine = (await a.client.get('/api/forgiveness')).json<ForgivenessMine>();
    expect(mine.shared).toBe(false);
    expect(mine.entries.map((e) => [e.means.resentment, e.note])).toEqual([
      [2, 'a heavy week'],
      [3, ''],
    ]);
    expect(mine.entries[0]?.answers['avoidance.1']).toBe(4);
    expect(mine.entries[0]!.createdAt).toBeLessThan(mine.entries[1]!.createdAt);
    // No total, band or score anywhere.
    expect(JSON.stringify(mine)).not.toMatch(/total|band|score/i);
  });

  it('refuses a missing, out-of-range or unknown answer with 400, saving nothing', async () => {
    const { a } = await makeCouple(t.app);
    const missing = Object.fromEntries(
      Object.entries(answersOf(3)).filter(([id]) => id !== 'resentment.3'),
    );
    const bad = [
      missing,
      answersOf(3, { 'goodwill.1': 0 }),
      answersOf(3, { 'goodwill.1': 6 }),
      answersOf(3, { 'goodwill.1': 2.5 }),
      { ...answersOf(3), 'goodwill.9': 3 },
      {},
    ];
    for (const answers of bad) {
      const res = await a.client.post('/api/forgiveness/entries', { answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
    }
    const res = await a.client.post('/api/forgiveness/entries', { answers: missing });
    expect(res.json()).toMatchObject({ code: 'request.invalid' });
    expect((await a.client.get('/api/forgiveness')).json<ForgivenessMine>().entries).toEqual([]);
  });

  it('the partner sees the chart only while it is shared, and nothing tells them it ever was', async () => {
    const { a, b } = await makeCouple(t.app);
    const never = await partnerChart(b);
    expect(JSON.parse(never)).toEqual({ points: [] });

    await answer(a, answersOf(4), 'my private note');
    // Answered but not shared: exactly the same bytes as never having answered.
    expect(await partnerChart(b)).toBe(never);

    expect((await share(a, true)).json()).toEqual({ shared: true });
    const shared = JSON.parse(await partnerChart(b)) as { points: { means: unknown }[] };
    expect(shared.points).toHaveLength(1);
    expect(shared.points[0]?.means).toEqual({ avoidance: 4, resentment: 4, goodwill: 4 });
    const raw = await partnerChart(b);
    // Means and dates only: never the note, the answers or an id.
    expect(raw).not.toContain('my private note');
    expect(raw).not.toContain('avoidance.1');
    expect(raw).not.toMatch(/"id"/);
    // Sharing is one way: Alex does not see Sam's because Alex shares.
    expect(JSON.parse(await partnerChart(a))).toEqual({ points: [] });

    expect((await share(a, false)).json()).toEqual({ shared: false });
    expect(await partnerChart(b)).toBe(never);
  });

  it('sharing needs a partner and the person’s own safety check; stopping never waits', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    const res = await share(solo, true);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('forgiveness.no_partner');
    expect((await share(solo, false)).statusCode).toBe(200);

    const { a } = await makeCouple(t.app);
    // A journey member who has not taken the safety check yet (a fresh account in Alex's place).
    await t.deps.database.db.deleteFrom('safety_states').where('user_id', '=', a.id).execute();
    const unchecked = await share(a, true);
    expect(unchecked.statusCode).toBe(409);
    expect(unchecked.json().code).toBe('safety.check_needed');
    expect((await share(a, false)).statusCode).toBe(200);
  });

  it('an answer is deleted only by its author; to anyone else it does not exist', async () => {
    const { a, b } = await makeCouple(t.app);
    const other = await makeMember(t.app, 'Chris');
    await makeJourney(other);
    const entry = await answer(a, answersOf(3));
    for (const m of [b, other]) {
      const res = await m.client.delete(`/api/forgiveness/entries/${entry.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('forgiveness.not_found');
    }
    const unknown = await a.client.delete(`/api/forgiveness/entries/${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect((await a.client.delete(`/api/forgiveness/entries/${entry.id}`)).statusCode).toBe(204);
    expect((await a.client.get('/api/forgiveness')).json<ForgivenessMine>().entries).toEqual([]);
  });
});

describe(`private forgiveness reflections (${testDialect()})`, () => {
  it('are the author’s alone: the partner, another member and a therapist never see them', async () => {
    const { a, b } = await makeCouple(t.app);
    const other = await makeMember(t.app, 'Chris');
    await makeJourney(other);
    const res = await a.client.post('/api/forgiveness/reflections', {
      prompt: 'not_ready',
      text: 'words only I should read',
    });
    expect(res.statusCode, res.body).toBe(201);
    const written = res.json<ForgivenessReflection>();
    expect(written).toMatchObject({ prompt: 'not_ready', text: 'words only I should read' });
    t.clock.advance(60_000);
    await a.client.post('/api/forgiveness/reflections', { text: 'a second, freely' });

    const mine = (await a.client.get('/api/forgiveness/reflections')).json<{
      items: ForgivenessReflection[];
    }>();
    expect(mine.items.map((r) => [r.text, r.prompt])).toEqual([
      ['a second, freely', null],
      ['words only I should read', 'not_ready'],
    ]);
    for (const m of [b, other]) {
      const list = await m.client.get('/api/forgiveness/reflections');
      expect(list.json()).toEqual({ items: [] });
      const del = await m.client.delete(`/api/forgiveness/reflections/${written.id}`);
      expect(del.statusCode).toBe(404);
      expect(del.json().code).toBe('forgiveness.not_found');
      // Nor is it in anything else they can read.
      for (const url of ['/api/forgiveness', '/api/forgiveness/partner', '/api/letters']) {
        expect((await m.client.get(url)).body).not.toContain('words only I should read');
      }
    }
    // Someone with no journey at all reaches nothing of it.
    const stranger = await makeMember(t.app, 'Kai');
    const strangerList = await stranger.client.get('/api/forgiveness/reflections');
    expect(strangerList.statusCode).toBeGreaterThanOrEqual(400);
    expect(strangerList.body).not.toContain('words only I should read');
    const strangerDelete = await stranger.client.delete(
      `/api/forgiveness/reflections/${written.id}`,
    );
    expect(strangerDelete.statusCode).toBeGreaterThanOrEqual(400);
    expect(strangerDelete.json().code).toBe(strangerList.json().code);
    // A therapist with every consent sees nothing of it either.
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, {
      clientId: a.id,
      therapistId: therapist.id,
      consents: ['checkins', 'screens', 'letters', 'agreements', 'program', 'safety'],
    });
    const summary = await therapist.client.get(`/api/therapist/clients/${a.id}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.body).not.toContain('words only I should read');
    expect(summary.body).not.toContain(written.id);

    expect((await a.client.delete(`/api/forgiveness/reflections/${written.id}`)).statusCode).toBe(
      204,
    );
    expect(
      (await a.client.get('/api/forgiveness/reflections')).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
  });

  it('refuses an empty reflection, an unknown prompt and unsafe text with 400', async () => {
    const { a } = await makeCouple(t.app);
    for (const body of [
      { text: '   ' },
      { text: 'x', prompt: 'guilt' },
      { text: 'a\u0000b' },
      { text: 'x'.repeat(10_001) },
      {},
    ]) {
      const res = await a.client.post('/api/forgiveness/reflections', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });
});

describe(`forgiveness letters (${testDialect()})`, () => {
  const start = async (m: Member, text: string) => {
    const res = await m.client.post('/api/letters', { kind: 'forgiveness', text });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<LetterThread>();
  };

  it('anyone may write one; kept unsent it is never shown to the partner or a therapist', async () => {
    const { a, b } = await makeCouple(t.app);
    // Either partner, whatever their role, may begin one (b's role is "rather not say").
    expect(
      (await b.client.post('/api/letters', { kind: 'forgiveness', text: 'b' })).statusCode,
    ).toBe(201);
    const kept = await start(a, 'a forgiveness letter I keep');
    expect(kept.kind).toBe('forgiveness');
    expect(kept.state).toBe('private');
    const therapist = await makeTherapist(t.app, t.deps);
    await linkClient(t.deps, { clientId: a.id, therapistId: therapist.id, consents: ['letters'] });

    const partnerList = await b.client.get('/api/letters');
    expect(partnerList.body).not.toContain(kept.id);
    expect(partnerList.body).not.toContain('a forgiveness letter I keep');
    const versionId = kept.versions[0]!.id;
    expect((await b.client.put(`/api/letters/${versionId}`, { text: 'x' })).statusCode).toBe(404);
    const summary = await therapist.client.get(`/api/therapist/clients/${a.id}/summary`);
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json<ClientSummary>().people[0]?.letters?.items).toEqual([]);

    // Sent by choice, the partner reads it, and nothing is asked of them.
    const sent = await a.client.post(`/api/letters/${versionId}/share`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json<LetterThread>().state).toBe('sent');
    const theirs = (await b.client.get('/api/letters'))
      .json<LetterList>()
      .threads.find((th) => th.id === kept.id);
    expect(theirs).toMatchObject({
      kind: 'forgiveness',
      state: 'sent',
      canReflect: false,
      canAnswer: null,
    });
    const after = await therapist.client.get(`/api/therapist/clients/${a.id}/summary`);
    expect(after.json<ClientSummary>().people[0]?.letters?.items.map((l) => l.kind)).toEqual([
      'forgiveness',
    ]);
  });

  it('works on a path of one’s own: written and kept, never sent', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    const letter = await start(solo, 'for me alone');
    const res = await solo.client.post(`/api/letters/${letter.versions[0]!.id}/share`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('letter.no_partner');

    const a = await answer(solo, answersOf(1));
    expect(a.means).toEqual({ avoidance: 1, resentment: 1, goodwill: 1 });
    const r = await solo.client.post('/api/forgiveness/reflections', { text: 'solo words' });
    expect(r.statusCode).toBe(201);
    expect(JSON.parse(await partnerChart(solo))).toEqual({ points: [] });
  });
});
