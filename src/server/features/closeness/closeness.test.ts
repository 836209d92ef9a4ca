import { describe, expect, it } from 'vitest';
import { closenessKindIds } from '../../../core/intimacy/kinds.js';
import type { ClosenessMark } from '../../../core/intimacy/rounds.js';
import {
  allNoSafetyAnswers,
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  tokenOf,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';

const t = useTestApp();

type Marks = Record<string, ClosenessMark>;
const all = (mark: ClosenessMark): Marks =>
  Object.fromEntries(closenessKindIds.map((id) => [id, mark]));
const with_ = (base: Marks, mark: ClosenessMark, ...ids: string[]): Marks => ({
  ...base,
  ...Object.fromEntries(ids.map((id) => [id, mark])),
});

const markAs = (who: Member, marks: Marks) =>
  ok<{ marks: Marks }>(who.client.put('/api/closeness/mine', { marks }));
const matchesOf = (who: Member) =>
  ok<{ state: string; matches?: { id: string; label: string }[] }>(
    who.client.get('/api/closeness/matches'),
  );
const ids = (v: { matches?: { id: string }[] }) => v.matches?.map((m) => m.id);

describe('marking what I feel ready for', () => {
  it('keeps my own marks for me to read back, change and reset', async () => {
    const { a } = await makeCouple(t.app);
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks: null });
    const marks = with_(all('maybe'), 'ready', 'talk.love');
    expect(await markAs(a, marks)).toEqual({ marks });
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks });
    const changed = with_(marks, 'not_now', 'sex.sex');
    await markAs(a, changed);
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks: changed });
    expect((await a.client.delete('/api/closeness/mine')).statusCode).toBe(204);
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks: null });
    // Resetting again is fine: nothing to reset.
    expect((await a.client.delete('/api/closeness/mine')).statusCode).toBe(204);
  });

  it('refuses a partial round, an unknown kind or an unknown mark, and saves nothing', async () => {
    const { a } = await makeCouple(t.app);
    const partial = Object.fromEntries(
      Object.entries(all('ready')).filter(([id]) => id !== closenessKindIds[0]),
    );
    for (const marks of [
      partial,
      { ...all('ready'), 'talk.other': 'ready' },
      { ...all('ready'), 'talk.love': 'yes' },
      {},
    ]) {
      const res = await a.client.put('/api/closeness/mine', { marks });
      expect(res.statusCode, res.body).toBe(400);
    }
    const res = await a.client.put('/api/closeness/mine', { marks: partial });
    expect(res.json<{ errors: { field: string; message: string }[] }>().errors).toContainEqual({
      field: `marks.${closenessKindIds[0]}`,
      message: 'Please choose “ready”, “maybe later” or “not now” for each kind of closeness.',
    });
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks: null });
  });

  it('needs a partner on the journey, and the caller’s own safety check', async () => {
    const solo = await makeMember(t.app);
    await makeJourney(solo, { path: 'solo' });
    expect(await codeOf(solo.client.put('/api/closeness/mine', { marks: all('ready') }))).toBe(
      '409 closeness.no_partner',
    );
    expect(await codeOf(solo.client.get('/api/closeness/matches'))).toBe(
      '409 closeness.no_partner',
    );
    expect(await ok(solo.client.get('/api/closeness/mine'))).toEqual({ marks: null });

    const unchecked = await makeMember(t.app, 'Robin', { safetyCheck: false });
    expect(await codeOf(unchecked.client.get('/api/closeness/mine'))).toBe(
      '409 safety.check_needed',
    );
  });
});

describe('the matches', () => {
  it('show only what both marked ready, as a set, once both have finished a round', async () => {
    const { a, b } = await makeCouple(t.app);
    expect(await matchesOf(a)).toEqual({ state: 'waiting_for_me' });
    expect(await matchesOf(b)).toEqual({ state: 'waiting_for_me' });
    await markAs(a, with_(all('not_now'), 'ready', 'talk.love', 'affection.hug', 'touch.sleep'));
    expect(await matchesOf(a)).toEqual({ state: 'waiting' });
    // B is told nothing of whether A has started.
    expect(await matchesOf(b)).toEqual({ state: 'waiting_for_me' });
    await markAs(
      b,
      with_(with_(all('not_now'), 'ready', 'affection.hug', 'talk.love'), 'maybe', 'touch.sleep'),
    );
    const shown = {
      state: 'shown',
      matches: [
        { id: 'talk.love', label: 'Saying “I love you”' },
        { id: 'affection.hug', label: 'A long hug' },
      ],
    };
    expect(await matchesOf(a)).toEqual(shown);
    expect(await matchesOf(b)).toEqual(shown);
  });

  it('never answer a partner’s unmatched mark, in any response, and "maybe" is not "ready"', async () => {
    const { a, b } = await makeCouple(t.app);
    // Kinds only B marked ready, and kinds B marked "maybe" that A marked ready.
    const onlyB = ['touch.massage', 'sex.touch', 'talk.future'];
    const maybeB = ['affection.sofa', 'sex.talk'];
    const bMarks = with_(
      with_(with_(all('not_now'), 'ready', ...onlyB), 'maybe', ...maybeB),
      'ready',
      'affection.hands',
    );
    const aMarks = with_(all('not_now'), 'ready', ...maybeB, 'affection.hands');
    const seenByA: string[] = [];
    const keep = async (res: Promise<{ body: string }>) => seenByA.push((await res).body);
    await keep(a.client.put('/api/closeness/mine', { marks: aMarks }));
    await keep(a.client.get('/api/closeness/matches'));
    await markAs(b, bMarks);
    await keep(a.client.get('/api/closeness/matches'));
    await keep(a.client.get('/api/closeness/mine'));
    await keep(a.client.put('/api/closeness/mine', { marks: with_(aMarks, 'ready', 'sex.touch') }));
    await keep(a.client.get('/api/closeness/matches'));
    await keep(a.client.delete('/api/closeness/mine'));
    await keep(a.client.get('/api/closeness/matches'));

    expect(JSON.parse(seenByA[2]!)).toEqual({
      state: 'shown',
      matches: [{ id: 'affection.hands', label: 'Holding hands' }],
    });
    // A's own marks come back to A, so look for B's ready-only kinds outside them.
    const notOwn = seenByA.filter((_, i) => i !== 0 && i !== 3 && i !== 4);
    for (const body of notOwn) {
      for (const id of [...onlyB, ...maybeB]) expect(body).not.toContain(id);
      expect(body).not.toMatch(/not_now|maybe/);
    }
    // A's own marks are A's exactly: nothing of B's mixed in.
    expect(JSON.parse(seenByA[3]!)).toEqual({ marks: aMarks });
  });

  it('the flip-one-item attack shows nothing: after a change, the matches wait for the partner', async () => {
    const { a, b } = await makeCouple(t.app);
    const bMarks = with_(all('not_now'), 'ready', 'affection.hug', 'touch.cuddle');
    await markAs(b, bMarks);
    const base = with_(all('not_now'), 'ready', 'affection.hug');
    await markAs(a, base);
    expect(ids(await matchesOf(a))).toEqual(['affection.hug']);
    // A flips one kind at a time to ready, hoping to see whether B marked it ready.
    for (const id of ['touch.cuddle', 'sex.sex', 'talk.day']) {
      await markAs(a, with_(base, 'ready', id));
      expect(await matchesOf(a)).toEqual({ state: 'waiting' });
    }
    // Going back, or resetting and marking again, does not bring them back either.
    await markAs(a, base);
    expect(await matchesOf(a)).toEqual({ state: 'waiting' });
    expect((await a.client.delete('/api/closeness/mine')).statusCode).toBe(204);
    await markAs(a, with_(base, 'ready', 'touch.cuddle'));
    expect(await matchesOf(a)).toEqual({ state: 'waiting' });
    // B is asked to mark again; only when B chooses to do so do the matches show.
    expect(await matchesOf(b)).toEqual({ state: 'waiting_for_me' });
    expect(await ok(b.client.get('/api/closeness/mine'))).toEqual({ marks: bMarks });
    await markAs(b, bMarks);
    expect(ids(await matchesOf(a))).toEqual(['affection.hug', 'touch.cuddle']);
  });

  it('are hidden for both when either resets, until both mark again', async () => {
    const { a, b } = await makeCouple(t.app);
    await markAs(a, all('ready'));
    await markAs(b, all('ready'));
    expect((await matchesOf(a)).state).toBe('shown');
    expect((await b.client.delete('/api/closeness/mine')).statusCode).toBe(204);
    expect(await matchesOf(a)).toEqual({ state: 'waiting_for_me' });
    expect(await matchesOf(b)).toEqual({ state: 'waiting_for_me' });
    await markAs(b, all('ready'));
    expect(await matchesOf(a)).toEqual({ state: 'waiting_for_me' });
    expect(await matchesOf(b)).toEqual({ state: 'waiting' });
    await markAs(a, all('ready'));
    expect((await matchesOf(b)).state).toBe('shown');
  });

  it('marking the same marks again over shown matches keeps them shown', async () => {
    const { a, b } = await makeCouple(t.app);
    await markAs(a, all('ready'));
    await markAs(b, all('maybe'));
    await markAs(a, all('ready'));
    expect(await matchesOf(b)).toEqual({ state: 'shown', matches: [] });
  });

  it('two people marking at the same moment both land, in one round', async () => {
    const { a, b } = await makeCouple(t.app);
    await Promise.all([markAs(a, all('ready')), markAs(b, all('ready'))]);
    expect((await matchesOf(a)).matches).toHaveLength(closenessKindIds.length);
  });

  it('a partner who left takes their marks with them from the matches', async () => {
    const { a, b } = await makeCouple(t.app);
    await markAs(a, all('ready'));
    await markAs(b, all('ready'));
    // Leaving is recorded on the membership (there is no route for it yet).
    await t.deps.database.db
      .updateTable('journey_members')
      .set({ left_at: t.clock() })
      .where('user_id', '=', b.id)
      .execute();
    expect(await codeOf(a.client.get('/api/closeness/matches'))).toBe('409 closeness.no_partner');
    expect(await ok(a.client.get('/api/closeness/mine'))).toEqual({ marks: all('ready') });
  });
});

describe('at rest', () => {
  it('keeps each round as one sealed value whose length says nothing of the marks', async () => {
    const { a, b, journeyId } = await makeCouple(t.app);
    await markAs(a, all('not_now'));
    await markAs(b, with_(all('maybe'), 'ready', 'talk.love', 'sex.sex'));
    const rows = await t.deps.database.db
      .selectFrom('closeness_marks')
      .select(['user_id', 'sealed', 'round'])
      .where('journey_id', '=', journeyId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.sealed.startsWith('sf1.')).toBe(true);
      for (const id of closenessKindIds) expect(r.sealed).not.toContain(id);
    }
    expect(rows[0]!.sealed.length).toBe(rows[1]!.sealed.length);
    expect(rows.map((r) => r.round)).toEqual([1, 1]);
  });
});

describe('safety mode', () => {
  /** A couple where A answered the safety check with "yes" (safety mode) or all "no". */
  async function couple(aInSafetyMode: boolean) {
    const a = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await a.client.post('/api/safety/check', {
      answers: { ...allNoSafetyAnswers, afraid: aInSafetyMode },
    });
    const b = await makeMember(t.app, 'Sam');
    await makeJourney(a);
    const invite = await a.client.post('/api/journey/invites', {});
    await b.client.post('/api/invites/accept', {
      token: tokenOf(invite.json<{ url: string }>().url),
      role: 'broke_trust',
    });
    return { a, b };
  }

  it('the partner cannot tell: every closeness answer B gets is the same either way', async () => {
    const seen: unknown[][] = [];
    for (const safe of [false, true]) {
      const { a, b } = await couple(safe);
      const log: unknown[] = [];
      const read = async () => {
        for (const url of ['/api/closeness/mine', '/api/closeness/matches']) {
          const res = await b.client.get(url);
          log.push([url, res.statusCode, res.json()]);
        }
      };
      await read();
      await markAs(b, with_(all('maybe'), 'ready', 'talk.love', 'talk.day'));
      await read();
      await markAs(a, with_(all('not_now'), 'ready', 'talk.love'));
      await read();
      expect((await a.client.delete('/api/closeness/mine')).statusCode).toBe(204);
      await read();
      seen.push(log);
    }
    expect(seen[1]).toEqual(seen[0]);
  });
});
