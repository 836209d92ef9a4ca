import { describe, expect, it } from 'vitest';
import {
  allNoSafetyAnswers,
  makeJourney,
  makeMember,
  PASSWORD,
  TestClient,
  tokenOf,
  useTestApp,
  writeCheckin,
  type Member,
} from '../../test-support/harness.js';

const t = useTestApp();

const yesTo = (id: keyof typeof allNoSafetyAnswers) => ({
  answers: { ...allNoSafetyAnswers, [id]: true },
});

describe('the safety check', () => {
  it('starts unchecked, and any "yes" turns on safety mode, discreet mode and a shorter idle time', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    expect((await alex.client.get('/api/safety')).json()).toEqual({
      checked: false,
      checkedAt: null,
      safetyMode: false,
      discreet: false,
      idleMinutes: 30,
    });
    const res = await alex.client.post('/api/safety/check', yesTo('controlled'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      checked: true,
      safetyMode: true,
      discreet: true,
      idleMinutes: 5,
    });
    expect((await alex.client.get('/api/auth/session')).json()).toMatchObject({
      idleMinutes: 5,
      discreet: true,
    });
  });

  it('ends an idle session after the shorter time in discreet mode, and the usual time otherwise', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await alex.client.post('/api/safety/check', yesTo('afraid'));
    t.clock.advance(6 * 60_000);
    expect((await alex.client.get('/api/safety')).statusCode).toBe(401);

    // Signing in again keeps the shorter time: it belongs to the person, not to one session.
    const again = new TestClient(t.app);
    await again.post('/api/auth/signin', { email: alex.email, password: PASSWORD });
    t.clock.advance(4 * 60_000);
    expect((await again.get('/api/safety')).statusCode).toBe(200);
    t.clock.advance(6 * 60_000);
    expect((await again.get('/api/safety')).statusCode).toBe(401);

    const sam = await makeMember(t.app, 'Sam');
    t.clock.advance(20 * 60_000);
    expect((await sam.client.get('/api/safety')).statusCode).toBe(200);
  });

  it('is left only by the person: a later all-"no" check does not turn safety mode off', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await alex.client.post('/api/safety/check', yesTo('harmed'));
    const later = await alex.client.post('/api/safety/check', { answers: allNoSafetyAnswers });
    expect(later.json()).toMatchObject({ safetyMode: true });

    const left = await alex.client.patch('/api/safety', { safetyMode: false });
    expect(left.json()).toMatchObject({ safetyMode: false, discreet: true });
    const plain = await alex.client.patch('/api/safety', { discreet: false });
    expect(plain.json()).toMatchObject({ safetyMode: false, discreet: false, idleMinutes: 30 });
  });

  it('cannot be switched on without the check, and refuses unclear answers without changing anything', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    expect((await alex.client.patch('/api/safety', { safetyMode: true })).statusCode).toBe(400);
    const partial = await alex.client.post('/api/safety/check', {
      answers: { afraid: true },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.headers['content-type']).toContain('application/problem+json');
    expect((await alex.client.get('/api/safety')).json()).toMatchObject({
      checked: false,
      safetyMode: false,
    });
  });

  it('stores the answers sealed: the database row does not say who answered "yes"', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await alex.client.post('/api/safety/check', yesTo('sexual'));
    const row = await t.deps.database.db
      .selectFrom('safety_states')
      .selectAll()
      .where('user_id', '=', alex.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed).toMatch(/^sf1\./);
    expect(row.sealed).not.toMatch(/sexual|safetyMode|true/);
  });
});

describe('joint features wait for the person’s own safety check', () => {
  it('refuses an invite and sharing until the check is taken, and allows them after', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await makeJourney(alex);
    const invite = await alex.client.post('/api/journey/invites', {});
    expect(invite.statusCode).toBe(409);
    expect(invite.json()).toMatchObject({ code: 'safety.check_needed' });

    const { id } = await writeCheckin(alex);
    const share = await alex.client.put(`/api/checkins/${id}/visibility`, {
      visibility: 'partner',
    });
    expect(share.json()).toMatchObject({ code: 'safety.check_needed' });

    await alex.client.post('/api/safety/check', { answers: allNoSafetyAnswers });
    expect((await alex.client.post('/api/journey/invites', {})).statusCode).toBe(201);
  });
});

describe('the partner cannot tell', () => {
  /** Replaces what differs between two otherwise identical couples: ids, times, emails, tokens. */
  const normalise = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value)
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
        .replace(/"[^"@]+@[^"]+"/g, '"<email>"')
        .replace(/\b1\d{12}\b/g, '"<time>"')
        .replace(/"[A-Za-z0-9_-]{20,}"/g, '"<cursor>"'),
    );

  /** A couple where both have shared a check-in, and A has (or has not) answered "yes". */
  async function couple(aAnswersYes: boolean) {
    const a = await makeMember(t.app, 'Alex', { safetyCheck: false });
    await a.client.post(
      '/api/safety/check',
      aAnswersYes ? yesTo('afraid') : { answers: allNoSafetyAnswers },
    );
    const b = await makeMember(t.app, 'Sam');
    await makeJourney(a);
    const invite = await a.client.post('/api/journey/invites', {});
    await b.client.post('/api/invites/accept', {
      token: tokenOf(invite.json<{ url: string }>().url),
      role: 'broke_trust',
    });
    const fromA = await writeCheckin(a, 'from a');
    await a.client.put(`/api/checkins/${fromA.id}/visibility`, { visibility: 'partner' });
    t.clock.advance(1000); // a fixed order in the history
    const fromB = await writeCheckin(b, 'from b');
    // A shared activity B added and planned: the shared list reads the same either way.
    const activity = await b.client.post('/api/activities', { title: 'A walk' });
    await b.client.put(`/api/activities/${activity.json<{ id: string }>().id}/plan`, {
      date: '2026-12-12',
    });
    // Step 5: A answered a connection prompt and sent an appreciation note.
    await a.client.put('/api/prompts/know-again.02/answer', { text: 'from a' });
    await a.client.post('/api/appreciations', { text: 'thanks from a' });
    // Questions (step 4): A opens questions and asks, B answers, A marks the answer.
    await a.client.put('/api/questions/openness', {
      mode: 'slots',
      forMinutes: null,
      timeZone: 'Europe/Berlin',
      slots: [{ weekday: 7, start: '10:00', minutes: 120 }],
      paused: false,
    });
    const asked = await a.client.post('/api/questions', { text: 'from a' });
    expect(asked.statusCode, asked.body).toBe(201);
    const question = asked.json<{ id: string }>().id;
    const answered = await b.client.post(`/api/questions/${question}/answers`, { text: 'from b' });
    expect(answered.statusCode, answered.body).toBe(201);
    const answerId = answered.json<{ answers: { id: string }[] }>().answers[0]?.id;
    await a.client.put(`/api/question-answers/${answerId}/mark`, { mark: 'helps' });
    // A check-in meeting B set, with something B prepared for it.
    const meeting = { weekday: 4, time: '19:30', timeZone: 'Europe/Berlin', durationMinutes: 45 };
    expect((await b.client.put('/api/meetings/schedule', meeting)).statusCode).toBe(200);
    const prepared = { part: 'request', text: 'from b', bring: true };
    expect((await b.client.post('/api/meetings/items', prepared)).statusCode).toBe(201);
    // Step 7: A answers the forgiveness reflection and shares the chart, in safety mode or not.
    const forgiveness = await a.client.post('/api/forgiveness/entries', {
      answers: Object.fromEntries(
        ['avoidance.1', 'avoidance.2', 'avoidance.3', 'avoidance.4']
          .concat(['resentment.1', 'resentment.2', 'resentment.3', 'resentment.4'])
          .concat(['goodwill.1', 'goodwill.2', 'goodwill.3'])
          .map((id) => [id, 3]),
      ),
    });
    expect(forgiveness.statusCode, forgiveness.body).toBe(201);
    const shared = await a.client.put('/api/forgiveness/sharing', { shared: true });
    expect(shared.statusCode, shared.body).toBe(200);
    return { a, b, ids: { sharedByPartner: fromA.id, own: fromB.id } };
  }

  /** Every GET route a member can call, with the ids this couple gives it. */
  async function everythingBSees(b: Member, ids: { sharedByPartner: string; own: string }) {
    const seen: Record<string, unknown> = {};
    const getRoutes = t.routes
      .filter((r) => r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET')))
      .map((r) => r.url)
      .filter((url) => url.startsWith('/api/') && url !== '/api/openapi.json');
    for (const route of getRoutes) {
      const urls = route.includes(':id')
        ? [route.replace(':id', ids.sharedByPartner), route.replace(':id', ids.own)]
        : route.includes(':stepId')
          ? [route.replace(':stepId', 'plan')]
          : [route];
      if (/:[a-z]/i.test(urls[0] ?? '')) {
        throw new Error(`${route}: give this test the ids this route needs`);
      }
      for (const url of urls) {
        const res = await b.client.get(url);
        const whose =
          url === route || !route.includes(':id') ? '' : url.includes(ids.own) ? 'own' : 'partner';
        seen[`${route} ${whose}`] = {
          status: res.statusCode,
          body: String(res.headers['content-type']).includes('json')
            ? res.json<unknown>()
            : res.body,
        };
      }
    }
    return normalise(seen);
  }

  it('gets exactly the same answers from every API read whether or not A is in safety mode', async () => {
    const calm = await couple(false);
    const safety = await couple(true);
    expect((await safety.a.client.get('/api/safety')).json()).toMatchObject({ safetyMode: true });

    const calmView = await everythingBSees(calm.b, calm.ids);
    const safetyView = await everythingBSees(safety.b, safety.ids);
    expect(Object.keys(calmView as object).length).toBeGreaterThan(5);
    expect(safetyView).toEqual(calmView);
  });

  it('cannot read or change anyone’s safety settings but their own', async () => {
    const { a, b } = await couple(true);
    // There is no route that takes another person's id: B's reads are B's own.
    expect((await b.client.get('/api/safety')).json()).toMatchObject({ safetyMode: false });
    await b.client.patch('/api/safety', { safetyMode: false });
    expect((await a.client.get('/api/safety')).json()).toMatchObject({ safetyMode: true });
  });
});

describe('country for crisis lines', () => {
  it('is saved for the person and shown in their session', async () => {
    const alex = await makeMember(t.app);
    expect((await alex.client.put('/api/me/country', { country: 'GB' })).statusCode).toBe(204);
    expect((await alex.client.get('/api/auth/session')).json()).toMatchObject({
      user: { country: 'GB' },
    });
    expect((await alex.client.put('/api/me/country', { country: 'gb1' })).statusCode).toBe(400);
  });
});

describe('safety state under concurrent changes', () => {
  it('keeps safety mode when a "yes" and a discreet-mode change arrive together', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    const [check] = await Promise.all([
      alex.client.post('/api/safety/check', yesTo('afraid')),
      alex.client.patch('/api/safety', { discreet: false }),
    ]);
    expect(check.statusCode).toBe(200);
    expect((await alex.client.get('/api/safety')).json()).toMatchObject({ safetyMode: true });
  });

  it('stores every session’s idle time sealed, so the sessions table does not tell who is discreet', async () => {
    const alex = await makeMember(t.app, 'Alex', { safetyCheck: false });
    const sam = await makeMember(t.app, 'Sam');
    await alex.client.post('/api/safety/check', yesTo('afraid'));
    const rows = await t.deps.database.db
      .selectFrom('sessions')
      .select(['user_id', 'idle_sealed'])
      .where('user_id', 'in', [alex.id, sam.id])
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.idle_sealed).toMatch(/^sf1\.[A-Za-z0-9+/=]+$/);
    // Same length for 5 and 30 minutes: not even the size of the value differs.
    expect(new Set(rows.map((r) => r.idle_sealed?.length)).size).toBe(1);
  });
});
