import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type {
  AppreciationPage,
  AppreciationView,
  PromptDecksView,
  PromptView,
} from '../../../shared/api/reconnection.js';
import {
  codeOf,
  makeCouple,
  makeJourney,
  makeMember,
  ok,
  testDialect,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';

const t = useTestApp();

const PROMPT = 'know-again.03';
const OTHER_PROMPT = 'light.07';

const answer = (m: Member, id: string, text: string) =>
  m.client.put(`/api/prompts/${id}/answer`, { text });
const skip = (m: Member, id: string) => m.client.post(`/api/prompts/${id}/skip`);
const decks = (m: Member) => ok<PromptDecksView>(m.client.get('/api/prompts'));
const promptIn = (view: PromptDecksView, id: string): PromptView => {
  const found = view.decks.flatMap((d) => d.prompts).find((p) => p.id === id);
  if (!found) throw new Error(`no prompt ${id}`);
  return found;
};

describe(`connection prompts (${testDialect()})`, () => {
  it('never sends the partner’s answer, in any response, to someone who has not answered; both see both once both have', async () => {
    const { a, b } = await makeCouple(t.app);
    const secret = `quiet-${randomUUID()}`;
    const sent = await ok<PromptView>(answer(a, PROMPT, `The ${secret} mornings`));
    expect(sent).toMatchObject({
      status: 'waiting',
      myAnswer: `The ${secret} mornings`,
      partnerAnswer: null,
      canAnswer: true,
      canSkip: true,
    });

    // Everything B can ask for before answering: the decks, another prompt answered and skipped,
    // the notes, a refused answer. Not one raw body holds A's words.
    const bodies = [
      await b.client.get('/api/prompts'),
      await answer(b, OTHER_PROMPT, 'A sandwich with everything'),
      await skip(b, 'hopes.02'),
      await b.client.get('/api/appreciations'),
      await answer(b, PROMPT, ''),
      await b.client.put(`/api/prompts/${PROMPT}/answer`, { text: 'x'.repeat(2001) }),
    ];
    // And every other read of the API B may call (those without a path parameter).
    const reads = t.routes
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes(':'))
      .map((r) => r.url);
    expect(reads).toContain('/api/prompts');
    for (const url of reads) bodies.push(await b.client.get(url));
    for (const res of bodies) {
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body).not.toContain(secret);
    }
    expect(promptIn(await decks(b), PROMPT)).toMatchObject({
      status: 'partner_answered',
      myAnswer: null,
      partnerAnswer: null,
    });
    expect(promptIn(await decks(a), PROMPT)).toMatchObject({
      status: 'waiting',
      partnerAnswer: null,
    });

    t.clock.advance(60_000);
    const revealed = await ok<PromptView>(answer(b, PROMPT, 'Slow coffee'));
    expect(revealed).toEqual({
      id: PROMPT,
      text: 'What does a good, ordinary day look like for you these days?',
      status: 'revealed',
      myAnswer: 'Slow coffee',
      partnerAnswer: `The ${secret} mornings`,
      revealedAt: t.clock(),
      canAnswer: false,
      canSkip: false,
    });
    expect(promptIn(await decks(a), PROMPT)).toMatchObject({
      status: 'revealed',
      myAnswer: `The ${secret} mornings`,
      partnerAnswer: 'Slow coffee',
    });
    // Answers read by both stay as they were.
    expect(await codeOf(answer(a, PROMPT, 'Changed'))).toBe('409 prompt.revealed');
    expect(await codeOf(skip(b, PROMPT))).toBe('409 prompt.revealed');
  });

  it('lets a person change their answer until their partner answers, the partner seeing only the last', async () => {
    const { a, b } = await makeCouple(t.app);
    await ok(answer(a, PROMPT, 'First thought'));
    expect((await ok<PromptView>(answer(a, PROMPT, 'Second thought'))).myAnswer).toBe(
      'Second thought',
    );
    const both = await ok<PromptView>(answer(b, PROMPT, 'Mine'));
    expect(both.partnerAnswer).toBe('Second thought');
    const view = await decks(b);
    expect(JSON.stringify(view)).not.toContain('First thought');
  });

  it('sets a skipped prompt aside for both, shows nothing of the other’s and says not who', async () => {
    const { a, b } = await makeCouple(t.app);
    const secret = `walk-${randomUUID()}`;
    await ok(answer(a, PROMPT, secret));
    const skipped = await b.client.post(`/api/prompts/${PROMPT}/skip`);
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect(skipped.body).not.toContain(secret);
    expect(skipped.json()).toMatchObject({
      status: 'set_aside',
      myAnswer: null,
      partnerAnswer: null,
    });
    // A keeps their own words, and sees the same "set aside" without a name.
    expect(promptIn(await decks(a), PROMPT)).toMatchObject({
      status: 'set_aside',
      myAnswer: secret,
      partnerAnswer: null,
      canAnswer: false,
      canSkip: false,
    });
    const bView = await b.client.get('/api/prompts');
    expect(bView.body).not.toContain(secret);
    expect(await codeOf(answer(a, PROMPT, 'again'))).toBe('409 prompt.set_aside');
    expect(await codeOf(answer(b, PROMPT, 'after all'))).toBe('409 prompt.set_aside');
    expect(await codeOf(skip(a, PROMPT))).toBe('409 prompt.set_aside');

    // Skipping after answering withdraws one's own answer: nothing of it is kept.
    await ok(answer(b, OTHER_PROMPT, 'Crisps'));
    await ok(skip(b, OTHER_PROMPT));
    const row = await t.deps.database.db
      .selectFrom('prompt_answers')
      .select(['kind', 'sealed'])
      .where('user_id', '=', b.id)
      .where('prompt_id', '=', OTHER_PROMPT)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'skip', sealed: null });
    expect(promptIn(await decks(a), OTHER_PROMPT).status).toBe('set_aside');
  });

  it('needs a partner on the journey, and the caller’s own safety check', async () => {
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    const view = await decks(solo);
    expect(view.partnerName).toBeNull();
    expect(view.decks.flatMap((d) => d.prompts).length).toBeGreaterThanOrEqual(60);
    expect(await codeOf(answer(solo, PROMPT, 'Hello'))).toBe('409 reconnection.no_partner');
    expect(await codeOf(skip(solo, PROMPT))).toBe('409 reconnection.no_partner');

    const waiting = await makeMember(t.app, 'Kai');
    await makeJourney(waiting);
    expect(await codeOf(answer(waiting, PROMPT, 'Hello'))).toBe('409 reconnection.no_partner');

    const unchecked = await makeMember(t.app, 'Ari', { safetyCheck: false });
    expect(await codeOf(unchecked.client.get('/api/prompts'))).toBe('409 safety.check_needed');
  });

  it('takes two answers sent at once, and a change racing an answer, one after the other', async () => {
    const { a, b } = await makeCouple(t.app);
    const [fromA, fromB] = await Promise.all([
      answer(a, PROMPT, 'At once, A'),
      answer(b, PROMPT, 'At once, B'),
    ]);
    expect([fromA.statusCode, fromB.statusCode]).toEqual([200, 200]);
    // The later of the two saw the other's answer and revealed both.
    expect([fromA.json<PromptView>().status, fromB.json<PromptView>().status]).toContain(
      'revealed',
    );
    expect(promptIn(await decks(a), PROMPT)).toMatchObject({
      status: 'revealed',
      partnerAnswer: 'At once, B',
    });

    await ok(answer(a, OTHER_PROMPT, 'First'));
    const [change, reveal] = await Promise.all([
      answer(a, OTHER_PROMPT, 'Second'),
      answer(b, OTHER_PROMPT, 'Mine'),
    ]);
    // Either the change landed first and B sees it, or B's answer did and the change is refused.
    const seen = reveal.json<PromptView>().partnerAnswer;
    if (change.statusCode === 200) expect(seen).toBe('Second');
    else {
      expect(change.json<{ code: string }>().code).toBe('prompt.revealed');
      expect(seen).toBe('First');
    }
    expect(promptIn(await decks(b), OTHER_PROMPT).partnerAnswer).toBe(seen);
  });

  it('answers 404 for a prompt that is not in the decks and 400 for an id that cannot be one', async () => {
    const { a } = await makeCouple(t.app);
    expect(await codeOf(answer(a, 'light.99', 'Hello'))).toBe('404 prompt.not_found');
    expect(await codeOf(skip(a, 'nowhere.01'))).toBe('404 prompt.not_found');
    expect((await answer(a, 'not a prompt', 'Hello')).statusCode).toBe(400);
    expect((await answer(a, PROMPT, '   ')).statusCode).toBe(400);
  });

  it('keeps each couple’s answers to themselves', async () => {
    const one = await makeCouple(t.app);
    const two = await makeCouple(t.app);
    const secret = `ours-${randomUUID()}`;
    await ok(answer(one.a, PROMPT, secret));
    await ok(answer(one.b, PROMPT, `${secret} too`));
    for (const m of [two.a, two.b]) {
      const res = await m.client.get('/api/prompts');
      expect(res.body).not.toContain(secret);
      expect(promptIn(res.json(), PROMPT).status).toBe('open');
    }
    expect((await ok<PromptView>(answer(two.a, PROMPT, 'Theirs'))).status).toBe('waiting');
  });

  it('marks the prompts exercise as worked on for the person who answered', async () => {
    const { a, b } = await makeCouple(t.app);
    await ok(answer(a, PROMPT, 'Something'));
    const events = await t.deps.database.db
      .selectFrom('program_events')
      .select('member_id')
      .execute();
    expect(events.map((e) => e.member_id)).toEqual([a.id]);
    expect(b.id).not.toBe(a.id);
  });
});

describe(`appreciation notes (${testDialect()})`, () => {
  const send = (m: Member, text: string) => m.client.post('/api/appreciations', { text });
  const list = (m: Member, query = '') =>
    ok<AppreciationPage>(m.client.get(`/api/appreciations${query}`));

  it('are sent at once and listed newest first for both, mine and theirs, a page at a time', async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await ok<AppreciationView>(send(a, 'Thank you for the tea.'), 201);
    expect(first).toMatchObject({ text: 'Thank you for the tea.', mine: true, authorName: 'Alex' });
    t.clock.advance(1000);
    await ok(send(b, 'I noticed you listened.'), 201);
    t.clock.advance(1000);
    await ok(send(a, 'You made me laugh today.'), 201);

    const forB = await list(b);
    expect(forB.items.map((n) => [n.text, n.mine, n.authorName])).toEqual([
      ['You made me laugh today.', false, 'Alex'],
      ['I noticed you listened.', true, 'Sam'],
      ['Thank you for the tea.', false, 'Alex'],
    ]);
    expect(forB.nextCursor).toBeNull();
    const forA = await list(a);
    expect(forA.items.map((n) => n.mine)).toEqual([true, false, true]);

    const page1 = await list(a, '?limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await list(a, `?limit=2&cursor=${page1.nextCursor ?? ''}`);
    expect(page2.items.map((n) => n.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
    expect(await codeOf(a.client.get('/api/appreciations?cursor=bm90LWEtY3Vyc29y'))).toBe(
      '400 cursor.invalid',
    );
  });

  it('are taken back by their author only: the partner, another couple and a stranger get 404', async () => {
    const { a, b } = await makeCouple(t.app);
    const other = await makeCouple(t.app);
    const stranger = await makeMember(t.app, 'Jo');
    await makeJourney(stranger, { path: 'solo' });
    const note = await ok<AppreciationView>(send(a, 'For the lift home.'), 201);
    for (const m of [b, other.a, stranger]) {
      expect(await codeOf(m.client.delete(`/api/appreciations/${note.id}`))).toBe(
        '404 appreciation.not_found',
      );
      const res = await m.client.get('/api/appreciations');
      if (m !== b) expect(res.body).not.toContain('For the lift home.');
    }
    expect(await codeOf(a.client.delete(`/api/appreciations/${randomUUID()}`))).toBe(
      '404 appreciation.not_found',
    );
    expect((await a.client.delete(`/api/appreciations/${note.id}`)).statusCode).toBe(204);
    expect((await list(b)).items).toEqual([]);
    expect(await codeOf(a.client.delete(`/api/appreciations/${note.id}`))).toBe(
      '404 appreciation.not_found',
    );
  });

  it('are short, need words and a partner on the journey', async () => {
    const { a } = await makeCouple(t.app);
    expect((await send(a, 'é'.repeat(500))).statusCode).toBe(201);
    expect((await send(a, 'é'.repeat(501))).statusCode).toBe(400);
    expect((await send(a, '  ')).statusCode).toBe(400);
    const solo = await makeMember(t.app, 'Robin');
    await makeJourney(solo, { path: 'solo' });
    expect(await codeOf(send(solo, 'Thanks, me.'))).toBe('409 reconnection.no_partner');
    expect((await list(solo)).items).toEqual([]);
  });
});
