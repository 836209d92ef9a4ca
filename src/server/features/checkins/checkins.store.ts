import type { Visibility } from '../../../core/access/policy.js';
import type { Cursor } from '../../../core/checkins/checkin.js';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
import type { Db } from '../../db/schema.js';

export interface StoredCheckin {
  readonly id: string;
  readonly journeyId: string;
  readonly authorId: string;
  readonly visibility: Visibility;
  readonly createdAt: number;
  readonly sealed: string;
}

// Authors are looked up once per page (there are at most two), not joined onto every row.
const baseQuery = (db: Db) =>
  db
    .selectFrom('checkins')
    .select([
      'checkins.id',
      'checkins.journey_id',
      'checkins.author_id',
      'checkins.visibility',
      'checkins.created_at',
      'checkins.sealed',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toStoredCheckin = (row: Row): StoredCheckin => ({
  id: row.id,
  journeyId: row.journey_id,
  authorId: row.author_id,
  visibility: row.visibility,
  createdAt: row.created_at,
  sealed: row.sealed,
});

/** Writes check-ins, many at once when the demo seed or the bench write a person's past. */
export async function insertCheckins(db: Db, checkins: readonly StoredCheckin[]): Promise<void> {
  const rows = checkins.map((c) => ({
    id: c.id,
    journey_id: c.journeyId,
    author_id: c.authorId,
    visibility: c.visibility,
    created_at: c.createdAt,
    sealed: c.sealed,
  }));
  // 6 columns × 100 rows stays well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('checkins')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

export async function findCheckin(db: Db, id: string): Promise<StoredCheckin | undefined> {
  const row = await baseQuery(db).where('checkins.id', '=', id).executeTakeFirst();
  return row ? toStoredCheckin(row) : undefined;
}

/** What one page of a member's history asks for. */
export interface VisibleCheckinsQuery {
  readonly journeyId: string;
  readonly viewerId: string;
  readonly cursor: Cursor | undefined;
  readonly limit: number;
}

/** The history query on its own, so its SQL and plan can be checked on both databases. */
export function visibleCheckinsQuery(db: Db, q: VisibleCheckinsQuery) {
  let query = baseQuery(db)
    .where('checkins.journey_id', '=', q.journeyId)
    .where((eb) =>
      eb.or([eb('checkins.author_id', '=', q.viewerId), eb('checkins.visibility', '=', 'partner')]),
    );
  if (q.cursor) {
    const { createdAt, id } = q.cursor;
    query = query.where((eb) =>
      eb(eb.refTuple('checkins.created_at', 'checkins.id'), '<', eb.tuple(createdAt, id)),
    );
  }
  return query.orderBy('checkins.created_at', 'desc').orderBy('checkins.id', 'desc').limit(q.limit);
}

/**
 * One page of the history a member may see in their journey — their own items and what their
 * partner shared — newest first, by keyset on (created_at, id) so deep pages stay as fast as page 1.
 */
export async function listVisibleCheckins(
  db: Db,
  q: VisibleCheckinsQuery,
): Promise<StoredCheckin[]> {
  const compiled = compiledHistory(db);
  const query = q.cursor
    ? compiled.after(q.journeyId, q.viewerId, q.cursor.createdAt, q.cursor.id, q.limit)
    : compiled.first(q.journeyId, q.viewerId, q.limit);
  const { rows } = await db.executeQuery(query);
  return rows.map(toStoredCheckin);
}

// The history read is the hottest query: built and compiled once per database, not per request.
export const compiledHistory = perDatabase((db: Db) => ({
  first: compileOnce(
    (journeyId: string, viewerId: string, limit: number) =>
      visibleCheckinsQuery(db, { journeyId, viewerId, cursor: undefined, limit }),
    3,
  ),
  after: compileOnce(
    (journeyId: string, viewerId: string, createdAt: number, id: string, limit: number) =>
      visibleCheckinsQuery(db, { journeyId, viewerId, cursor: { createdAt, id }, limit }),
    5,
  ),
}));

export async function setVisibility(db: Db, id: string, visibility: Visibility): Promise<void> {
  await db.updateTable('checkins').set({ visibility }).where('id', '=', id).execute();
}

export async function deleteCheckin(db: Db, id: string): Promise<void> {
  await db.deleteFrom('checkins').where('id', '=', id).execute();
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
): Promise<Pick<StoredCheckin, 'id' | 'createdAt' | 'sealed'>[]> {
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
