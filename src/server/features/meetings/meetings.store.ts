import type { AgendaPart, MeetingSchedule, Occurrence } from '../../../core/meetings/meeting.js';
import type { Db } from '../../db/schema.js';

export interface StoredSchedule extends MeetingSchedule {
  readonly journeyId: string;
  readonly updatedBy: string;
  readonly updatedAt: number;
}

export interface StoredMeeting extends Occurrence {
  readonly id: string;
}

export interface StoredItem {
  readonly id: string;
  readonly meetingId: string;
  readonly authorId: string;
  readonly part: AgendaPart;
  readonly bring: boolean;
  readonly updatedAt: number;
  readonly sealed: string;
}

export interface StoredNote {
  readonly id: string;
  readonly meetingId: string;
  readonly authorId: string;
  readonly shared: boolean;
  readonly updatedAt: number;
  readonly sealed: string;
}

export async function findSchedule(db: Db, journeyId: string): Promise<StoredSchedule | undefined> {
  const r = await db
    .selectFrom('meeting_schedules')
    .selectAll()
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return r
    ? {
        journeyId: r.journey_id,
        weekday: r.weekday as MeetingSchedule['weekday'],
        time: r.local_time,
        timeZone: r.time_zone,
        durationMinutes: r.duration_minutes,
        frequency: r.frequency,
        firstDate: r.first_date,
        updatedBy: r.updated_by,
        updatedAt: Number(r.updated_at),
      }
    : undefined;
}

export async function writeSchedule(db: Db, s: StoredSchedule): Promise<void> {
  const values = {
    weekday: s.weekday,
    local_time: s.time,
    time_zone: s.timeZone,
    duration_minutes: s.durationMinutes,
    frequency: s.frequency,
    first_date: s.firstDate,
    updated_by: s.updatedBy,
    updated_at: s.updatedAt,
  };
  await db
    .insertInto('meeting_schedules')
    .values({ journey_id: s.journeyId, ...values })
    .onConflict((oc) => oc.column('journey_id').doUpdateSet(values))
    .execute();
}

/**
 * A new schedule moves the preparation for a meeting that has not begun (there is at most one) to
 * the new schedule's next meeting, unless that day's meeting has already begun.
 */
export async function moveUpcoming(
  db: Db,
  journeyId: string,
  now: number,
  to: Occurrence,
): Promise<void> {
  const begun = await db
    .selectFrom('meetings')
    .select('id')
    .where('journey_id', '=', journeyId)
    .where('date', '=', to.date)
    .where('starts_at', '<=', now)
    .executeTakeFirst();
  if (begun) return;
  await db
    .updateTable('meetings')
    .set({ date: to.date, starts_at: to.startsAt, ends_at: to.endsAt })
    .where('journey_id', '=', journeyId)
    .where('starts_at', '>', now)
    .execute();
}

const toMeeting = (r: {
  id: string;
  date: string;
  starts_at: number;
  ends_at: number;
}): StoredMeeting => ({
  id: r.id,
  date: r.date,
  startsAt: Number(r.starts_at),
  endsAt: Number(r.ends_at),
});

/** The journey's meetings on these days. */
export async function meetingsOn(
  db: Db,
  journeyId: string,
  dates: readonly string[],
): Promise<StoredMeeting[]> {
  // Guard against an empty list: `IN ()` is invalid SQL.
  if (dates.length === 0) return [];
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'date', 'starts_at', 'ends_at'])
    .where('journey_id', '=', journeyId)
    .where('date', 'in', dates)
    .execute();
  return rows.map(toMeeting);
}

/** The meeting on a day, made when it is first needed; two partners at once get the same one. */
export async function ensureMeeting(
  db: Db,
  m: { id: string; journeyId: string; occurrence: Occurrence; now: number },
): Promise<StoredMeeting> {
  await db
    .insertInto('meetings')
    .values({
      id: m.id,
      journey_id: m.journeyId,
      date: m.occurrence.date,
      starts_at: m.occurrence.startsAt,
      ends_at: m.occurrence.endsAt,
      created_at: m.now,
    })
    .onConflict((oc) => oc.columns(['journey_id', 'date']).doNothing())
    .execute();
  const [meeting] = await meetingsOn(db, m.journeyId, [m.occurrence.date]);
  if (!meeting) throw new Error('the meeting was not stored');
  return meeting;
}

/** Meetings that ended by `now`, newest first, after the `before` day when given. */
export async function endedMeetings(
  db: Db,
  q: { journeyId: string; now: number; before: string | undefined; limit: number },
): Promise<StoredMeeting[]> {
  let query = db
    .selectFrom('meetings')
    .select(['id', 'date', 'starts_at', 'ends_at'])
    .where('journey_id', '=', q.journeyId)
    .where('ends_at', '<=', q.now);
  if (q.before) query = query.where('date', '<', q.before);
  const rows = await query.orderBy('date', 'desc').limit(q.limit).execute();
  return rows.map(toMeeting);
}

const itemColumns = [
  'id',
  'meeting_id',
  'author_id',
  'part',
  'bring',
  'updated_at',
  'sealed',
] as const;

const toItem = (r: {
  id: string;
  meeting_id: string;
  author_id: string;
  part: AgendaPart;
  bring: number;
  updated_at: number;
  sealed: string;
}): StoredItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  authorId: r.author_id,
  part: r.part,
  bring: Number(r.bring) === 1,
  updatedAt: Number(r.updated_at),
  sealed: r.sealed,
});

/** The preparation items of these meetings, oldest first. */
export async function itemsOf(db: Db, meetingIds: readonly string[]): Promise<StoredItem[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_items')
    .select(itemColumns)
    .where('meeting_id', 'in', meetingIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

/** The notes on these meetings. */
export async function notesOf(db: Db, meetingIds: readonly string[]): Promise<StoredNote[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_notes')
    .select(['id', 'meeting_id', 'author_id', 'shared', 'updated_at', 'sealed'])
    .where('meeting_id', 'in', meetingIds)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    authorId: r.author_id,
    shared: Number(r.shared) === 1,
    updatedAt: Number(r.updated_at),
    sealed: r.sealed,
  }));
}

/** One item with its meeting, when it is in the journey. */
export async function findItem(
  db: Db,
  journeyId: string,
  id: string,
): Promise<(StoredItem & { meeting: StoredMeeting }) | undefined> {
  const r = await db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select([
      'i.id',
      'i.meeting_id',
      'i.author_id',
      'i.part',
      'i.bring',
      'i.updated_at',
      'i.sealed',
      'm.date',
      'm.starts_at',
      'm.ends_at',
    ])
    .where('i.id', '=', id)
    .where('m.journey_id', '=', journeyId)
    .executeTakeFirst();
  return r
    ? {
        ...toItem(r),
        meeting: toMeeting({
          id: r.meeting_id,
          date: r.date,
          starts_at: r.starts_at,
          ends_at: r.ends_at,
        }),
      }
    : undefined;
}

export async function insertItem(
  db: Db,
  i: {
    id: string;
    meetingId: string;
    authorId: string;
    part: AgendaPart;
    bring: boolean;
    now: number;
    sealed: string;
  },
): Promise<void> {
  await db
    .insertInto('meeting_items')
    .values({
      id: i.id,
      meeting_id: i.meetingId,
      author_id: i.authorId,
      part: i.part,
      bring: i.bring ? 1 : 0,
      created_at: i.now,
      updated_at: i.now,
      sealed: i.sealed,
    })
    .execute();
}

export async function updateItem(
  db: Db,
  i: { id: string; part: AgendaPart; bring: boolean; now: number; sealed: string },
): Promise<void> {
  await db
    .updateTable('meeting_items')
    .set({ part: i.part, bring: i.bring ? 1 : 0, updated_at: i.now, sealed: i.sealed })
    .where('id', '=', i.id)
    .execute();
}

export async function deleteItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('meeting_items').where('id', '=', id).execute();
}

export async function findNote(
  db: Db,
  meetingId: string,
  authorId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('meeting_notes')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
}

export async function insertNote(
  db: Db,
  n: {
    id: string;
    meetingId: string;
    authorId: string;
    shared: boolean;
    now: number;
    sealed: string;
  },
): Promise<void> {
  await db
    .insertInto('meeting_notes')
    .values({
      id: n.id,
      meeting_id: n.meetingId,
      author_id: n.authorId,
      shared: n.shared ? 1 : 0,
      updated_at: n.now,
      sealed: n.sealed,
    })
    .execute();
}

export async function updateNote(
  db: Db,
  n: { id: string; shared: boolean; now: number; sealed: string },
): Promise<void> {
  await db
    .updateTable('meeting_notes')
    .set({ shared: n.shared ? 1 : 0, updated_at: n.now, sealed: n.sealed })
    .where('id', '=', n.id)
    .execute();
}

export async function findFeed(db: Db, userId: string): Promise<{ createdAt: number } | undefined> {
  const r = await db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r ? { createdAt: Number(r.created_at) } : undefined;
}

/** The owner of a feed by its token's hash. */
export async function findFeedOwner(db: Db, tokenHash: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('calendar_feeds')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r?.user_id;
}

/** A person's feed under a new token; the old token stops working in the same statement. */
export async function writeFeed(
  db: Db,
  f: { userId: string; tokenHash: string; now: number },
): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: f.userId, token_hash: f.tokenHash, created_at: f.now })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ token_hash: f.tokenHash, created_at: f.now }),
    )
    .execute();
}

export async function deleteFeed(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}
