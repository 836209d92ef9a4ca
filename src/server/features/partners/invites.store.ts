import { INVITE_TTL_MS } from '../../../core/invites/invite.js';
import { sealContext } from '../../crypto/contexts.js';
import type { Sealer } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';
import { openName } from '../../auth/person-facts.js';

/** The invitee's email, if given, is sealed under the master key: no query looks it up. */
export async function insertInvite(
  db: Db,
  sealer: Sealer,
  invite: {
    id: string;
    journeyId: string;
    tokenHash: string;
    createdBy: string;
    email: string | null;
    now: number;
  },
): Promise<{ expiresAt: number }> {
  const expiresAt = invite.now + INVITE_TTL_MS;
  await db
    .insertInto('invites')
    .values({
      id: invite.id,
      journey_id: invite.journeyId,
      token_hash: invite.tokenHash,
      created_by: invite.createdBy,
      email:
        invite.email === null
          ? null
          : sealer.sealForServer(invite.email, sealContext('inviteEmail', invite.id)),
      created_at: invite.now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    })
    .execute();
  return { expiresAt };
}

export const findInviteByTokenHash = (db: Db, sealer: Sealer, tokenHash: string) =>
  db
    .selectFrom('invites')
    .innerJoin('users', 'users.id', 'invites.created_by')
    .select([
      'invites.id',
      'invites.journey_id',
      'invites.created_by',
      'invites.created_at',
      'invites.expires_at',
      'invites.used_at',
      'invites.revoked_at',
      'users.display_name as inviter_name',
    ])
    .where('invites.token_hash', '=', tokenHash)
    .executeTakeFirst()
    .then((row) =>
      row
        ? {
            id: row.id,
            journeyId: row.journey_id,
            createdBy: row.created_by,
            createdAt: row.created_at,
            expiresAt: row.expires_at,
            usedAt: row.used_at,
            revokedAt: row.revoked_at,
            inviterName: openName(sealer, row.created_by, row.inviter_name),
          }
        : undefined,
    );

/** Revokes an open invite its creator made; false when they have no such open invite. */
export async function revokeInvite(
  db: Db,
  id: string,
  createdBy: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('created_by', '=', createdBy)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Withdraws every open link of a journey (it became full, or left the together path). */
export async function revokeOpenInvites(db: Db, journeyId: string, now: number): Promise<void> {
  await db
    .updateTable('invites')
    .set({ revoked_at: now })
    .where('journey_id', '=', journeyId)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .execute();
}

/**
 * Queues an email. The body is sealed under the master key: an invitation email carries a link
 * that works, and a copy of the database must not be enough to use it. So is the recipient: whom
 * someone invited says who their partner is.
 */
export async function writeOutbox(
  db: Db,
  sealer: Sealer,
  mail: { id: string; recipient: string; subject: string; body: string; now: number },
): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      recipient: sealer.sealForServer(mail.recipient, sealContext('outboxRecipient', mail.id)),
      subject: mail.subject,
      body: sealer.sealForServer(mail.body, sealContext('outboxBody', mail.id)),
      created_at: mail.now,
    })
    .execute();
}
