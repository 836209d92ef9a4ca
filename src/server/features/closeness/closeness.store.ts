import type { Db } from '../../db/schema.js';

/** One person's stored marks, still sealed, and the round they belong to. */
export interface StoredMarks {
  readonly userId: string;
  readonly round: number;
  readonly sealed: string;
}

/** The people on the journey now (those who left are not). */
export async function currentMemberIds(db: Db, journeyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('journey_members')
    .select('user_id')
    .where('journey_id', '=', journeyId)
    .where('left_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The journey's current round; 0 before anyone has marked. */
export async function currentRound(db: Db, journeyId: string): Promise<number> {
  const row = await db
    .selectFrom('closeness_rounds')
    .select('round')
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return row?.round ?? 0;
}

/**
 * Takes the journey's round row for this transaction (creating it at round 0), so that two people
 * writing at once take turns, then returns the round. On PostgreSQL the upsert holds the row lock
 * until the transaction ends; SQLite runs one writing transaction at a time anyway.
 */
export async function lockRound(trx: Db, journeyId: string): Promise<number> {
  await trx
    .insertInto('closeness_rounds')
    .values({ journey_id: journeyId, round: 0 })
    .onConflict((oc) =>
      oc.column('journey_id').doUpdateSet((eb) => ({ round: eb.ref('closeness_rounds.round') })),
    )
    .execute();
  return currentRound(trx, journeyId);
}

export async function setRound(trx: Db, journeyId: string, round: number): Promise<void> {
  await trx
    .updateTable('closeness_rounds')
    .set({ round })
    .where('journey_id', '=', journeyId)
    .execute();
}

/** The stored marks of these people on the journey. */
export async function findMarks(
  db: Db,
  journeyId: string,
  userIds: readonly string[],
): Promise<StoredMarks[]> {
  // Guard against an empty id list: `IN ()` is invalid SQL.
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('closeness_marks')
    .select(['user_id', 'round', 'sealed'])
    .where('journey_id', '=', journeyId)
    .where('user_id', 'in', userIds)
    .execute();
  return rows.map((r) => ({ userId: r.user_id, round: r.round, sealed: r.sealed }));
}

export async function saveMarks(
  trx: Db,
  m: { journeyId: string; userId: string; round: number; sealed: string },
): Promise<void> {
  await trx
    .insertInto('closeness_marks')
    .values({ journey_id: m.journeyId, user_id: m.userId, round: m.round, sealed: m.sealed })
    .onConflict((oc) =>
      oc.columns(['journey_id', 'user_id']).doUpdateSet({ round: m.round, sealed: m.sealed }),
    )
    .execute();
}

export async function deleteMarks(trx: Db, journeyId: string, userId: string): Promise<void> {
  await trx
    .deleteFrom('closeness_marks')
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .execute();
}
