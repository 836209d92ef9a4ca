import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { consentCategories, type ConsentCategory } from '../../../core/access/consent.js';
import { alertsFor, type AlertEvent } from '../../../core/consent/alerts.js';
import { DomainError } from '../../../core/errors.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  ClientLink,
  ClientLinks,
  ConsentChoices,
  LinkCode,
  LinkDirectory,
  MyLink,
  MyLinks,
  consentApi,
} from '../../../shared/api/consent.js';
import type { Caller } from '../../auth/caller.js';
import { hashToken } from '../../auth/tokens.js';
import { atomically, isUniqueViolation, type Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { appendAudit, type NewAuditEvent } from '../audit/audit.store.js';
import {
  activeAlertLinks,
  changeLinkStatus,
  findLink,
  grantConsent,
  insertAlerts,
  insertLink,
  insertLinkCode,
  isTherapist,
  linksOfClient,
  linksOfTherapist,
  openLinkBetween,
  publishedTherapistBySlug,
  publishedTherapists,
  setAlertCrisis,
  useLinkCode,
  withdrawAllConsents,
  withdrawConsent,
  type StoredLink,
} from './consent.store.js';

/**
 * Linking a client with a therapist, the client's consent per category, and the alerts the client
 * chose. The client asks, the therapist accepts or declines, either ends; every change writes an
 * audit event in the same transaction. Nothing here is ever part of the partner's answers: every
 * read is the caller's own links.
 */

type Api = typeof consentApi;

/** How long a link code works, and its alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, 6/G to mishear. */
export const LINK_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY3479';
const CODE_LENGTH = 8;

/** A new code to read aloud, as two groups of four. */
export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed, in the one form its hash is taken of (case, spaces and dashes ignored). */
export const normalizeLinkCode = (typed: string): string =>
  typed.toUpperCase().replace(/[\s-]/g, '');

const hashLinkCode = (typed: string) => hashToken(`link-code:${normalizeLinkCode(typed)}`);

const choices = (consents: ReadonlySet<ConsentCategory>, active: boolean): ConsentChoices =>
  Object.fromEntries(
    consentCategories.map((c) => [c, active && consents.has(c)]),
  ) as ConsentChoices;

/**
 * An audit event for a change to a link (action `link`, category the link's new status) or to a
 * consent (action `consent`, category the consent category or `crisis_alerts`; written only when
 * the choice changes, so each event turns it the other way). The item is the link's id.
 */
function linkEvent(
  deps: Deps,
  c: Caller,
  link: Pick<StoredLink, 'id' | 'clientId'>,
  action: 'link' | 'consent',
  requestId: string,
  category: string | null = null,
): NewAuditEvent {
  return {
    id: deps.newId(),
    at: deps.clock(),
    actorId: c.userId,
    actorRole: c.accountRole,
    action,
    subjectId: link.clientId,
    category,
    items: [link.id],
    requestId,
  };
}

async function myLinkView(c: Caller, l: StoredLink): Promise<MyLink> {
  const who = await c.keys.people([l.therapistId]);
  return {
    id: l.id,
    therapist: {
      id: l.therapistId,
      name: l.profile?.name ?? who.name(l.therapistId),
      slug: l.profile?.slug ?? null,
    },
    status: l.status,
    alertCrisis: l.alertCrisis,
    consents: choices(l.consents, l.status !== 'ended'),
    createdAt: l.createdAt,
    acceptedAt: l.acceptedAt,
    endedAt: l.endedAt,
    endedBy: l.endedBy === null ? null : l.endedBy === l.clientId ? 'me' : 'therapist',
  };
}

async function clientLinkViews(c: Caller, links: readonly StoredLink[]): Promise<ClientLink[]> {
  const who = await c.keys.people([...new Set(links.map((l) => l.clientId))]);
  return links.map((l) => ({
    id: l.id,
    client: { id: l.clientId, name: who.name(l.clientId) },
    status: l.status,
    consents: choices(l.consents, l.status === 'active'),
    alertCrisis: l.status === 'active' && l.alertCrisis,
    createdAt: l.createdAt,
    acceptedAt: l.acceptedAt,
    endedAt: l.endedAt,
    endedBy: l.endedBy === null ? null : l.endedBy === l.therapistId ? 'me' : 'client',
  }));
}

const one = async (c: Caller, l: StoredLink): Promise<ClientLink> => {
  const [view] = await clientLinkViews(c, [l]);
  if (!view) throw new DomainError('not_found');
  return view;
};

/** The caller's own link (client side), or the same 404 as for no such link. */
async function ownLink(db: Db, c: Caller, id: string): Promise<StoredLink> {
  const link = await findLink(db, id);
  if (!link || link.clientId !== c.userId) throw new DomainError('not_found');
  return link;
}

/** The therapist's own link, or the same 404 as for no such link. */
async function theirLink(db: Db, c: Caller, id: string): Promise<StoredLink> {
  const link = await findLink(db, id);
  if (!link || link.therapistId !== c.userId) throw new DomainError('not_found');
  return link;
}

const reread = async (db: Db, id: string): Promise<StoredLink> => {
  const link = await findLink(db, id);
  if (!link) throw new DomainError('not_found');
  return link;
};

// ——— The client's side ———

export async function myLinks(deps: Deps, c: Caller): Promise<MyLinks> {
  const links = await linksOfClient(deps.database.db, c.userId);
  await c.keys.people([...new Set(links.map((l) => l.therapistId))]);
  return { links: await Promise.all(links.map((l) => myLinkView(c, l))) };
}

export async function linkDirectory(deps: Deps): Promise<LinkDirectory> {
  return { therapists: await publishedTherapists(deps.database.db) };
}

export async function requestLink(
  deps: Deps,
  c: Caller,
  { body }: Pick<Input<Api['request']>, 'body'>,
  requestId = 'internal',
): Promise<MyLink> {
  const { dialect } = deps.database;
  const id = deps.newId();
  try {
    const link = await atomically(deps.database.db, async (trx) => {
      const now = deps.clock();
      let therapistId: string | undefined;
      if (body.slug !== undefined) {
        therapistId = (await publishedTherapistBySlug(trx, body.slug))?.user_id;
        if (!therapistId) throw new DomainError('link.therapist_not_found');
      } else {
        therapistId = await useLinkCode(trx, hashLinkCode(body.code ?? ''), now);
        if (!therapistId || !(await isTherapist(trx, therapistId))) {
          throw new DomainError('link.code_invalid');
        }
      }
      // One open link per client and therapist: two requests at once take turns on PostgreSQL
      // (SQLite runs one transaction at a time), and the unique index refuses what slips by.
      if (dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext(${`link:${c.userId}`}))`.execute(trx);
      }
      if (await openLinkBetween(trx, c.userId, therapistId)) throw new DomainError('link.exists');
      await insertLink(trx, {
        id,
        clientId: c.userId,
        therapistId,
        alertCrisis: body.alertCrisis,
        at: now,
      });
      await appendAudit(trx, dialect, [
        linkEvent(deps, c, { id, clientId: c.userId }, 'link', requestId, 'requested'),
      ]);
      return reread(trx, id);
    });
    return await myLinkView(c, link);
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError('link.exists');
    throw e;
  }
}

export async function changeAlertChoice(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['alertChoice']>, 'params' | 'body'>,
  requestId = 'internal',
): Promise<MyLink> {
  const link = await atomically(deps.database.db, async (trx) => {
    const link = await ownLink(trx, c, params.id);
    if (link.status === 'ended') throw new DomainError('link.ended');
    if (link.alertCrisis !== body.alertCrisis) {
      await setAlertCrisis(trx, link.id, body.alertCrisis);
      await appendAudit(trx, deps.database.dialect, [
        linkEvent(deps, c, link, 'consent', requestId, 'crisis_alerts'),
      ]);
    }
    return reread(trx, link.id);
  });
  return myLinkView(c, link);
}

export async function changeConsent(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['consent']>, 'params' | 'body'>,
  requestId = 'internal',
): Promise<MyLink> {
  const link = await atomically(deps.database.db, async (trx) => {
    const link = await ownLink(trx, c, params.id);
    if (link.status === 'ended') throw new DomainError('link.ended');
    const category = params.category;
    if (link.consents.has(category) !== body.granted) {
      if (body.granted) await grantConsent(trx, link.id, category, deps.clock());
      else await withdrawConsent(trx, link.id, category);
      await appendAudit(trx, deps.database.dialect, [
        linkEvent(deps, c, link, 'consent', requestId, category),
      ]);
    }
    return reread(trx, link.id);
  });
  return myLinkView(c, link);
}

/** Ends a link, from either side: access ends at once and its consents go with it. */
async function end(
  deps: Deps,
  c: Caller,
  find: (db: Db) => Promise<StoredLink>,
  requestId: string,
): Promise<StoredLink> {
  return atomically(deps.database.db, async (trx) => {
    const link = await find(trx);
    const ended = await changeLinkStatus(trx, link.id, ['requested', 'active'], {
      status: 'ended',
      at: deps.clock(),
      by: c.userId,
    });
    if (!ended) throw new DomainError('link.ended');
    await withdrawAllConsents(trx, link.id);
    await appendAudit(trx, deps.database.dialect, [
      linkEvent(deps, c, link, 'link', requestId, 'ended'),
    ]);
    return reread(trx, link.id);
  });
}

export async function endMyLink(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['endMine']>, 'params'>,
  requestId = 'internal',
): Promise<MyLink> {
  return myLinkView(c, await end(deps, c, (db) => ownLink(db, c, params.id), requestId));
}

// ——— The therapist's side ———

export async function clientLinks(deps: Deps, c: Caller): Promise<ClientLinks> {
  return { links: await clientLinkViews(c, await linksOfTherapist(deps.database.db, c.userId)) };
}

async function answer(
  deps: Deps,
  c: Caller,
  id: string,
  accept: boolean,
  requestId: string,
): Promise<ClientLink> {
  const link = await atomically(deps.database.db, async (trx) => {
    const link = await theirLink(trx, c, id);
    const now = deps.clock();
    const changed = await changeLinkStatus(
      trx,
      link.id,
      ['requested'],
      accept ? { status: 'active', at: now } : { status: 'ended', at: now, by: c.userId },
    );
    if (!changed) throw new DomainError('link.not_requested');
    if (!accept) await withdrawAllConsents(trx, link.id);
    await appendAudit(trx, deps.database.dialect, [
      linkEvent(deps, c, link, 'link', requestId, accept ? 'accepted' : 'declined'),
    ]);
    return reread(trx, link.id);
  });
  return one(c, link);
}

export const acceptLink = (
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['accept']>, 'params'>,
  requestId = 'internal',
) => answer(deps, c, params.id, true, requestId);

export const declineLink = (
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['decline']>, 'params'>,
  requestId = 'internal',
) => answer(deps, c, params.id, false, requestId);

export async function endClientLink(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['endTheirs']>, 'params'>,
  requestId = 'internal',
): Promise<ClientLink> {
  return one(c, await end(deps, c, (db) => theirLink(db, c, params.id), requestId));
}

export async function createLinkCode(deps: Deps, c: Caller): Promise<LinkCode> {
  const code = newLinkCode();
  const now = deps.clock();
  const expiresAt = now + LINK_CODE_TTL_MS;
  await insertLinkCode(deps.database.db, {
    hash: hashLinkCode(code),
    therapistId: c.userId,
    at: now,
    expiresAt,
  });
  return { code, expiresAt };
}

// ——— Alerts, raised by the features where the answers are given ———

/**
 * Raises the alerts the client chose for what they just answered (see core/consent/alerts.ts), in
 * the caller's transaction so the answer and its alerts are saved together.
 */
export async function raiseAlerts(
  deps: Pick<Deps, 'newId'>,
  trx: Db,
  clientId: string,
  event: AlertEvent,
): Promise<void> {
  const links = await activeAlertLinks(trx, clientId);
  if (links.length === 0) return;
  await insertAlerts(
    trx,
    clientId,
    alertsFor(links, event).map((a) => ({ ...a, id: deps.newId() })),
  );
}
