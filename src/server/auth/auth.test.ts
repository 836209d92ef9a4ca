import { describe, expect, it } from 'vitest';
import {
  SIGNIN_LIMIT_ACCOUNT,
  SIGNIN_LIMIT_ACCOUNT_ADDRESS,
  SIGNIN_LIMIT_ACCOUNT_ADDRESS_UNDER_GUESSING,
  SIGNIN_LIMIT_ADDRESS,
} from './auth.service.js';
import { CSRF_HEADER, USER_HEADER } from '../http/access.js';
import {
  createTestApp,
  makeJourney,
  useTestApp,
  makeMember,
  PASSWORD,
  TestClient,
  uniqueEmail,
} from '../test-support/harness.js';

const t = useTestApp();

const session = async (client: TestClient) =>
  (await client.get('/api/auth/session')).json<{ user: { email: string } | null }>();

describe('accounts and sessions', () => {
  it('signs up, signs out and signs back in', async () => {
    const alex = await makeMember(t.app);
    const who = await alex.client.get('/api/auth/session');
    // The client clears its screen after the same time without use.
    expect(who.json()).toMatchObject({ user: { email: alex.email }, idleMinutes: 30 });
    expect((await alex.client.post('/api/auth/signout')).statusCode).toBe(204);
    expect((await session(alex.client)).user).toBeNull();
    const back = await alex.client.post('/api/auth/signin', {
      email: alex.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(back.statusCode).toBe(200);
    expect((await session(alex.client)).user?.email).toBe(alex.email);
  });

  it('sets the session as an HttpOnly SameSite cookie and stores only its hash', async () => {
    const client = new TestClient(t.app);
    const res = await client.post('/api/auth/signup', {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: 'Robin',
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = client.cookie?.split('=')[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await t.deps.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const alex = await makeMember(t.app);
    const stranger = new TestClient(t.app, '10.9.9.9');
    const wrong = await stranger.post('/api/auth/signin', {
      email: alex.email,
      password: 'not my password',
    });
    const unknown = await stranger.post('/api/auth/signin', {
      email: uniqueEmail('nobody'),
      password: 'not my password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a common password and a short one, with messages that say why', async () => {
    const client = new TestClient(t.app);
    const common = await client.post('/api/auth/signup', {
      email: uniqueEmail(),
      password: 'Password123',
      displayName: 'Robin',
    });
    expect(common.statusCode).toBe(422);
    expect(common.json().code).toBe('auth.password_weak');
    const short = await client.post('/api/auth/signup', {
      email: uniqueEmail(),
      password: 'short',
      displayName: 'Robin',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toBe('Please use at least 8 characters.');
  });

  it('stops an address that keeps failing on an account, while the person signs in from elsewhere', async () => {
    const alex = await makeMember(t.app);
    const snooper = new TestClient(t.app, '10.2.0.1');
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT_ADDRESS; i++) {
      const res = await snooper.post('/api/auth/signin', { email: alex.email, password: 'guess' });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await snooper.post('/api/auth/signin', {
      email: alex.email,
      password: PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.rate_limited');
    const row = await t.deps.database.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', 'like', 'signin:acct-ip:%')
      .executeTakeFirst();
    expect(row?.count).toBe(SIGNIN_LIMIT_ACCOUNT_ADDRESS);

    const elsewhere = new TestClient(t.app, '10.3.0.1');
    expect(
      (await elsewhere.post('/api/auth/signin', { email: alex.email, password: PASSWORD }))
        .statusCode,
    ).toBe(200);

    t.clock.advance(15 * 60_000);
    expect(
      (await snooper.post('/api/auth/signin', { email: alex.email, password: PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('lets the owner in from another address after 51 wrong tries from one address', async () => {
    const alex = await makeMember(t.app);
    const snooper = new TestClient(t.app, '10.2.1.1');
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT + 1; i++) {
      await snooper.post('/api/auth/signin', { email: alex.email, password: 'guess' });
    }
    const owner = new TestClient(t.app, '10.3.1.1');
    const res = await owner.post('/api/auth/signin', { email: alex.email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
  });

  it('under guessing spread over many addresses, gives each address few tries but lets the right password in', async () => {
    const alex = await makeMember(t.app);
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT; i++) {
      const res = await new TestClient(t.app, `10.4.${i >> 8}.${i & 255}`).post(
        '/api/auth/signin',
        {
          email: alex.email,
          password: 'guess',
        },
      );
      expect(res.statusCode).toBe(401);
    }
    const another = new TestClient(t.app, '10.9.0.2');
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT_ADDRESS_UNDER_GUESSING; i++) {
      expect(
        (await another.post('/api/auth/signin', { email: alex.email, password: 'guess' }))
          .statusCode,
      ).toBe(401);
    }
    expect(
      (await another.post('/api/auth/signin', { email: alex.email, password: 'guess' })).statusCode,
    ).toBe(429);
    const owner = new TestClient(t.app, '10.9.0.1');
    expect(
      (await owner.post('/api/auth/signin', { email: alex.email, password: PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('does not count good sign-ins: a busy shared address does not lock the next person out', async () => {
    const alex = await makeMember(t.app, 'Alex');
    const sam = await makeMember(t.app, 'Sam');
    const office = new TestClient(t.app, '10.6.0.1');
    for (let i = 0; i < SIGNIN_LIMIT_ADDRESS + 5; i++) {
      const res = await office.post('/api/auth/signin', { email: alex.email, password: PASSWORD });
      expect(res.statusCode).toBe(200);
    }
    const next = new TestClient(t.app, '10.6.0.1');
    expect(
      (await next.post('/api/auth/signin', { email: sam.email, password: PASSWORD })).statusCode,
    ).toBe(200);
    const counts = await t.deps.database.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', 'like', 'signin:%')
      .where('key', 'like', '%10.6.0.1%')
      .execute();
    expect(counts.every((c) => c.count === 0)).toBe(true);
  });

  it('counts parallel guesses before checking them, so a burst cannot pass the limit', async () => {
    const alex = await makeMember(t.app);
    const guesses = Array.from({ length: SIGNIN_LIMIT_ACCOUNT_ADDRESS + 5 }, () =>
      new TestClient(t.app, '10.5.0.1').post('/api/auth/signin', {
        email: alex.email,
        password: 'guess',
      }),
    );
    const statuses = (await Promise.all(guesses)).map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGNIN_LIMIT_ACCOUNT_ADDRESS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('refuses a password of fewer than 8 characters, counting characters not UTF-16 units', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      email: uniqueEmail(),
      password: '😀😀😀😀',
      displayName: 'Robin',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Please use at least 8 characters.');
  });

  it('refuses a change from a page acting for someone else than the signed-in person', async () => {
    const alex = await makeMember(t.app, 'Alex');
    await makeJourney(alex, { path: 'solo' });
    const asSam = await alex.client.request(
      'POST',
      '/api/checkins',
      { feelings: [{ feeling: 'hurt', intensity: 2 }], note: 'meant for another account' },
      { [USER_HEADER]: '00000000-0000-4000-8000-000000000000' },
    );
    expect(asSam.statusCode).toBe(409);
    expect(asSam.json().code).toBe('session.changed');
    expect((await alex.client.get('/api/checkins')).json().items).toEqual([]);
    const asAlex = await alex.client.request(
      'POST',
      '/api/checkins',
      { feelings: [{ feeling: 'hurt', intensity: 2 }] },
      { [USER_HEADER]: alex.id },
    );
    expect(asAlex.statusCode).toBe(201);
  });

  it('limits sign-in attempts per address', async () => {
    const client = new TestClient(t.app, '10.4.0.1');
    let last = 0;
    for (let i = 0; i < 51; i++) {
      last = (await client.post('/api/auth/signin', { email: uniqueEmail('x'), password: 'guess' }))
        .statusCode;
    }
    expect(last).toBe(429);
  });

  it('ends a session after the idle timeout', async () => {
    const alex = await makeMember(t.app);
    t.clock.advance(29 * 60_000);
    expect((await session(alex.client)).user).not.toBeNull();
    t.clock.advance(29 * 60_000); // used a minute ago, so still alive
    expect((await session(alex.client)).user).not.toBeNull();
    t.clock.advance(31 * 60_000);
    expect((await session(alex.client)).user).toBeNull();
    expect((await alex.client.get('/api/journey')).statusCode).toBe(401);
  });

  it('counts idle time from the last use exactly, even a use that did not write: alive just before the limit', async () => {
    const alex = await makeMember(t.app);
    // 59 s after sign-in: a use within the slack (60 s for 30 minutes), so nothing is written.
    t.clock.advance(59_000);
    expect((await session(alex.client)).user).not.toBeNull();
    // A millisecond before 30 minutes after that use: still signed in (a minute early before).
    t.clock.advance(30 * 60_000 - 1);
    expect((await session(alex.client)).user).not.toBeNull();
  });

  it('ends an unused session at the idle limit plus the slack, never later', async () => {
    const alex = await makeMember(t.app);
    const sam = await makeMember(t.app, 'Sam');
    t.clock.advance(30 * 60_000 + 60_000 - 1);
    expect((await session(alex.client)).user).not.toBeNull();
    t.clock.advance(1);
    expect((await session(sam.client)).user).toBeNull();
  });

  it('makes a 5-minute limit act as five minutes, not four', async () => {
    const five = await createTestApp({ config: { SESSION_IDLE_MINUTES: '5' } });
    try {
      const [alex, sam, jo] = [
        await makeMember(five.app),
        await makeMember(five.app, 'Sam'),
        await makeMember(five.app, 'Jo'),
      ];
      // Alex uses the app 59 s after signing in; Sam and Jo not at all.
      five.clock.advance(59_000);
      expect((await session(alex.client)).user).not.toBeNull();
      // Unused, the session outlives five minutes by the slack (15 s) and not a millisecond more.
      five.clock.advance(4 * 60_000 + 16_000 - 1);
      expect((await session(jo.client)).user).not.toBeNull();
      five.clock.advance(1);
      expect((await session(sam.client)).user).toBeNull();
      // A millisecond before five minutes after Alex's last use: still signed in.
      five.clock.advance(59_000 - 15_000 - 1);
      expect((await session(alex.client)).user).not.toBeNull();
    } finally {
      await five.close();
    }
  });

  it('ends a session at the absolute timeout however active it is', async () => {
    const alex = await makeMember(t.app);
    // Used every 15 minutes for 11 h 45 min: still signed in, never idle.
    for (let quarter = 1; quarter <= 47; quarter++) {
      t.clock.advance(15 * 60_000);
      expect((await session(alex.client)).user, `after ${quarter * 15} min`).not.toBeNull();
    }
    t.clock.advance(15 * 60_000); // 12 h after signing in
    expect((await session(alex.client)).user).toBeNull();
  });

  it('rotates the session at sign-in: the old token stops working', async () => {
    const alex = await makeMember(t.app);
    const before = alex.client.cookie;
    await alex.client.post('/api/auth/signin', { email: alex.email, password: PASSWORD });
    expect(alex.client.cookie).not.toBe(before);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/journey',
      headers: { cookie: before ?? '' },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('CSRF defence', () => {
  it('refuses a state change without the app header, and from another origin', async () => {
    const alex = await makeMember(t.app);
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/journey',
      headers: { cookie: alex.client.cookie ?? '', 'content-type': 'application/json' },
      payload: JSON.stringify({
        path: 'solo',
        role: 'hurt',
        kinds: ['lying'],
        cameToLight: 'this_week',
      }),
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('csrf.missing');
    const foreign = await alex.client.request(
      'POST',
      '/api/journey',
      { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_week' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    expect((await alex.client.get('/api/journey')).json().journey).toBeNull();
    const same = await alex.client.request(
      'POST',
      '/api/journey',
      { path: 'solo', role: 'hurt', kinds: ['lying'], cameToLight: 'this_week' },
      { origin: 'http://steadfast.test' },
    );
    expect(same.statusCode).toBe(201);
  });

  it('without PUBLIC_ORIGIN, accepts its own host as the origin, and still refuses others', async () => {
    const local = await createTestApp({ config: { PUBLIC_ORIGIN: '' } });
    try {
      const body = { email: uniqueEmail(), password: PASSWORD, displayName: 'Robin' };
      const send = (origin: string) =>
        local.app.inject({
          method: 'POST',
          url: '/api/auth/signup',
          headers: { [CSRF_HEADER]: '1', origin, host: '127.0.0.1:3000' },
          payload: { ...body, email: uniqueEmail() },
        });
      expect((await send('http://127.0.0.1:3000')).statusCode).toBe(201);
      expect((await send('http://localhost:3000')).statusCode).toBe(201);
      expect((await send('http://evil.example')).statusCode).toBe(403);
      // DNS rebinding: the attacker's page is same-origin with its own (rebound) host name.
      const rebound = await local.app.inject({
        method: 'POST',
        url: '/api/setup',
        headers: {
          [CSRF_HEADER]: '1',
          origin: 'http://evil.example:3000',
          host: 'evil.example:3000',
        },
        payload: { ...body, email: uniqueEmail() },
      });
      expect(rebound.statusCode).toBe(403);
    } finally {
      await local.close();
    }
  });

  it('refuses sign-in without the header too (login CSRF)', async () => {
    const alex = await makeMember(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      payload: { email: alex.email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
  });
});
