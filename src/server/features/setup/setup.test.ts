import { describe, expect, it } from 'vitest';
import { useTestApp, PASSWORD, TestClient, uniqueEmail } from '../../test-support/harness.js';
import { setUpAdmin } from '../../test-support/two-factor.js';

const t = useTestApp();

describe('first run', () => {
  it('creates the administrator once, after which setup is gone', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/api/setup')).json()).toEqual({ needed: true });
    const first = await client.get('/');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/setup');
    const created = await client.post('/api/setup', {
      email: uniqueEmail('admin'),
      password: PASSWORD,
      displayName: 'Practice admin',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.role).toBe('admin');
    expect((await client.get('/api/setup')).json()).toEqual({ needed: false });

    const again = await new TestClient(t.app).post('/api/setup', {
      email: uniqueEmail('admin'),
      password: PASSWORD,
      displayName: 'Intruder',
    });
    expect(again.statusCode).toBe(404);
    const page = await t.app.inject({
      method: 'GET',
      url: '/setup',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(404);
    const admins = await t.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
  });

  it('keeps setup open when the first attempt is refused', async () => {
    const client = new TestClient(t.app);
    const weak = await client.post('/api/setup', {
      email: uniqueEmail('admin'),
      password: 'password1',
      displayName: 'Admin',
    });
    expect(weak.statusCode).toBe(422);
    expect((await client.get('/api/setup')).json()).toEqual({ needed: true });
  });

  it('an administrator cannot start or read a journey', async () => {
    // With two-factor sign-in on, so that what refuses them is their role.
    const { client } = await setUpAdmin(t.app, t.clock);
    expect((await client.get('/api/journey')).statusCode).toBe(403);
    expect(
      (
        await client.post('/api/journey', {
          path: 'solo',
          role: 'hurt',
          kinds: ['lying'],
          cameToLight: 'this_week',
        })
      ).statusCode,
    ).toBe(403);
    expect((await client.get('/api/checkins')).statusCode).toBe(403);
  });
});
