import type { FastifyInstance } from 'fastify';
import { PASSWORD, TestClient, uniqueEmail, type Member } from './harness.js';
import type { TestApp } from './harness.js';
import { readyStaff } from './two-factor.js';

/**
 * A therapist account that signs in: made as a person, then given the therapist role in the
 * database (the invite flow belongs to another feature), and signed in again.
 */
export async function makeTherapist(t: TestApp, displayName = 'Robin Vale'): Promise<Member> {
  const client = new TestClient(t.app);
  const email = uniqueEmail('therapist');
  const signup = await client.post('/api/auth/signup', { email, password: PASSWORD, displayName });
  if (signup.statusCode !== 201) throw new Error(`signup failed: ${signup.body}`);
  const m: Member = {
    client,
    id: signup.json<{ user: { id: string } }>().user.id,
    email,
    displayName,
  };
  await t.deps.database.db
    .updateTable('users')
    .set({ role: 'therapist' })
    .where('id', '=', m.id)
    .execute();
  const res = await m.client.post('/api/auth/signin', { email: m.email, password: PASSWORD });
  if (res.statusCode !== 200) throw new Error(`therapist sign-in failed: ${res.body}`);
  await readyStaff(t.app, m.client);
  return m;
}

/** The practice's administrator, through the one-time setup. */
export async function makeAdmin(app: FastifyInstance): Promise<TestClient> {
  const admin = new TestClient(app);
  const res = await admin.post('/api/setup', {
    email: uniqueEmail('admin'),
    password: PASSWORD,
    displayName: 'Admin',
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  await readyStaff(app, admin);
  return admin;
}

/** A profile body with everything filled in, to change field by field. */
export const fullProfile = {
  name: 'Robin Vale',
  title: 'Couples therapist',
  bio: 'I work with couples after betrayal.\n\nSessions are calm and paced by you.',
  approaches: ['eft'],
  formats: ['couples', 'individual'],
  languages: ['en', 'pt-br'],
  betrayalExperience: true,
  online: true,
  inPerson: false,
  accepting: true,
  availability: 'Tuesday and Thursday evenings.',
  published: true,
};

/** The smallest real PNG: a 1×1 transparent pixel. */
export const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
