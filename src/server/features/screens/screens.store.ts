import type { Db } from '../../db/schema.js';

/** A stored result: only the time and the instrument are plain, the rest is sealed together. */
export interface StoredScreenResult {
  readonly id: string;
  readonly userId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly createdAt: number;
  readonly sealed: string;
}

const columns = [
  'id',
  'user_id',
  'instrument_id',
  'instrument_version',
  'created_at',
  'sealed',
] as const;

const toStored = (r: {
  id: string;
  user_id: string;
  instrument_id: string;
  instrument_version: number;
  created_at: number;
  sealed: string;
}): StoredScreenResult => ({
  id: r.id,
  userId: r.user_id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  createdAt: r.created_at,
  sealed: r.sealed,
});

export async function insertScreenResult(db: Db, row: StoredScreenResult): Promise<void> {
  await db
    .insertInto('screen_results')
    .values({
      id: row.id,
      user_id: row.userId,
      instrument_id: row.instrumentId,
      instrument_version: row.instrumentVersion,
      created_at: row.createdAt,
      sealed: row.sealed,
    })
    .execute();
}

const ofPerson = (db: Db, userId: string, instrumentId: string) =>
  db
    .selectFrom('screen_results')
    .select(columns)
    .where('user_id', '=', userId)
    .where('instrument_id', '=', instrumentId);

/** One person's results of one instrument, oldest first. */
export async function listScreenResults(
  db: Db,
  userId: string,
  instrumentId: string,
): Promise<StoredScreenResult[]> {
  const rows = await ofPerson(db, userId, instrumentId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map(toStored);
}

/** The person's first and newest results of one instrument (the same row when there is one). */
export async function endsOfHistory(
  db: Db,
  userId: string,
  instrumentId: string,
): Promise<{ first: StoredScreenResult | undefined; newest: StoredScreenResult | undefined }> {
  const first = await ofPerson(db, userId, instrumentId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
  const newest = await ofPerson(db, userId, instrumentId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { first: first && toStored(first), newest: newest && toStored(newest) };
}

/**
 * Makes a second answer sent at the same time wait for this transaction, so a same-day retake
 * always sees the one it replaces (PostgreSQL only: SQLite runs one transaction at a time).
 */
export async function lockPerson(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** Removes one result: a same-day retake replaces it. */
export async function deleteScreenResult(db: Db, id: string): Promise<void> {
  await db.deleteFrom('screen_results').where('id', '=', id).execute();
}

export async function findScreenResult(
  db: Db,
  id: string,
): Promise<StoredScreenResult | undefined> {
  const row = await db
    .selectFrom('screen_results')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStored(row);
}

export async function findDismissal(
  db: Db,
  userId: string,
  instrumentId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('screen_dismissals')
    .select('dismissed_at')
    .where('user_id', '=', userId)
    .where('instrument_id', '=', instrumentId)
    .executeTakeFirst();
  return row?.dismissed_at;
}

export async function saveDismissal(
  db: Db,
  userId: string,
  instrumentId: string,
  at: number,
): Promise<void> {
  await db
    .insertInto('screen_dismissals')
    .values({ user_id: userId, instrument_id: instrumentId, dismissed_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'instrument_id']).doUpdateSet({ dismissed_at: at }))
    .execute();
}

/**
 * The newest `limit` check-ins one person wrote since `since`, newest first (any journey: they
 * are the person's own words). Served by the checkins_author_time index.
 */
export async function ownCheckinsSince(
  db: Db,
  authorId: string,
  since: number,
  limit: number,
): Promise<{ id: string; createdAt: number; sealed: string }[]> {
  const rows = await db
    .selectFrom('checkins')
    .select(['id', 'created_at', 'sealed'])
    .where('author_id', '=', authorId)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, sealed: r.sealed }));
}
