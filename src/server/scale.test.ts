import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNIN_LIMIT_ACCOUNT_ADDRESS } from './auth/auth.service.js';
import {
  createTestApp,
  createTestDatabase,
  makeCouple,
  TestClient,
  writeCheckin,
  type TestApp,
  type TestDatabase,
} from './test-support/harness.js';

/** Two app instances over one database: nothing one instance needs lives only in the other's memory. */
let db1: TestDatabase;
let one: TestApp;
let two: TestApp;
beforeAll(async () => {
  db1 = await createTestDatabase();
  const key = randomBytes(32).toString('base64');
  one = await createTestApp({ testDb: db1, config: { STEADFAST_MASTER_KEY: key } });
  const second = { ...db1, database: db1.reopen() };
  two = await createTestApp({ testDb: second, config: { STEADFAST_MASTER_KEY: key } });
});
afterAll(async () => {
  await one.close();
  await two.close();
  await two.testDb.database.close();
  await db1.drop();
});

describe('two app instances, one database', () => {
  it('a session made on one instance works on the other, and sign-out ends it on both', async () => {
    const { a, b } = await makeCouple(one.app);
    const { id } = await writeCheckin(a, 'written on instance one');
    await a.client.put(`/api/checkins/${id}/visibility`, { visibility: 'partner' });

    const bOnTwo = new TestClient(two.app);
    bOnTwo.cookie = b.client.cookie;
    const seen = await bOnTwo.get(`/api/checkins/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().note).toBe('written on instance one');

    await bOnTwo.post('/api/auth/signout');
    expect((await b.client.get('/api/journey')).statusCode).toBe(401);
  });

  it('counts failed sign-ins across instances', async () => {
    const { a } = await makeCouple(one.app);
    for (let i = 0; i < SIGNIN_LIMIT_ACCOUNT_ADDRESS; i++) {
      const app = i % 2 === 0 ? one.app : two.app;
      await new TestClient(app, '10.7.0.1').post('/api/auth/signin', {
        email: a.email,
        password: 'guess',
      });
    }
    const res = await new TestClient(two.app, '10.7.0.1').post('/api/auth/signin', {
      email: a.email,
      password: 'a long and quiet river',
    });
    expect(res.statusCode).toBe(429);
  });
});
