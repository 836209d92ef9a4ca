import type {
  BetrayalKind,
  CameToLight,
  JourneyFacts,
  JourneyPath,
  MemberRole,
} from '../../../core/journeys/journey.js';
import type { Journey } from '../../../shared/api/journeys.js';
import { openName, openRole, sealRole } from '../../auth/person-facts.js';
import type { Sealer } from '../../crypto/sealing.js';
import type { Db } from '../../db/schema.js';
import { revokeOpenInvites } from '../partners/invites.store.js';
import { sealContext } from '../../crypto/contexts.js';
import { openCameToLight, openKinds, sealCameToLight, sealKinds } from './journey-facts.js';

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

export interface NewJourney {
  readonly id: string;
  readonly userId: string;
  readonly path: JourneyPath;
  readonly role: MemberRole;
  readonly kinds: readonly BetrayalKind[];
  readonly cameToLight: CameToLight;
  readonly now: number;
}

export async function insertJourney(db: Db, sealer: Sealer, j: NewJourney): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('journeys')
      .values({
        id: j.id,
        path: j.path,
        kinds: sealKinds(sealer, j.id, j.kinds),
        came_to_light: sealCameToLight(sealer, j.id, j.cameToLight),
        created_by: j.userId,
        created_at: j.now,
        updated_at: j.now,
      })
      .execute();
    await trx
      .insertInto('journey_members')
      .values({
        journey_id: j.id,
        user_id: j.userId,
        role: sealRole(sealer, j.id, j.userId, j.role),
        joined_at: j.now,
        left_at: null,
      })
      .execute();
  });
}

export interface JourneyChanges {
  readonly path?: JourneyPath | undefined;
  readonly kinds?: readonly BetrayalKind[] | undefined;
  readonly cameToLight?: CameToLight | undefined;
  readonly role?: MemberRole | undefined;
}

export async function updateJourney(
  db: Db,
  sealer: Sealer,
  journeyId: string,
  userId: string,
  changes: JourneyChanges,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('journeys')
      .set({
        updated_at: now,
        ...(changes.path ? { path: changes.path } : {}),
        ...(changes.kinds ? { kinds: sealKinds(sealer, journeyId, changes.kinds) } : {}),
        ...(changes.cameToLight
          ? { came_to_light: sealCameToLight(sealer, journeyId, changes.cameToLight) }
          : {}),
      })
      .where('id', '=', journeyId)
      .execute();
    // Off the together path, no invitation link may stay usable.
    if (changes.path && changes.path !== 'together') await revokeOpenInvites(trx, journeyId, now);
    if (changes.role) {
      await trx
        .updateTable('journey_members')
        .set({ role: sealRole(sealer, journeyId, userId, changes.role) })
        .where('journey_id', '=', journeyId)
        .where('user_id', '=', userId)
        .execute();
    }
  });
}

/** The journey as one member sees it: their own role, the partner's name, their open invites. */
export async function loadJourneyView(
  db: Db,
  sealer: Sealer,
  journeyId: string,
  userId: string,
  now: number,
): Promise<Journey> {
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
  const me = members.find((m) => m.user_id === userId);
  const partner = members.find((m) => m.user_id !== userId);
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
  return {
    id: journey.id,
    path: journey.path as Journey['path'],
    kinds: openKinds(sealer, journey.id, journey.kinds),
    cameToLight: openCameToLight(sealer, journey.id, journey.came_to_light),
    createdAt: journey.created_at,
    me: { role: me ? openRole(sealer, journeyId, me.user_id, me.role) : 'unsaid' },
    partner: partner
      ? { displayName: openName(sealer, partner.user_id, partner.display_name) }
      : null,
    pendingInvites: invites.map((i) => ({
      id: i.id,
      expiresAt: i.expires_at,
      email:
        i.email === null ? null : sealer.openForServer(i.email, sealContext('inviteEmail', i.id)),
    })),
  };
}
