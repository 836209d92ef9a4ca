import type { FastifyInstance } from 'fastify';
import { PASSWORD, TestClient, tokenOf, uniqueEmail, type Member } from './harness.js';
import { readyStaff } from './two-factor.js';

/** The practice's administrator, made through first-run setup (one per app). */
export async function makeAdmin(app: FastifyInstance, displayName = 'Admin'): Promise<Member> {
  const client = new TestClient(app);
  const email = uniqueEmail('admin');
  const res = await client.post('/api/setup', { email, password: PASSWORD, displayName });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  await readyStaff(app, client);
  return { client, id: res.json<{ user: { id: string } }>().user.id, email, displayName };
}

/** An open therapist invitation the administrator made: its id, link and token. */
export async function inviteTherapist(admin: TestClient, email = uniqueEmail('therapist')) {
  const res = await admin.post('/api/therapists/invites', { email });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  const created = res.json<{ id: string; url: string; expiresAt: number; emailed: boolean }>();
  return { ...created, email, token: tokenOf(created.url) };
}

/**
 * A therapist who joined through the administrator's invitation, signed in, with the two-factor
 * sign-in every therapist needs turned on.
 */
export async function makeTherapist(
  app: FastifyInstance,
  admin: TestClient,
  displayName = 'Dr Robin Ash',
): Promise<Member> {
  const invite = await inviteTherapist(admin);
  const client = new TestClient(app);
  const res = await client.post('/api/therapist-invites/accept', {
    token: invite.token,
    displayName,
    password: PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  await readyStaff(app, client);
  return {
    client,
    id: res.json<{ user: { id: string } }>().user.id,
    email: invite.email,
    displayName,
  };
}
