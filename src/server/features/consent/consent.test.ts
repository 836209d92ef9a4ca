import { describe, expect, it } from 'vitest';
import { verify } from '../audit/chain.js';
import {
  allNoSafetyAnswers,
  codeOf,
  makeCouple,
  makeMember,
  ok,
  signInAgainLater,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { makeTherapist, type Therapist } from '../../test-support/practice.js';
import { isUniqueViolation } from '../../db/schema.js';
import { fromAuditRow } from '../audit/audit.store.js';
import { loadTherapistLinks } from './links.store.js';
import { listAlerts } from './consent.store.js';
import type { AlertList } from '../../../shared/api/caseload.js';
import type { ClientLinks, LinkCode, MyLink, MyLinks } from '../../../shared/api/consent.js';

const t = useTestApp();
const DAY = 24 * 60 * 60 * 1000;

const phq9 = (item9: number, others = 0) =>
  Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9.${n}`, n === 9 ? item9 : others]),
  );

const ask = (m: Member, body: Record<string, unknown>) => m.client.post('/api/my-therapists', body);

/** A client linked (requested and accepted) with a therapist, by slug. */
async function linked(m: Member, th: Therapist, slug: string, alertCrisis: boolean) {
  const link = await ok<MyLink>(ask(m, { slug, alertCrisis }), 201);
  await ok(th.client.post(`/api/therapist/links/${link.id}/accept`));
  return link;
}

const alertsOf = async (th: Therapist) =>
  (await ok<AlertList>(th.client.get('/api/therapist/alerts'))).alerts;

describe('linking a therapist', () => {
  it('by the directory address: asked by the client, accepted by the therapist', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin', displayName: 'Robin Lee' });
    const alex = await makeMember(t.app, 'Alex');
    const dir = await ok<{ therapists: { slug: string }[] }>(
      alex.client.get('/api/my-therapists/directory'),
    );
    expect(dir.therapists.map((d) => d.slug)).toEqual(['robin']);

    const link = await ok<MyLink>(ask(alex, { slug: 'robin', alertCrisis: true }), 201);
    expect(link).toMatchObject({
      status: 'requested',
      alertCrisis: true,
      therapist: { id: th.id, name: 'Robin Lee', slug: 'robin' },
      endedBy: null,
    });
    expect(Object.values(link.consents).every((v) => v === false)).toBe(true);

    const requests = await ok<ClientLinks>(th.client.get('/api/therapist/links'));
    expect(requests.links).toMatchObject([
      { id: link.id, status: 'requested', client: { id: alex.id, name: 'Alex' } },
    ]);
    // Asked for but not accepted counts as no link.
    expect((await loadTherapistLinks(t.deps.database.db, th.id)).get(alex.id)?.status).toBe(
      'requested',
    );
    const accepted = await ok<{ status: string }>(
      th.client.post(`/api/therapist/links/${link.id}/accept`),
    );
    expect(accepted.status).toBe('active');
    const mine = await ok<MyLinks>(alex.client.get('/api/my-therapists'));
    expect(mine.links).toMatchObject([{ id: link.id, status: 'active' }]);
    // Accepting twice changes nothing.
    expect(await codeOf(th.client.post(`/api/therapist/links/${link.id}/accept`))).toBe(
      '409 link.not_requested',
    );
  });

  it('asks plainly about crisis alerts: no answer, no link', async () => {
    await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const alex = await makeMember(t.app, 'Alex');
    expect((await ask(alex, { slug: 'robin' })).statusCode).toBe(400);
    expect((await ask(alex, { slug: 'robin', alertCrisis: 'yes' })).statusCode).toBe(400);
    expect((await ask(alex, { alertCrisis: true })).statusCode).toBe(400);
    expect(
      (await ask(alex, { slug: 'robin', code: 'AAAA-AAAA', alertCrisis: true })).statusCode,
    ).toBe(400);
    expect(await codeOf(ask(alex, { slug: 'nobody', alertCrisis: false }))).toBe(
      '404 link.therapist_not_found',
    );
    const mine = await ok<MyLinks>(alex.client.get('/api/my-therapists'));
    expect(mine.links).toEqual([]);
  });

  it('by a code: read aloud, single use, for seven days', async () => {
    const th = await makeTherapist(t.app, t.deps);
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam');
    const { code, expiresAt } = await ok<LinkCode>(
      th.client.post('/api/therapist/link-codes'),
      201,
    );
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(expiresAt).toBe(t.clock() + 7 * DAY);
    // Typed in lower case and without the dash, it still works.
    const typed = code.replace('-', ' ').toLowerCase();
    const link = await ok<MyLink>(ask(alex, { code: typed, alertCrisis: false }), 201);
    expect(link.therapist.id).toBe(th.id);
    expect(link.therapist.slug).toBeNull();
    // Used once, it is gone.
    expect(await codeOf(ask(sam, { code, alertCrisis: false }))).toBe('422 link.code_invalid');
    expect(await codeOf(ask(sam, { code: 'ACDE-FHJK', alertCrisis: false }))).toBe(
      '422 link.code_invalid',
    );

    const later = await ok<LinkCode>(th.client.post('/api/therapist/link-codes'), 201);
    await signInAgainLater(t, 7 * DAY, sam);
    expect(await codeOf(ask(sam, { code: later.code, alertCrisis: false }))).toBe(
      '422 link.code_invalid',
    );
  });

  it('one open link per client and therapist; after it ends, a new one may be asked', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const alex = await makeMember(t.app, 'Alex');
    const first = await ok<MyLink>(ask(alex, { slug: 'robin', alertCrisis: false }), 201);
    const { code } = await ok<LinkCode>(th.client.post('/api/therapist/link-codes'), 201);
    expect(await codeOf(ask(alex, { code, alertCrisis: true }))).toBe('409 link.exists');
    await ok(th.client.post(`/api/therapist/links/${first.id}/accept`));
    expect(await codeOf(ask(alex, { slug: 'robin', alertCrisis: true }))).toBe('409 link.exists');
    await ok(alex.client.post(`/api/my-therapists/${first.id}/end`));
    const again = await ok<MyLink>(ask(alex, { slug: 'robin', alertCrisis: true }), 201);
    expect(again.id).not.toBe(first.id);
    // The new link starts with everything off again.
    expect(Object.values(again.consents).some(Boolean)).toBe(false);
  });

  it('the therapist declines, or either side ends; access ends at once', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const alex = await makeMember(t.app, 'Alex');
    const declined = await ok<MyLink>(ask(alex, { slug: 'robin', alertCrisis: false }), 201);
    const d = await ok<{ status: string; endedBy: string }>(
      th.client.post(`/api/therapist/links/${declined.id}/decline`),
    );
    expect(d).toMatchObject({ status: 'ended', endedBy: 'me' });
    const mine = await ok<MyLinks>(alex.client.get('/api/my-therapists'));
    expect(mine.links[0]).toMatchObject({ status: 'ended', endedBy: 'therapist' });

    const byClient = await linked(alex, th, 'robin', false);
    await ok(
      alex.client.put(`/api/my-therapists/${byClient.id}/consents/checkins`, { granted: true }),
    );
    expect((await loadTherapistLinks(t.deps.database.db, th.id)).get(alex.id)?.status).toBe(
      'active',
    );
    const ended = await ok<MyLink>(alex.client.post(`/api/my-therapists/${byClient.id}/end`));
    expect(ended).toMatchObject({ status: 'ended', endedBy: 'me' });
    expect(ended.endedAt).toBe(t.clock());
    expect((await loadTherapistLinks(t.deps.database.db, th.id)).has(alex.id)).toBe(false);
    expect(await codeOf(alex.client.post(`/api/my-therapists/${byClient.id}/end`))).toBe(
      '409 link.ended',
    );
    expect(await codeOf(th.client.post(`/api/therapist/links/${byClient.id}/end`))).toBe(
      '409 link.ended',
    );
    expect(
      await codeOf(
        alex.client.put(`/api/my-therapists/${byClient.id}/consents/checkins`, { granted: true }),
      ),
    ).toBe('409 link.ended');

    const byTherapist = await linked(alex, th, 'robin', false);
    const e = await ok<{ status: string; endedBy: string }>(
      th.client.post(`/api/therapist/links/${byTherapist.id}/end`),
    );
    expect(e).toMatchObject({ status: 'ended', endedBy: 'me' });
    expect((await loadTherapistLinks(t.deps.database.db, th.id)).has(alex.id)).toBe(false);
  });

  it('another therapist, or another member, gets the same 404 as for no link', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const other = await makeTherapist(t.app, t.deps, { slug: 'kim' });
    const alex = await makeMember(t.app, 'Alex');
    const chris = await makeMember(t.app, 'Chris');
    const link = await ok<MyLink>(ask(alex, { slug: 'robin', alertCrisis: true }), 201);
    for (const action of ['accept', 'decline', 'end']) {
      expect(await codeOf(other.client.post(`/api/therapist/links/${link.id}/${action}`))).toBe(
        '404 not_found',
      );
    }
    expect((await ok<ClientLinks>(other.client.get('/api/therapist/links'))).links).toEqual([]);
    expect(await codeOf(chris.client.post(`/api/my-therapists/${link.id}/end`))).toBe(
      '404 not_found',
    );
    expect(
      await codeOf(
        chris.client.put(`/api/my-therapists/${link.id}/alerts`, { alertCrisis: false }),
      ),
    ).toBe('404 not_found');
    expect(
      await codeOf(
        chris.client.put(`/api/my-therapists/${link.id}/consents/screens`, { granted: true }),
      ),
    ).toBe('404 not_found');
    // Members and the administrator never reach the therapist's side.
    expect(await codeOf(alex.client.get('/api/therapist/links'))).toBe('403 auth.forbidden');
    expect(await codeOf(alex.client.post(`/api/therapist/links/${link.id}/accept`))).toBe(
      '403 auth.forbidden',
    );
    // …and a therapist is not a client.
    expect((await th.client.get('/api/my-therapists')).statusCode).toBe(403);
  });
});

describe('consent per category', () => {
  it('all off until chosen; each change round-trips and is audited in a valid chain', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const alex = await makeMember(t.app, 'Alex');
    const link = await linked(alex, th, 'robin', false);
    const url = `/api/my-therapists/${link.id}/consents`;
    const on = await ok<MyLink>(alex.client.put(`${url}/checkins`, { granted: true }));
    expect(on.consents).toEqual({
      checkins: true,
      screens: false,
      letters: false,
      agreements: false,
      program: false,
      safety: false,
    });
    await ok(alex.client.put(`${url}/screens`, { granted: true }));
    const links = await loadTherapistLinks(t.deps.database.db, th.id);
    expect([...(links.get(alex.id)?.consents ?? [])].sort()).toEqual(['checkins', 'screens']);
    const off = await ok<MyLink>(alex.client.put(`${url}/checkins`, { granted: false }));
    expect(off.consents.checkins).toBe(false);
    expect(off.consents.screens).toBe(true);
    // The same choice again is no change (and no event).
    await ok(alex.client.put(`${url}/screens`, { granted: true }));
    expect((await alex.client.put(`${url}/diaries`, { granted: true })).statusCode).toBe(400);
    expect((await alex.client.put(`${url}/screens`, {})).statusCode).toBe(400);
    // The therapist sees what they may see.
    const theirs = await ok<ClientLinks>(th.client.get('/api/therapist/links'));
    expect(theirs.links[0]?.consents.screens).toBe(true);
    expect(theirs.links[0]?.consents.checkins).toBe(false);

    const changed = await ok<MyLink>(
      alex.client.put(`/api/my-therapists/${link.id}/alerts`, { alertCrisis: true }),
    );
    expect(changed.alertCrisis).toBe(true);

    const rows = await t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq')
      .execute();
    const events = rows.map(fromAuditRow);
    expect(verify(events)).toEqual({ ok: true, count: events.length });
    expect(events.map((e) => [e.actorId, e.action, e.category, e.subjectId, e.items])).toEqual([
      [alex.id, 'link', 'requested', alex.id, [link.id]],
      [th.id, 'link', 'accepted', alex.id, [link.id]],
      [alex.id, 'consent', 'checkins', alex.id, [link.id]],
      [alex.id, 'consent', 'screens', alex.id, [link.id]],
      [alex.id, 'consent', 'checkins', alex.id, [link.id]],
      [alex.id, 'consent', 'crisis_alerts', alex.id, [link.id]],
    ]);
    expect(events.every((e) => e.requestId.length > 0)).toBe(true);
  });
});

describe('alerts', () => {
  it('item 9 above 0 alerts only the therapists the client chose, and only active links', async () => {
    const yes = await makeTherapist(t.app, t.deps, { slug: 'yes' });
    const no = await makeTherapist(t.app, t.deps, { slug: 'no' });
    const pending = await makeTherapist(t.app, t.deps, { slug: 'pending' });
    const gone = await makeTherapist(t.app, t.deps, { slug: 'gone' });
    const alex = await makeMember(t.app, 'Alex');
    await linked(alex, yes, 'yes', true);
    await linked(alex, no, 'no', false);
    await ok(ask(alex, { slug: 'pending', alertCrisis: true }), 201);
    const ended = await linked(alex, gone, 'gone', true);
    await ok(alex.client.post(`/api/my-therapists/${ended.id}/end`));

    const calm = await ok<{ id: string }>(
      alex.client.post('/api/screens/phq9', { answers: phq9(0) }),
      201,
    );
    expect(calm.id).toBeTruthy();
    expect(await alertsOf(yes)).toEqual([]);

    await signInAgainLater(t, 2 * DAY, alex, yes, no, pending, gone);
    const crisis = await ok<{ id: string; crisis: boolean }>(
      alex.client.post('/api/screens/phq9', { answers: phq9(1) }),
      201,
    );
    expect(crisis.crisis).toBe(true);
    const alerts = await alertsOf(yes);
    expect(alerts).toEqual([
      {
        id: expect.any(String),
        clientId: alex.id,
        clientName: 'Alex',
        kind: 'crisis_item9',
        at: t.clock(),
        seenAt: null,
      },
    ]);
    expect((await listAlerts(t.deps.database.db, yes.id)).map((a) => a.sourceId)).toEqual([
      crisis.id,
    ]);
    expect(await alertsOf(no)).toEqual([]);
    expect(await alertsOf(pending)).toEqual([]);
    expect(await alertsOf(gone)).toEqual([]);
    expect(await listAlerts(t.deps.database.db, gone.id)).toEqual([]);
    // Reading alerts is a read of the client's data: audited.
    const read = await t.deps.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'read')
      .execute();
    expect(read.map((r) => [r.actor_id, r.subject_id, r.category])).toEqual([
      [yes.id, alex.id, 'alerts'],
    ]);

    // Marking it seen: the therapist's own alert only.
    const id = alerts[0]?.id ?? '';
    expect(await codeOf(no.client.post(`/api/therapist/alerts/${id}/seen`))).toBe('404 not_found');
    expect((await yes.client.post(`/api/therapist/alerts/${id}/seen`)).statusCode).toBe(200);
    expect((await alertsOf(yes))[0]?.seenAt).toBe(t.clock());
    expect(
      (await yes.client.post(`/api/therapist/alerts/${crypto.randomUUID()}/seen`)).statusCode,
    ).toBe(404);
  });

  it('the client can change the crisis answer at any time', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const alex = await makeMember(t.app, 'Alex');
    const link = await linked(alex, th, 'robin', true);
    await ok(alex.client.put(`/api/my-therapists/${link.id}/alerts`, { alertCrisis: false }));
    await ok(alex.client.post('/api/screens/phq9', { answers: phq9(2) }), 201);
    expect(await alertsOf(th)).toEqual([]);
  });

  it('a "yes" in the safety check alerts therapists chosen for crisis alerts', async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const other = await makeTherapist(t.app, t.deps, { slug: 'kim' });
    const alex = await makeMember(t.app, 'Alex');
    await linked(alex, th, 'robin', true);
    await linked(alex, other, 'kim', false);
    await ok(alex.client.post('/api/safety/check', { answers: allNoSafetyAnswers }));
    expect(await alertsOf(th)).toEqual([]);
    await ok(
      alex.client.post('/api/safety/check', { answers: { ...allNoSafetyAnswers, afraid: true } }),
    );
    expect((await listAlerts(t.deps.database.db, th.id)).map((a) => [a.kind, a.sourceId])).toEqual([
      ['crisis_safety', null],
    ]);
    expect(await alertsOf(other)).toEqual([]);
  });

  it('reliable deterioration alerts only with consent to screens', async () => {
    const consented = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const not = await makeTherapist(t.app, t.deps, { slug: 'kim' });
    const alex = await makeMember(t.app, 'Alex');
    const a = await linked(alex, consented, 'robin', false);
    await linked(alex, not, 'kim', false);
    await ok(alex.client.put(`/api/my-therapists/${a.id}/consents/screens`, { granted: true }));

    await ok(alex.client.post('/api/screens/gad7', { answers: gad7(0) }), 201);
    await signInAgainLater(t, 2 * DAY, alex, consented, not);
    // 3 points worse: not a reliable change for GAD-7 (4 points).
    await ok(alex.client.post('/api/screens/gad7', { answers: gad7(0, 3) }), 201);
    expect(await alertsOf(consented)).toEqual([]);
    await signInAgainLater(t, 2 * DAY, alex, consented, not);
    const worse = await ok<{ id: string }>(
      alex.client.post('/api/screens/gad7', { answers: gad7(1, 3) }),
      201,
    );
    expect(
      (await listAlerts(t.deps.database.db, consented.id)).map((x) => [x.kind, x.sourceId]),
    ).toEqual([['deterioration', worse.id]]);
    expect(await alertsOf(not)).toEqual([]);
  });
});

/** GAD-7 answers: `each` for every item, plus `extra` points on the first ones (one each). */
function gad7(each: number, extra = 0) {
  return Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((n) => [`gad7.${n}`, Math.min(3, each + (n <= extra ? 1 : 0))]),
  );
}

describe('the partner never learns', () => {
  it("the partner's reads are the same before and after the other links a therapist", async () => {
    const th = await makeTherapist(t.app, t.deps, { slug: 'robin' });
    const { a, b } = await makeCouple(t.app);
    const reads = [
      '/api/journey',
      '/api/auth/session',
      '/api/checkins',
      '/api/letters',
      '/api/agreements',
      '/api/commitments',
      '/api/program',
      '/api/my-therapists',
    ];
    const snapshot = async () =>
      Promise.all(
        reads.map(async (url) => {
          const res = await b.client.get(url);
          return `${url} ${res.statusCode} ${res.body}`;
        }),
      );
    const before = await snapshot();
    const link = await linked(a, th, 'robin', true);
    for (const category of ['checkins', 'agreements', 'program', 'safety']) {
      await ok(
        a.client.put(`/api/my-therapists/${link.id}/consents/${category}`, { granted: true }),
      );
    }
    await ok(a.client.post('/api/screens/phq9', { answers: phq9(1) }), 201);
    expect(await snapshot()).toEqual(before);
    // And the partner cannot touch the link either.
    expect(await codeOf(b.client.post(`/api/my-therapists/${link.id}/end`))).toBe('404 not_found');
  });
});

describe('the one-open-link index (migration 0013)', () => {
  it('refuses a second open link for the same client and therapist, and allows ended ones', async () => {
    const th = await makeTherapist(t.app, t.deps);
    const alex = await makeMember(t.app, 'Alex');
    const db = t.deps.database.db;
    const row = (id: string, status: 'requested' | 'active' | 'ended') => ({
      id,
      client_id: alex.id,
      therapist_id: th.id,
      status,
      alert_crisis: 0,
      created_at: 1,
      accepted_at: null,
      ended_at: null,
      ended_by: null,
    });
    await db.insertInto('therapist_links').values(row(crypto.randomUUID(), 'ended')).execute();
    await db.insertInto('therapist_links').values(row(crypto.randomUUID(), 'ended')).execute();
    await db.insertInto('therapist_links').values(row(crypto.randomUUID(), 'requested')).execute();
    const second = db.insertInto('therapist_links').values(row(crypto.randomUUID(), 'active'));
    const error = await second.execute().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
  });
});
