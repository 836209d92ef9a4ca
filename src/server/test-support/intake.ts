import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../core/access/policy.js';
import { createAccount } from '../auth/accounts.js';
import type { Deps } from '../deps.js';
import { PASSWORD, TestClient, uniqueEmail, type Member } from './harness.js';
import { readyStaff } from './two-factor.js';

/** Where the test app says it lives (harness.ts `testConfig`'s PUBLIC_ORIGIN). */
export const TEST_ORIGIN = 'http://steadfast.test';

export interface Staff extends Member {
  readonly role: Role;
}

/**
 * An administrator's or therapist's account, made through the account store (as the invite flow
 * and the CLI do) and signed in. Every staff account in the intake tests is made here, so that a
 * later sign-in step for staff (two-factor) is added in one place.
 */
export async function makeStaff(
  app: FastifyInstance,
  deps: Deps,
  role: Extract<Role, 'admin' | 'therapist'>,
  displayName: string,
): Promise<Staff> {
  const email = uniqueEmail(role);
  const account = await createAccount(deps, { email, password: PASSWORD, displayName, role });
  const client = new TestClient(app);
  const res = await client.post('/api/auth/signin', { email, password: PASSWORD });
  if (res.statusCode !== 200)
    throw new Error(`staff sign-in failed: ${res.statusCode} ${res.body}`);
  await readyStaff(app, client);
  return { client, id: account.id, email, displayName, role };
}

/** A therapist with a directory profile (published unless said), so people can choose them. */
export async function makeTherapist(
  app: FastifyInstance,
  deps: Deps,
  displayName: string,
  options: { published?: boolean } = {},
): Promise<Staff & { slug: string }> {
  const staff = await makeStaff(app, deps, 'therapist', displayName);
  const slug = `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${staff.id.slice(0, 8)}`;
  await deps.database.db
    .insertInto('therapist_profiles')
    .values({
      user_id: staff.id,
      slug,
      name: displayName,
      title: 'Couples therapist',
      bio: 'Works with couples and individuals after a betrayal.',
      approaches: JSON.stringify(['gottman']),
      formats: JSON.stringify(['individual', 'couples']),
      languages: JSON.stringify(['en']),
      betrayal_experience: 1,
      online: 1,
      in_person: 0,
      accepting: 1,
      availability: 'Weekday evenings',
      photo: null,
      photo_type: null,
      published: options.published === false ? 0 : 1,
      updated_at: deps.clock(),
    })
    .execute();
  return { ...staff, slug };
}

/** The practice's intake setting, as the practice settings store keeps it (JSON). */
export async function setIntakeOpen(deps: Deps, open: boolean): Promise<void> {
  const value = JSON.stringify(open);
  await deps.database.db
    .insertInto('practice_settings')
    .values({ key: 'intake_open', value, updated_at: deps.clock() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A complete, valid request as the public form sends it. */
export const intakeFormFields = (over: Record<string, string | undefined> = {}) => {
  const fields: Record<string, string | undefined> = {
    lookingFor: 'couple',
    therapist: '',
    contactMethod: 'email',
    contactDetail: 'robin@example.org',
    safeToLeaveMessage: 'no',
    times: 'Weekday mornings',
    name: 'Robin Quietwater',
    message: 'We would like to talk to someone.',
    ...over,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );
};

/**
 * Posts the public form as a browser does: url-encoded, with no CSRF header, from one of our own
 * pages (`Sec-Fetch-Site: same-origin`) unless other headers are given.
 */
export function postIntakeForm(
  app: FastifyInstance,
  fields: Record<string, string>,
  options: { ip?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/intake',
    remoteAddress: options.ip ?? '10.20.0.1',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: TEST_ORIGIN,
      'sec-fetch-site': 'same-origin',
      ...options.headers,
    },
    payload: new URLSearchParams(fields).toString(),
  });
}
