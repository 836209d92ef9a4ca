import { appendAudit } from '../audit/audit.store.js';
import { endTherapistLinks } from '../consent/consent.store.js';
import { normalizeEmail, passwordProblem } from '../../../core/accounts/password-policy.js';
import { DomainError } from '../../../core/errors.js';
import { assertInviteUsable, inviteStatus } from '../../../core/invites/invite.js';
import type {
  TherapistInviteAcceptBody,
  TherapistInviteBody,
  TherapistInviteCheck,
  TherapistInviteCreated,
  TherapistInviteList,
  TherapistInviteTokenBody,
  TherapistList,
} from '../../../shared/api/therapists.js';
import { createAccount } from '../../auth/accounts.js';
import { startSession, type Device, type StartedSession } from '../../auth/auth.service.js';
import type { Caller } from '../../auth/caller.js';
import { openName } from '../../auth/person-facts.js';
import { hit } from '../../auth/rate-limit.store.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import { emailTaken } from '../../auth/users.store.js';
import { sealContext } from '../../crypto/contexts.js';
import { atomically, type Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { sendMail } from '../../mail/mail.js';
import { publicPractice } from '../practice/practice.service.js';
import {
  findTherapistInviteByTokenHash,
  insertEmptyProfile,
  insertTherapistInvite,
  latestTherapistInvites,
  markTherapistInviteUsed,
  removeTherapistAccess,
  revokeTherapistInvite,
  slugsLike,
  therapistAccounts,
} from './therapists.store.js';

const DAY_MS = 24 * 60 * 60_000;
const WINDOW_MS = 15 * 60_000;
/** Invitations the administrator may send a day (a stolen admin session cannot flood inboxes). */
export const THERAPIST_INVITES_PER_DAY = 50;
/** Tries at accepting an invitation from one address per 15 minutes, as for signing up. */
export const THERAPIST_ACCEPTS_PER_ADDRESS = 20;
const LIST_LIMIT = 200;

/** The token travels in the fragment, which browsers never send to servers or in a Referer. */
export const therapistInviteUrl = (origin: string, token: string): string =>
  `${origin}/therapist-invite#${token}`;

const openEmail = (deps: Deps, id: string, sealed: string): string =>
  deps.sealer.openForServer(sealed, sealContext('therapistInviteEmail', id));

export async function inviteTherapist(
  deps: Deps,
  c: Caller,
  body: TherapistInviteBody,
): Promise<TherapistInviteCreated> {
  const db = deps.database.db;
  const now = deps.clock();
  const email = normalizeEmail(body.email);
  if (
    (await hit(db, `therapist-invite:user:${c.userId}`, now, DAY_MS)) > THERAPIST_INVITES_PER_DAY
  ) {
    throw new DomainError('auth.rate_limited');
  }
  // The administrator may know: an address that already has an account cannot become a therapist's.
  if (await emailTaken(db, email)) throw new DomainError('auth.email_taken');
  const token = newToken();
  const id = deps.newId();
  const { expiresAt } = await insertTherapistInvite(db, {
    id,
    tokenHash: hashToken(token),
    emailSealed: deps.sealer.sealForServer(email, sealContext('therapistInviteEmail', id)),
    createdBy: c.userId,
    now,
  });
  const url = therapistInviteUrl(deps.config.publicOrigin, token);
  const practice = (await publicPractice(deps)).name;
  const where = practice ? `${practice} on Steadfast` : 'Steadfast';
  let emailed = true;
  try {
    await sendMail(deps, {
      to: email,
      subject: `An invitation to join ${where} as a therapist`,
      text: `You have been invited to join ${where} as a therapist.\n\nOpen this link to create your account (it works once, for 7 days):\n${url}\n\nYou will be asked to set up two-factor sign-in with an authenticator app.\n\nIf you were not expecting this, you can ignore this message.`,
    });
  } catch {
    // The invitation stands: the administrator gets the link to pass on themselves.
    emailed = false;
  }
  return { id, url, expiresAt, emailed };
}

export async function therapistInvites(deps: Deps): Promise<TherapistInviteList> {
  const now = deps.clock();
  const stored = await latestTherapistInvites(deps.database.db, LIST_LIMIT);
  return {
    items: stored.map((i) => ({
      id: i.id,
      email: openEmail(deps, i.id, i.emailSealed),
      status: inviteStatus(i, now),
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      usedAt: i.usedAt,
      revokedAt: i.revokedAt,
    })),
  };
}

export async function withdrawTherapistInvite(deps: Deps, id: string): Promise<void> {
  if (!(await revokeTherapistInvite(deps.database.db, id, deps.clock()))) {
    throw new DomainError('therapist_invite.not_found');
  }
}

export async function therapists(deps: Deps): Promise<TherapistList> {
  return {
    items: (await therapistAccounts(deps.database.db)).map((t) => ({
      id: t.id,
      displayName: openName(deps.sealer, t.id, t.nameSealed),
      email: t.email,
      joinedAt: t.joinedAt,
      removedAt: t.removedAt,
    })),
  };
}

/** Ends a therapist's access at once: signed out everywhere, no sign-in, profile unpublished. */
/**
 * Removes a therapist's access: they cannot sign in, their profile leaves the directory, and every
 * link with a client ends at once (with its consents), each ending written to the audit log.
 */
export async function removeTherapist(
  deps: Deps,
  c: Caller,
  id: string,
  requestId = 'internal',
): Promise<void> {
  const now = deps.clock();
  await atomically(deps.database.db, async (trx) => {
    if (!(await removeTherapistAccess(trx, id, now))) throw new DomainError('therapist.not_found');
    const ended = await endTherapistLinks(trx, id, now, c.userId);
    await appendAudit(
      trx,
      deps.database.dialect,
      ended.map((l) => ({
        id: deps.newId(),
        at: now,
        actorId: c.userId,
        actorRole: c.accountRole,
        action: 'link',
        subjectId: l.clientId,
        category: 'ended',
        items: [l.id],
        requestId,
      })),
    );
  });
}

export async function checkTherapistInvite(
  deps: Deps,
  body: TherapistInviteTokenBody,
): Promise<TherapistInviteCheck> {
  const invite = await findTherapistInviteByTokenHash(deps.database.db, hashToken(body.token));
  if (!invite) throw new DomainError('invite.invalid');
  const status = inviteStatus(invite, deps.clock());
  return {
    status,
    practiceName: (await publicPractice(deps)).name,
    email: status === 'valid' ? openEmail(deps, invite.id, invite.emailSealed) : null,
  };
}

/** A slug made of the name's letters and digits (`Dr. Zoë Ng` → `dr-zoe-ng`), never empty. */
export function slugFrom(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || 'therapist';
}

/** The first of `base`, `base-2`, `base-3`… no profile has yet. */
async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugFrom(name);
  const taken = await slugsLike(db, base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const slug = `${base}-${n}`;
    if (!taken.has(slug)) return slug;
  }
}

/**
 * Creates the therapist's account from an invitation and signs them in. The account, the used
 * mark and the empty directory profile are written together, or not at all.
 */
export async function acceptTherapistInvite(
  deps: Deps,
  body: TherapistInviteAcceptBody,
  device: Device,
): Promise<StartedSession> {
  const db = deps.database.db;
  const now = deps.clock();
  if (
    (await hit(db, `therapist-accept:ip:${device.address}`, now, WINDOW_MS)) >
    THERAPIST_ACCEPTS_PER_ADDRESS
  ) {
    throw new DomainError('auth.rate_limited');
  }
  const tokenHash = hashToken(body.token);
  const invite = await findTherapistInviteByTokenHash(db, tokenHash);
  if (!invite) throw new DomainError('invite.invalid');
  assertInviteUsable(invite, now);
  // Refused before the link is used up, so a weak password costs nothing.
  const problem = passwordProblem(body.password);
  if (problem === 'too_common') throw new DomainError('auth.password_weak');
  if (problem) throw new DomainError('auth.password_length');
  const email = openEmail(deps, invite.id, invite.emailSealed);
  // Hashed before the transaction, so no lock is held during the slow part.
  const passwordHash = await deps.passwords.hash(body.password);
  const account = await atomically(db, async (trx) => {
    const created = await createAccount(
      { ...deps, database: { ...deps.database, db: trx } },
      { email, password: body.password, displayName: body.displayName, role: 'therapist' },
      passwordHash,
    );
    if (!(await markTherapistInviteUsed(trx, invite.id, created.id, now))) {
      // Used or withdrawn meanwhile: say which, from the row as it now stands.
      const current = await findTherapistInviteByTokenHash(trx, tokenHash);
      if (current) assertInviteUsable(current, now);
      throw new DomainError('invite.used');
    }
    await insertEmptyProfile(trx, {
      userId: created.id,
      slug: await freeSlug(trx, created.displayName),
      name: created.displayName,
      now,
    });
    return created;
  });
  return startSession(deps, account, device);
}
