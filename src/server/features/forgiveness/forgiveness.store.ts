import type { Db } from '../../db/schema.js';

export interface StoredEntry {
  readonly id: string;
  readonly journeyId: string;
  readonly userId: string;
  readonly version: number;
  readonly createdAt: number;
  readonly sealed: string;
}

export interface StoredReflection {
  readonly id: string;
  readonly journeyId: string;
  readonly authorId: string;
  readonly createdAt: number;
  readonly sealed: string;
}

/** A person's answers in a journey, oldest first (the order a chart reads in). */
export async function listEntries(
  db: Db,
  journeyId: string,
  userId: string,
): Promise<StoredEntry[]> {
  const rows = await db
    .selectFrom('forgiveness_entries')
    .select(['id', 'journey_id', 'user_id', 'version', 'created_at', 'sealed'])
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    userId: r.user_id,
    version: Number(r.version),
    createdAt: Number(r.created_at),
    sealed: r.sealed,
  }));
}

export async function insertEntry(db: Db, e: StoredEntry): Promise<void> {
  await db
    .insertInto('forgiveness_entries')
    .values({
      id: e.id,
      journey_id: e.journeyId,
      user_id: e.userId,
      version: e.version,
      created_at: e.createdAt,
      sealed: e.sealed,
    })
    .execute();
}

/** Deletes one of the person's own answers; false when there is no such answer of theirs. */
export async function deleteEntry(
  db: Db,
  e: { id: string; journeyId: string; userId: string },
): Promise<boolean> {
  const res = await db
    .deleteFrom('forgiveness_entries')
    .where('id', '=', e.id)
    .where('journey_id', '=', e.journeyId)
    .where('user_id', '=', e.userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function listReflections(
  db: Db,
  journeyId: string,
  authorId: string,
): Promise<StoredReflection[]> {
  const rows = await db
    .selectFrom('forgiveness_reflections')
    .select(['id', 'journey_id', 'author_id', 'created_at', 'sealed'])
    .where('journey_id', '=', journeyId)
    .where('author_id', '=', authorId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    authorId: r.author_id,
    createdAt: Number(r.created_at),
    sealed: r.sealed,
  }));
}

export async function insertReflection(db: Db, r: StoredReflection): Promise<void> {
  await db
    .insertInto('forgiveness_reflections')
    .values({
      id: r.id,
      journey_id: r.journeyId,
      author_id: r.authorId,
      created_at: r.createdAt,
      sealed: r.sealed,
    })
    .execute();
}

/** Deletes one of the author's own reflections; false when there is no such reflection of theirs. */
export async function deleteReflection(
  db: Db,
  r: { id: string; journeyId: string; authorId: string },
): Promise<boolean> {
  const res = await db
    .deleteFrom('forgiveness_reflections')
    .where('id', '=', r.id)
    .where('journey_id', '=', r.journeyId)
    .where('author_id', '=', r.authorId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Whether the person shares their chart in this journey; no row is "no". */
export async function findSharing(db: Db, journeyId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('forgiveness_sharing')
    .select('shared')
    .where('journey_id', '=', journeyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.shared ?? 0) === 1;
}

export async function saveSharing(
  db: Db,
  s: { journeyId: string; userId: string; shared: boolean; now: number },
): Promise<void> {
  const value = s.shared ? 1 : 0;
  await db
    .insertInto('forgiveness_sharing')
    .values({ journey_id: s.journeyId, user_id: s.userId, shared: value, updated_at: s.now })
    .onConflict((oc) =>
      oc.columns(['journey_id', 'user_id']).doUpdateSet({ shared: value, updated_at: s.now }),
    )
    .execute();
}
