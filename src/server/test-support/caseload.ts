import type { FastifyInstance } from 'fastify';
import { readyStaff } from './two-factor.js';
import type { ConsentCategory } from '../../core/access/consent.js';
import { createAccount } from '../auth/accounts.js';
import type { Deps } from '../deps.js';
import { PASSWORD, TestClient, uniqueEmail } from './harness.js';

/**
 * The therapist's side in tests: therapist accounts, and links, consents and alerts written
 * straight into their tables (the consent feature builds the requests, acceptance and consent
 * changes; these factories stand in for them so that the caseload can be tested on its own).
 */

export interface Therapist {
  readonly client: TestClient;
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

type FactoryDeps = Pick<Deps, 'database' | 'sealer' | 'passwords' | 'clock' | 'newId'>;

/** A therapist account, signed in through the API. */
export async function makeTherapist(
  app: FastifyInstance,
  deps: FactoryDeps,
  displayName = 'Dr Rivera',
): Promise<Therapist> {
  const email = uniqueEmail('therapist');
  const account = await createAccount(deps, {
    email,
    password: PASSWORD,
    displayName,
    role: 'therapist',
  });
  const client = new TestClient(app);
  const res = await client.post('/api/auth/signin', { email, password: PASSWORD });
  if (res.statusCode !== 200) throw new Error(`therapist sign-in failed: ${res.body}`);
  await readyStaff(app, client);
  return { client, id: account.id, email, displayName };
}

/** Writes a link between a client and a therapist, with the client's consents; returns its id. */
export async function linkClient(
  deps: Pick<Deps, 'database' | 'clock' | 'newId'>,
  l: {
    clientId: string;
    therapistId: string;
    status?: 'requested' | 'active' | 'ended';
    consents?: readonly ConsentCategory[];
    alertCrisis?: boolean;
    at?: number;
  },
): Promise<string> {
  const db = deps.database.db;
  const id = deps.newId();
  const at = l.at ?? deps.clock();
  const status = l.status ?? 'active';
  await db
    .insertInto('therapist_links')
    .values({
      id,
      client_id: l.clientId,
      therapist_id: l.therapistId,
      status,
      alert_crisis: l.alertCrisis ? 1 : 0,
      created_at: at,
      accepted_at: status === 'requested' ? null : at,
      ended_at: status === 'ended' ? at : null,
      ended_by: status === 'ended' ? l.clientId : null,
    })
    .execute();
  const consents = l.consents ?? [];
  if (consents.length > 0)
    await db
      .insertInto('link_consents')
      .values(consents.map((category) => ({ link_id: id, category, granted_at: at })))
      .execute();
  return id;
}

/** Ends a link, as either side would. */
export async function endLink(deps: Pick<Deps, 'database' | 'clock'>, linkId: string) {
  await deps.database.db
    .updateTable('therapist_links')
    .set({ status: 'ended', ended_at: deps.clock() })
    .where('id', '=', linkId)
    .execute();
}

/** Sets a link's consents to exactly these categories. */
export async function setConsents(
  deps: Pick<Deps, 'database' | 'clock'>,
  linkId: string,
  consents: readonly ConsentCategory[],
) {
  const db = deps.database.db;
  await db.deleteFrom('link_consents').where('link_id', '=', linkId).execute();
  if (consents.length > 0)
    await db
      .insertInto('link_consents')
      .values(consents.map((category) => ({ link_id: linkId, category, granted_at: deps.clock() })))
      .execute();
}

/** Writes an alert for a therapist about a client; returns its id. */
export async function raiseAlert(
  deps: Pick<Deps, 'database' | 'clock' | 'newId'>,
  a: {
    linkId: string;
    therapistId: string;
    clientId: string;
    kind: 'crisis_item9' | 'crisis_safety' | 'deterioration';
    at?: number;
    seen?: boolean;
  },
): Promise<string> {
  const id = deps.newId();
  const at = a.at ?? deps.clock();
  await deps.database.db
    .insertInto('therapist_alerts')
    .values({
      id,
      link_id: a.linkId,
      therapist_id: a.therapistId,
      client_id: a.clientId,
      kind: a.kind,
      source_id: null,
      at,
      seen_at: a.seen ? at : null,
    })
    .execute();
  return id;
}
