import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CurrentTimeout, Timeout } from '../../../shared/api/timeouts.js';
import {
  makeCouple,
  makeJourney,
  makeMember,
  tokenOf,
  useTestApp,
  type Member,
} from '../../test-support/harness.js';
import { insertTimeout } from './timeouts.store.js';

const t = useTestApp();
const MINUTE = 60_000;

const current = async (m: Member) =>
  (await m.client.get('/api/timeouts/current')).json<CurrentTimeout>().timeout;

async function call(m: Member, minutes: number) {
  const res = await m.client.post('/api/timeouts', { minutes });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Timeout>();
}

describe('agreed time-outs', () => {
  it('the partner sees only the return time; the caller sees their own, to end it', async () => {
    const { a, b } = await makeCouple(t.app);
    const now = t.clock();
    const called = await call(a, 90);
    expect(called).toEqual({ id: expect.any(String), until: now + 90 * MINUTE, mine: true });

    expect((await b.client.get('/api/timeouts/current')).json()).toEqual({
      timeout: { until: now + 90 * MINUTE, mine: false },
    });
    expect(await current(a)).toEqual(called);
  });

  it('the caller can end it early; no one else can', async () => {
    const { a, b } = await makeCouple(t.app);
    const { id } = await call(a, 30);
    const end = await b.client.post(`/api/timeouts/${id}/end`);
    expect(end.statusCode).toBe(404);
    expect(end.json().code).toBe('timeout.not_found');
    expect(await current(b)).not.toBeNull();

    expect((await a.client.post(`/api/timeouts/${id}/end`)).statusCode).toBe(204);
    expect(await current(a)).toBeNull();
    expect(await current(b)).toBeNull();
    // Once it has ended, either partner may call another.
    expect((await call(b, 20)).mine).toBe(true);
  });

  it('refuses a second time-out while one runs, with a clear message', async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await call(a, 60);
    for (const m of [b, a]) {
      const res = await m.client.post('/api/timeouts', { minutes: 20 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'timeout.running',
        detail:
          'A time-out is already running on your journey. You will both come back to this when it ends.',
      });
    }
    expect(await current(a)).toEqual(first);
  });

  it('two time-outs called at the same moment: one runs, the other is refused', async () => {
    const { a, b } = await makeCouple(t.app);
    const results = await Promise.all([
      a.client.post('/api/timeouts', { minutes: 20 }),
      b.client.post('/api/timeouts', { minutes: 120 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const winner = results.find((r) => r.statusCode === 201)!.json<Timeout>();
    expect((await current(a))?.until).toBe(winner.until);
  });

  it('the database itself keeps one open time-out per journey, whatever the checks saw', async () => {
    const { a, b, journeyId } = await makeCouple(t.app);
    const db = t.deps.database.db;
    const now = t.clock();
    const base = { journeyId, now, until: now + 10 * MINUTE };
    await insertTimeout(db, { ...base, id: randomUUID(), callerId: a.id });
    await expect(
      insertTimeout(db, { ...base, id: randomUUID(), callerId: b.id }),
    ).rejects.toThrow();
    // One that ran out is closed when the next is called.
    t.clock.advance(10 * MINUTE);
    const later = { journeyId, now: t.clock(), until: t.clock() + 10 * MINUTE };
    await insertTimeout(db, { ...later, id: randomUUID(), callerId: b.id });
    expect(await current(a)).toEqual({ until: later.until, mine: false });
  });

  it('stops showing at its return time, and another can then be called', async () => {
    const { a, b } = await makeCouple(t.app);
    await call(a, 10);
    t.clock.advance(10 * MINUTE - 1);
    expect(await current(b)).not.toBeNull();
    t.clock.advance(1);
    expect(await current(a)).toBeNull();
    expect(await current(b)).toBeNull();
    const next = await call(b, 24 * 60);
    expect(await current(a)).toEqual({ until: next.until, mine: false });
  });

  it('lasts from 10 minutes to 24 hours', async () => {
    const { a } = await makeCouple(t.app);
    for (const minutes of [9, 24 * 60 + 1, 12.5]) {
      const res = await a.client.post('/api/timeouts', { minutes });
      expect(res.statusCode).toBe(400);
    }
    const short = await a.client.post('/api/timeouts', { minutes: 9 });
    expect(short.json().detail).toBe('A time-out lasts from 10 minutes to 24 hours.');
    expect(await current(a)).toBeNull();
  });

  it('waits for the caller’s own private safety check', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam', { safetyCheck: false });
    await makeJourney(alex);
    const invite = await alex.client.post('/api/journey/invites', {});
    const token = tokenOf(invite.json<{ url: string }>().url);
    expect(
      (await sam.client.post('/api/invites/accept', { token, role: 'broke_trust' })).statusCode,
    ).toBe(200);
    const res = await sam.client.post('/api/timeouts', { minutes: 30 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('safety.check_needed');
    expect(await current(alex)).toBeNull();
  });

  it('is agreed between partners: not on a path of one’s own, and never seen outside the journey', async () => {
    const robin = await makeMember(t.app, 'Robin');
    await makeJourney(robin, { path: 'solo' });
    const res = await robin.client.post('/api/timeouts', { minutes: 30 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('timeout.no_partner');

    const { a } = await makeCouple(t.app);
    const { id } = await call(a, 30);
    expect(await current(robin)).toBeNull();
    expect((await robin.client.post(`/api/timeouts/${id}/end`)).statusCode).toBe(404);
    expect(await current(a)).not.toBeNull();
    // Without any journey it does not exist either: not found, not "no journey".
    const pat = await makeMember(t.app, 'Pat');
    const ended = await pat.client.post(`/api/timeouts/${id}/end`);
    expect(ended.statusCode).toBe(404);
    expect(ended.json().code).toBe('timeout.not_found');
    expect(await current(pat)).toBeNull();
  });
});
