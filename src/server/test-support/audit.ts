import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../auth/accounts.js';
import type { Deps } from '../deps.js';
import type { NewAuditEvent } from '../features/audit/audit.store.js';
import { PASSWORD, TestClient, uniqueEmail } from './harness.js';
import { readyStaff } from './two-factor.js';

/** A therapist account, stored directly (their invite and sign-up are another feature's). */
export async function storeTherapist(deps: Deps, displayName = 'Dr. Lee') {
  return createAccount(deps, {
    email: uniqueEmail('therapist'),
    password: PASSWORD,
    displayName,
    role: 'therapist',
  });
}

/** The practice's first administrator, signed in (through first-run setup). */
export async function makeAdmin(app: FastifyInstance, displayName = 'Admin'): Promise<TestClient> {
  const admin = new TestClient(app);
  const res = await admin.post('/api/setup', {
    email: uniqueEmail('admin'),
    password: PASSWORD,
    displayName,
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  await readyStaff(app, admin);
  return admin;
}

/** A therapist's read of some of a client's items, as the features that show them write it. */
export const readEvent = (
  at: number,
  therapistId: string,
  clientId: string,
  category: string,
  items: string[] = [randomUUID()],
): NewAuditEvent => ({
  id: randomUUID(),
  at,
  actorId: therapistId,
  actorRole: 'therapist',
  action: 'read',
  subjectId: clientId,
  category,
  items,
  requestId: `req-${randomUUID().slice(0, 8)}`,
});
