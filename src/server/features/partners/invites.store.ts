import { INVITE_TTL_MS } from '../../../core/invites/invite.js';
import type { Db } from '../../db/schema.js';

/** A new invitation; the invitee's email, if given, already sealed under the master key. */
export interface NewInvite {
  readonly id: string;
  readonly journeyId: string;
  readonly tokenHash: string;
  readonly createdBy: string;
  readonly emailSealed: string | null;
  readonly now: number;
}

export async function insertInvite(db: Db, invite: NewInvite): Promise<{ expiresAt: number }> {
  const expiresAt = invite.now + INVITE_TTL_MS;
  await db
    .insertInto('invites')
    .values({
      id: invite.id,
      journey_id: invite.journeyId,
      token_hash: invite.tokenHash,
      created_by: invite.createdBy,
      email: invite.emailSealed,
      created_at: invite.now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    })
    .execute();
  return { expiresAt };
}

/** An invitation as stored, with its inviter's display name still sealed (auth/person-facts.ts). */
export interface StoredInvite {
  readonly id: string;
  readonly journeyId: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  readonly revokedAt: number | null;
  readonly inviterNameSealed: string;
}

export const findInviteByTokenHash = (
  db: Db,
  tokenHash: string,
): Promise<StoredInvite | undefined> =>
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
            inviterNameSealed: row.inviter_name,
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

/**
 * Marks an open link used, conditionally, so of two people racing for it only one gets in:
 * false when it was used or withdrawn meanwhile.
 */
export async function markInviteUsed(
  db: Db,
  id: string,
  usedBy: string,
  now: number,
): Promise<boolean> {
  const used = await db
    .updateTable('invites')
    .set({ used_at: now, used_by: usedBy })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
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
