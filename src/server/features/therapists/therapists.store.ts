import { INVITE_TTL_MS } from '../../../core/invites/invite.js';
import type { Db } from '../../db/schema.js';

/** A new therapist invitation; the email already sealed under the master key. */
export interface NewTherapistInvite {
  readonly id: string;
  readonly tokenHash: string;
  readonly emailSealed: string;
  readonly createdBy: string;
  readonly now: number;
}

export async function insertTherapistInvite(
  db: Db,
  invite: NewTherapistInvite,
): Promise<{ expiresAt: number }> {
  const expiresAt = invite.now + INVITE_TTL_MS;
  await db
    .insertInto('therapist_invites')
    .values({
      id: invite.id,
      token_hash: invite.tokenHash,
      email: invite.emailSealed,
      created_by: invite.createdBy,
      created_at: invite.now,
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
    })
    .execute();
  return { expiresAt };
}

/** A therapist invitation as stored, its email still sealed. */
export interface StoredTherapistInvite {
  readonly id: string;
  readonly emailSealed: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly usedAt: number | null;
  readonly revokedAt: number | null;
}

const columns = ['id', 'email', 'created_at', 'expires_at', 'used_at', 'revoked_at'] as const;

const mapped = (row: {
  id: string;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}): StoredTherapistInvite => ({
  id: row.id,
  emailSealed: row.email,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  usedAt: row.used_at === null ? null : Number(row.used_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
});

export const findTherapistInviteByTokenHash = async (
  db: Db,
  tokenHash: string,
): Promise<StoredTherapistInvite | undefined> => {
  const row = await db
    .selectFrom('therapist_invites')
    .select(columns)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && mapped(row);
};

/** The newest invitations first. */
export const latestTherapistInvites = async (
  db: Db,
  limit: number,
): Promise<StoredTherapistInvite[]> =>
  (
    await db
      .selectFrom('therapist_invites')
      .select(columns)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  ).map(mapped);

/** Withdraws an open invitation; false when there is no such open one. */
export async function revokeTherapistInvite(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('therapist_invites')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks an open invitation used, conditionally: of two people racing for it, one gets in. */
export async function markTherapistInviteUsed(
  db: Db,
  id: string,
  usedBy: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('therapist_invites')
    .set({ used_at: now, used_by: usedBy })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A therapist's account, the name still sealed. */
export interface StoredTherapist {
  readonly id: string;
  readonly email: string;
  readonly nameSealed: string;
  readonly joinedAt: number;
  readonly removedAt: number | null;
}

export const therapistAccounts = async (db: Db): Promise<StoredTherapist[]> =>
  (
    await db
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'created_at', 'removed_at'])
      .where('role', '=', 'therapist')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute()
  ).map((r) => ({
    id: r.id,
    email: r.email,
    nameSealed: r.display_name,
    joinedAt: Number(r.created_at),
    removedAt: r.removed_at === null ? null : Number(r.removed_at),
  }));

/**
 * Removes a therapist's access: the account is marked (sign-in refuses it), every session it has
 * ends, and its directory profile is taken down. False when there is no such therapist with access.
 */
export async function removeTherapistAccess(db: Db, userId: string, now: number): Promise<boolean> {
  const marked = await db
    .updateTable('users')
    .set({ removed_at: now })
    .where('id', '=', userId)
    .where('role', '=', 'therapist')
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db
    .updateTable('therapist_profiles')
    .set({ published: 0, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
  return true;
}

/** The slugs already taken that start with `base` (to find a free one). */
export const slugsLike = async (db: Db, base: string): Promise<Set<string>> =>
  new Set(
    (
      await db
        .selectFrom('therapist_profiles')
        .select('slug')
        .where('slug', 'like', `${base}%`)
        .execute()
    ).map((r) => r.slug),
  );

/**
 * A new therapist's directory profile: unpublished, with only their name, for them to fill in
 * (the directory's profile editor) before the administrator or they publish it.
 */
export async function insertEmptyProfile(
  db: Db,
  profile: { userId: string; slug: string; name: string; now: number },
): Promise<void> {
  await db
    .insertInto('therapist_profiles')
    .values({
      user_id: profile.userId,
      slug: profile.slug,
      name: profile.name,
      title: '',
      bio: '',
      approaches: '[]',
      formats: '[]',
      languages: '[]',
      betrayal_experience: 0,
      online: 0,
      in_person: 0,
      accepting: 0,
      availability: '',
      photo: null,
      photo_type: null,
      published: 0,
      updated_at: profile.now,
    })
    .execute();
}
