import type { FastifyInstance } from 'fastify';
import { createAccount } from '../auth/accounts.js';
import type { Deps } from '../deps.js';
import { PASSWORD, TestClient, uniqueEmail } from './harness.js';
import { readyStaff } from './two-factor.js';

/** A therapist of the practice, signed in through the real sign-in. */
export interface Therapist {
  readonly client: TestClient;
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export interface TherapistOptions {
  readonly displayName?: string;
  /** Publishes a directory profile with this address (slug), so clients can find them. */
  readonly slug?: string;
}

/**
 * Signs the therapist in. One place on purpose: when two-factor sign-in is required for
 * therapists, the code step goes here (sign in, then answer the TOTP challenge) and every test
 * that makes a therapist keeps working.
 */
export async function signInTherapist(
  app: FastifyInstance,
  email: string,
  client = new TestClient(app),
): Promise<TestClient> {
  const res = await client.post('/api/auth/signin', { email, password: PASSWORD });
  if (res.statusCode !== 200)
    throw new Error(`therapist sign-in failed: ${res.statusCode} ${res.body}`);
  return client;
}

/** A therapist account made the way the practice makes them (`createAccount`, role 'therapist'). */
export async function makeTherapist(
  app: FastifyInstance,
  deps: Deps,
  options: TherapistOptions = {},
): Promise<Therapist> {
  const displayName = options.displayName ?? 'Robin Therapist';
  const email = uniqueEmail('therapist');
  const account = await createAccount(deps, {
    email,
    password: PASSWORD,
    displayName,
    role: 'therapist',
  });
  if (options.slug !== undefined) await publishProfile(deps, account.id, options.slug, displayName);
  const client = await signInTherapist(app, email);
  await readyStaff(app, client);
  return { client, id: account.id, email, displayName };
}

/** A published directory profile for a therapist (profiles are public, so plain). */
export async function publishProfile(deps: Deps, userId: string, slug: string, name: string) {
  await deps.database.db
    .insertInto('therapist_profiles')
    .values({
      user_id: userId,
      slug,
      name,
      title: 'Couples therapist',
      bio: 'I work with couples after a betrayal.',
      approaches: JSON.stringify(['eft']),
      formats: JSON.stringify(['couples']),
      languages: JSON.stringify(['en']),
      betrayal_experience: 1,
      online: 1,
      in_person: 0,
      accepting: 1,
      availability: 'Weekday evenings',
      photo: null,
      photo_type: null,
      published: 1,
      updated_at: deps.clock(),
    })
    .execute();
}
