import { afterEach, describe, expect, it } from 'vitest';
import { SIGNIN_LIMIT_ADDRESS } from '../auth/auth.service.js';
import { CSRF_HEADER } from './access.js';
import { createTestApp, type TestApp, uniqueEmail } from '../test-support/harness.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A wrong sign-in that arrives through the proxy at 127.0.0.1 with the given X-Forwarded-For. */
const guessVia = (app: TestApp, forwardedFor: string) =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    remoteAddress: '127.0.0.1',
    headers: { [CSRF_HEADER]: '1', 'x-forwarded-for': forwardedFor },
    payload: { email: uniqueEmail('x'), password: 'guess' },
  });

describe.each([
  ['a hop count', '1'],
  ["the proxy's address", '127.0.0.1'],
  ["the proxy's range", '127.0.0.0/8, ::1'],
])('behind a proxy given as %s', (_name, trustProxy) => {
  it('counts the address the proxy saw, whatever the client forges on the left', async () => {
    t = await createTestApp({ config: { TRUST_PROXY: trustProxy } });
    for (let i = 0; i < SIGNIN_LIMIT_ADDRESS; i++) {
      const res = await guessVia(t, `198.51.100.${i}, 203.0.113.7`);
      expect(res.statusCode).toBe(401);
    }
    expect((await guessVia(t, '198.51.100.250, 203.0.113.7')).statusCode).toBe(429);
    expect((await guessVia(t, '203.0.113.7')).statusCode).toBe(429);
    expect((await guessVia(t, '203.0.113.7, 203.0.113.8')).statusCode).toBe(401);
  });
});
