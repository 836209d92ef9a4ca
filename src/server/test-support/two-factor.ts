import { generateSync } from 'otplib';
import type { FastifyInstance } from 'fastify';
import { clockOf, PASSWORD, staffSecrets, TestClient, uniqueEmail } from './harness.js';

/** The code an authenticator app shows for this secret at the clock's time. */
export const totpNow = (secret: string, clock: () => number): string =>
  generateSync({ secret, epoch: Math.floor(clock() / 1000) });

/** The otpauth secret (base32) and the recovery codes of a person who turned two-factor on. */
export interface Enrolled {
  readonly secret: string;
  readonly recoveryCodes: readonly string[];
}

/**
 * Turns two-factor sign-in on for the client's account, as the settings screen does: start, then
 * confirm with the app's current code. The code's step is then used: a sign-in at the same clock
 * time needs the next step's code (advance the clock 30 s) or a recovery code.
 */
export async function enrollTotp(client: TestClient, clock: () => number): Promise<Enrolled> {
  const started = await client.post('/api/auth/two-factor/setup');
  if (started.statusCode !== 201) {
    throw new Error(`two-factor setup failed: ${started.statusCode} ${started.body}`);
  }
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await client.post('/api/auth/two-factor/confirm', {
    code: totpNow(secret, clock),
  });
  if (confirmed.statusCode !== 200) {
    throw new Error(`two-factor confirm failed: ${confirmed.statusCode} ${confirmed.body}`);
  }
  return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/**
 * The practice's administrator, made through first-run setup, with two-factor sign-in on (which
 * every administrator needs before any other route answers them).
 */
export async function setUpAdmin(
  app: FastifyInstance,
  clock: () => number,
  displayName = 'Admin',
): Promise<{ client: TestClient; id: string; email: string } & Enrolled> {
  const client = new TestClient(app);
  const email = uniqueEmail('admin');
  const res = await client.post('/api/setup', { email, password: PASSWORD, displayName });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  const enrolled = await enrollTotp(client, clock);
  return { client, id: res.json<{ user: { id: string } }>().user.id, email, ...enrolled };
}

/**
 * Makes a signed-in staff account (an administrator or a therapist) usable: two-factor sign-in is
 * required for them, so every staff helper turns it on here, through the real setup routes.
 */
export async function readyStaff(app: FastifyInstance, client: TestClient): Promise<Enrolled> {
  const enrolled = await enrollTotp(client, clockOf(app));
  const me = await client.get('/api/auth/session');
  const email = me.json<{ user: { email: string } | null }>().user?.email;
  if (email) staffSecrets.set(email, enrolled.secret);
  return enrolled;
}
