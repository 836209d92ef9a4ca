import type { JourneyFacts, JourneyPath, MemberRole } from '../../../core/journeys/journey.js';
import { openRole } from '../../auth/person-facts.js';
import type { Sealer } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';

export interface Membership {
  readonly journeyId: string;
  readonly role: MemberRole;
}

export async function findMembership(
  db: Db,
  sealer: Sealer,
  userId: string,
): Promise<Membership | undefined> {
  const row = await db
    .selectFrom('journey_members')
    .select(['journey_id', 'role'])
    .where('user_id', '=', userId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { journeyId: row.journey_id, role: openRole(sealer, row.journey_id, userId, row.role) }
    : undefined;
}

export async function countMembers(db: Db, journeyId: string): Promise<number> {
  const row = await db
    .selectFrom('journey_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('journey_id', '=', journeyId)
    .where('left_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What the journey rules need to know: its path and how many members it has now. */
export async function journeyFacts(db: Db, journeyId: string): Promise<JourneyFacts> {
  const row = await db
    .selectFrom('journeys')
    .select('path')
    .where('id', '=', journeyId)
    .executeTakeFirstOrThrow();
  return { path: row.path as JourneyPath, memberCount: await countMembers(db, journeyId) };
}

/** A new journey, its facts already sealed (see journey-facts.ts). */
export interface NewJourney {
  readonly id: string;
  readonly path: JourneyPath;
  readonly kindsSealed: string;
  readonly cameToLightSealed: string;
  readonly createdBy: string;
  readonly now: number;
}

export async function insertJourney(db: Db, j: NewJourney): Promise<void> {
  await db
    .insertInto('journeys')
    .values({
      id: j.id,
      path: j.path,
      kinds: j.kindsSealed,
      came_to_light: j.cameToLightSealed,
      created_by: j.createdBy,
      created_at: j.now,
      updated_at: j.now,
    })
    .execute();
}

/** A person joins a journey; their part in it is already sealed (auth/person-facts.ts). */
export async function insertMember(
  db: Db,
  m: { journeyId: string; userId: string; roleSealed: string; now: number },
): Promise<void> {
  await db
    .insertInto('journey_members')
    .values({
      journey_id: m.journeyId,
      user_id: m.userId,
      role: m.roleSealed,
      joined_at: m.now,
      left_at: null,
    })
    .execute();
}

/** Changes to a journey's own facts, the sealed ones already sealed. */
export interface JourneyChanges {
  readonly path?: JourneyPath | undefined;
  readonly kindsSealed?: string | undefined;
  readonly cameToLightSealed?: string | undefined;
}

/**
 * Writes the changes and the time. With no changes it still writes the time, which locks the
 * journey's row for the rest of the transaction (joining takes turns on it).
 */
export async function updateJourney(
  db: Db,
  journeyId: string,
  changes: JourneyChanges,
  now: number,
): Promise<void> {
  await db
    .updateTable('journeys')
    .set({
      updated_at: now,
      ...(changes.path ? { path: changes.path } : {}),
      ...(changes.kindsSealed ? { kinds: changes.kindsSealed } : {}),
      ...(changes.cameToLightSealed ? { came_to_light: changes.cameToLightSealed } : {}),
    })
    .where('id', '=', journeyId)
    .execute();
}

export async function updateMemberRole(
  db: Db,
  journeyId: string,
  userId: string,
  roleSealed: string,
): Promise<void> {
  await db
    .updateTable('journey_members')
    .set({ role: roleSealed })
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * A journey as stored, for one member's view of it: its sealed facts, its members now (with
 * their sealed names and parts) and the member's own open invites (their sealed emails).
 */
export async function readJourney(db: Db, journeyId: string, userId: string, now: number) {
  const journey = await db
    .selectFrom('journeys')
    .select(['id', 'path', 'kinds', 'came_to_light', 'created_at'])
    .where('id', '=', journeyId)
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('journey_members')
    .innerJoin('users', 'users.id', 'journey_members.user_id')
    .select(['journey_members.user_id', 'journey_members.role', 'users.display_name'])
    .where('journey_members.journey_id', '=', journeyId)
    .where('journey_members.left_at', 'is', null)
    .execute();
  const invites = await db
    .selectFrom('invites')
    .select(['id', 'expires_at', 'email'])
    .where('journey_id', '=', journeyId)
    .where('created_by', '=', userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return { journey, members, invites };
}

/**
 * The other current member of the journey, if there is one; with `togetherOnly`, only while the
 * journey is on the together path (work done as a couple asks for both).
 */
export async function findPartnerId(
  db: Db,
  journeyId: string,
  userId: string,
  options: { togetherOnly?: boolean } = {},
): Promise<string | undefined> {
  let q = db
    .selectFrom('journey_members')
    .innerJoin('journeys', 'journeys.id', 'journey_members.journey_id')
    .select('journey_members.user_id')
    .where('journey_members.journey_id', '=', journeyId)
    .where('journey_members.user_id', '!=', userId)
    .where('journey_members.left_at', 'is', null);
  if (options.togetherOnly) q = q.where('journeys.path', '=', 'together');
  return (await q.executeTakeFirst())?.user_id;
}
