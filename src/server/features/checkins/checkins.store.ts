import type { Visibility } from '../../../core/access/policy.js';
import type { Cursor } from '../../../core/checkins/checkin.js';
import { openName } from '../../auth/person-facts.js';
import type { Sealer } from '../../crypto/sealing.js';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
import type { Db } from '../../db/schema.js';

export interface CheckinRow {
  readonly id: string;
  readonly journeyId: string;
  readonly authorId: string;
  readonly visibility: Visibility;
  readonly createdAt: number;
  readonly sealed: string;
}

export interface Author {
  readonly displayName: string;
  readonly wrappedKey: string;
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

const toCheckinRow = (row: Row): CheckinRow => ({
  id: row.id,
  journeyId: row.journey_id,
  authorId: row.author_id,
  visibility: row.visibility,
  createdAt: row.created_at,
  sealed: row.sealed,
});

export async function insertCheckin(
  db: Db,
  c: { id: string; journeyId: string; authorId: string; createdAt: number; sealed: string },
): Promise<void> {
  await db
    .insertInto('checkins')
    .values({
      id: c.id,
      journey_id: c.journeyId,
      author_id: c.authorId,
      visibility: 'private',
      created_at: c.createdAt,
      sealed: c.sealed,
    })
    .execute();
}

export async function findCheckin(db: Db, id: string): Promise<CheckinRow | undefined> {
  const row = await baseQuery(db).where('checkins.id', '=', id).executeTakeFirst();
  return row ? toCheckinRow(row) : undefined;
}

/**
 * One page of the history a member may see in their journey — their own items and what their
 * partner shared — newest first, by keyset on (created_at, id) so deep pages stay as fast as page 1.
 */
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
export async function listVisibleCheckins(db: Db, q: VisibleCheckinsQuery): Promise<CheckinRow[]> {
  const compiled = compiledHistory(db);
  const query = q.cursor
    ? compiled.after(q.journeyId, q.viewerId, q.cursor.createdAt, q.cursor.id, q.limit)
    : compiled.first(q.journeyId, q.viewerId, q.limit);
  const { rows } = await db.executeQuery(query);
  return rows.map(toCheckinRow);
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
 * Names (opened: they are sealed at rest) and wrapped keys of the given authors (a page has at most
 * two: the viewer and the partner).
 */
export async function findAuthors(
  db: Db,
  sealer: Sealer,
  ids: readonly string[],
): Promise<Map<string, Author>> {
  const [first, second, ...rest] = [...new Set(ids)];
  if (first === undefined) return new Map();
  const compiled = compiledAuthors(db);
  const query =
    second === undefined
      ? compiled.one(first)
      : rest.length === 0
        ? compiled.two(first, second)
        : authorsQuery(db, [first, second, ...rest]);
  const { rows } = await db.executeQuery(query);
  return new Map(
    rows.map((r) => [
      r.id,
      { displayName: openName(sealer, r.id, r.display_name), wrappedKey: r.wrapped_key },
    ]),
  );
}

const authorsQuery = (db: Db, ids: readonly string[]) =>
  db.selectFrom('users').select(['id', 'display_name', 'wrapped_key']).where('id', 'in', ids);

// Runs on every history page, next to the history query itself.
export const compiledAuthors = perDatabase((db: Db) => ({
  one: compileOnce((a: string) => authorsQuery(db, [a]), 1),
  two: compileOnce((a: string, b: string) => authorsQuery(db, [a, b]), 2),
}));
