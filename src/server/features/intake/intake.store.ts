import type { Cursor } from '../../../core/checkins/checkin.js';
import type { IntakeStatus, LookingFor } from '../../../shared/api/intake.js';
import type { Db } from '../../db/schema.js';
import { readPracticeSetting } from '../practice/practice.store.js';

/** Whether the practice takes intake requests (JSON true/false); absent means open. */
export const INTAKE_OPEN = 'intake_open';

/** Open unless the administrator has said no (a stored false, in whatever form it was kept). */
export async function intakeIsOpen(db: Db): Promise<boolean> {
  const stored = await readPracticeSetting(db, INTAKE_OPEN);
  return !(stored === false || stored === 0 || stored === 'false' || stored === '0');
}

export interface StoredTherapistChoice {
  readonly userId: string;
  readonly slug: string;
  readonly name: string;
}

/** The therapists a person may choose: the published profiles, by name. */
export async function publishedTherapists(db: Db): Promise<StoredTherapistChoice[]> {
  const rows = await db
    .selectFrom('therapist_profiles')
    .select(['user_id', 'slug', 'name'])
    .where('published', '=', 1)
    .orderBy('name')
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, slug: r.slug, name: r.name }));
}

/** The profiles of these therapists (published or not: a request keeps whom it chose). */
export async function therapistsById(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, StoredTherapistChoice>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('therapist_profiles')
    .select(['user_id', 'slug', 'name'])
    .where('user_id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.user_id, { userId: r.user_id, slug: r.slug, name: r.name }]));
}

/** The email addresses of the practice's administrators and of one therapist, for a new request. */
export async function inboxEmails(db: Db, therapistId: string | null): Promise<string[]> {
  let query = db.selectFrom('users').select('email').where('role', '=', 'admin');
  if (therapistId) {
    query = db
      .selectFrom('users')
      .select('email')
      .where((eb) =>
        eb.or([
          eb('role', '=', 'admin'),
          eb.and([eb('id', '=', therapistId), eb('role', '=', 'therapist')]),
        ]),
      );
  }
  const rows = await query.orderBy('email').execute();
  return [...new Set(rows.map((r) => r.email))];
}

export interface NewIntakeRequest {
  readonly id: string;
  readonly lookingFor: LookingFor;
  readonly therapistId: string | null;
  readonly sealed: string;
  readonly now: number;
}

export async function insertIntakeRequest(db: Db, r: NewIntakeRequest): Promise<void> {
  await db
    .insertInto('intake_requests')
    .values({
      id: r.id,
      looking_for: r.lookingFor,
      therapist_id: r.therapistId,
      status: 'new',
      sealed: r.sealed,
      created_at: r.now,
      updated_at: r.now,
    })
    .execute();
}

export interface StoredIntakeRequest {
  readonly id: string;
  readonly lookingFor: LookingFor;
  readonly therapistId: string | null;
  readonly status: IntakeStatus;
  readonly sealed: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const columns = [
  'id',
  'looking_for',
  'therapist_id',
  'status',
  'sealed',
  'created_at',
  'updated_at',
] as const;

type Row = {
  id: string;
  looking_for: LookingFor;
  therapist_id: string | null;
  status: IntakeStatus;
  sealed: string;
  created_at: number;
  updated_at: number;
};

const toStored = (r: Row): StoredIntakeRequest => ({
  id: r.id,
  lookingFor: r.looking_for,
  therapistId: r.therapist_id,
  status: r.status,
  sealed: r.sealed,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

/** What one page of the inbox asks for; `therapistId` narrows it to the requests that chose them. */
export interface IntakePageQuery {
  readonly therapistId: string | undefined;
  readonly status: IntakeStatus | undefined;
  readonly cursor: Cursor | undefined;
  readonly limit: number;
}

/** One page of the inbox, newest first, by keyset on (created_at, id). */
export async function listIntakeRequests(
  db: Db,
  q: IntakePageQuery,
): Promise<StoredIntakeRequest[]> {
  let query = db.selectFrom('intake_requests').select(columns);
  if (q.therapistId !== undefined) query = query.where('therapist_id', '=', q.therapistId);
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  if (q.cursor) {
    const { createdAt, id } = q.cursor;
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(toStored);
}

export async function findIntakeRequest(
  db: Db,
  id: string,
): Promise<StoredIntakeRequest | undefined> {
  const row = await db
    .selectFrom('intake_requests')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStored(row);
}

export async function setIntakeStatus(
  db: Db,
  id: string,
  status: IntakeStatus,
  now: number,
): Promise<void> {
  await db
    .updateTable('intake_requests')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .execute();
}
