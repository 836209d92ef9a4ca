import { DomainError } from '../../../core/errors.js';
import { assertInviteUsable, inviteStatus } from '../../../core/invites/invite.js';
import { assertCanInvite, assertCanJoin } from '../../../core/journeys/journey.js';
import type {
  InviteAcceptBody,
  InviteCreateBody,
  InviteCreated,
  InvitePreview,
  InviteTokenBody,
  Journey,
} from '../../../shared/api/journeys.js';
import type { Caller, JourneyCaller } from '../../auth/caller.js';
import { openName, sealRole } from '../../auth/person-facts.js';
import { hit } from '../../auth/rate-limit.store.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import { sealContext } from '../../crypto/contexts.js';
import type { Deps } from '../../deps.js';
import { sendMail } from '../../mail/mail.js';
import { journeyView } from '../journeys/journeys.service.js';
import {
  findMembership,
  insertMember,
  journeyFacts,
  updateJourney,
} from '../journeys/journeys.store.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  findInviteByTokenHash,
  insertInvite,
  markInviteUsed,
  revokeInvite,
  revokeOpenInvites,
} from './invites.store.js';

const INVITES_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60_000;

/** The link carries the token in the fragment, which browsers never send to servers or in Referer. */
export const inviteUrl = (origin: string, token: string): string => `${origin}/join#${token}`;

export async function createInvite(
  deps: Deps,
  c: JourneyCaller,
  body: InviteCreateBody,
): Promise<InviteCreated> {
  const { sealer } = deps;
  const db = deps.database.db;
  const now = deps.clock();
  // Whether the journey can take a partner at all is said before the safety check is asked for.
  assertCanInvite(await journeyFacts(db, c.journeyId));
  await assertSafetyChecked(deps, c.userId);
  if ((await hit(db, `invite:user:${c.userId}`, now, DAY_MS)) > INVITES_PER_DAY) {
    throw new DomainError('auth.rate_limited');
  }
  const token = newToken();
  const id = deps.newId();
  const email = body.email ?? null;
  const url = inviteUrl(deps.config.publicOrigin, token);
  const { expiresAt } = await insertInvite(db, {
    id,
    journeyId: c.journeyId,
    tokenHash: hashToken(token),
    createdBy: c.userId,
    // Sealed under the master key: no query looks it up, and whom someone invited says who
    // their partner is.
    emailSealed:
      email === null ? null : sealer.sealForServer(email, sealContext('inviteEmail', id)),
    now,
  });
  let emailed = false;
  if (email) {
    // Sent after the invitation is saved, so no transaction waits on a mail server; a mail that
    // cannot be sent leaves the link for the inviter to pass on themselves.
    // Neutral wording: no names, nothing about the relationship (someone else may read this inbox).
    const text = `You have been invited to join someone on Steadfast.\n\nOpen this link to accept (it works once, for 7 days):\n${url}\n\nIf you were not expecting this, you can ignore this message.`;
    try {
      await sendMail(deps, { to: email, subject: 'An invitation to Steadfast', text });
      emailed = true;
    } catch {
      emailed = false;
    }
  }
  return { id, url, expiresAt, emailed };
}

export async function withdrawInvite(deps: Deps, c: Caller, id: string): Promise<void> {
  if (!(await revokeInvite(deps.database.db, id, c.userId, deps.clock()))) {
    throw new DomainError('invite.not_found');
  }
}

export async function previewInvite(deps: Deps, body: InviteTokenBody): Promise<InvitePreview> {
  const invite = await findInviteByTokenHash(deps.database.db, hashToken(body.token));
  if (!invite) throw new DomainError('invite.invalid');
  const status = inviteStatus(invite, deps.clock());
  return {
    status,
    inviterName:
      status === 'valid' ? openName(deps.sealer, invite.createdBy, invite.inviterNameSealed) : null,
  };
}

export async function acceptInvite(
  deps: Deps,
  c: Caller,
  body: InviteAcceptBody,
): Promise<Journey> {
  const { sealer } = deps;
  const db = deps.database.db;
  const { userId } = c;
  const now = deps.clock();
  const tokenHash = hashToken(body.token);
  const invite = await findInviteByTokenHash(db, tokenHash);
  if (!invite) throw new DomainError('invite.invalid');
  assertInviteUsable(invite, now);
  if (invite.createdBy === userId) throw new DomainError('invite.own');
  // Read afresh rather than from the session: this joins one.
  if (await findMembership(db, sealer, userId)) throw new DomainError('journey.exists');
  try {
    await db.transaction().execute(async (trx) => {
      // Lock the journey row first: two people accepting two different links of one journey at
      // the same moment then take turns, and the second sees the first as a member.
      await updateJourney(trx, invite.journeyId, {}, now);
      // Read the link again under the lock: another acceptance may have used or withdrawn it.
      const current = await findInviteByTokenHash(trx, tokenHash);
      if (!current) throw new DomainError('invite.invalid');
      assertInviteUsable(current, now);
      if (!(await markInviteUsed(trx, invite.id, userId, now))) {
        throw new DomainError('invite.used');
      }
      assertCanJoin(await journeyFacts(trx, invite.journeyId));
      await insertMember(trx, {
        journeyId: invite.journeyId,
        userId,
        roleSealed: sealRole(sealer, invite.journeyId, userId, body.role),
        now,
      });
      // The journey is now full: no other link of it may stay usable.
      await revokeOpenInvites(trx, invite.journeyId, now);
    });
  } catch (e) {
    // The one-active-journey index refused a journey started or joined at the same moment.
    if (!(e instanceof DomainError) && (await findMembership(db, sealer, userId))) {
      throw new DomainError('journey.exists');
    }
    throw e;
  }
  return journeyView(deps, invite.journeyId, userId, now);
}
