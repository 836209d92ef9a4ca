import type { AgendaPart, MeetingSchedule, Occurrence } from '../../../core/meetings/meeting.js';
import { compileOnce, perDatabase } from '../../db/compile-once.js';
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

type ScheduleRow = {
  journey_id: string;
  weekday: number;
  local_time: string;
  time_zone: string;
  duration_minutes: number;
  frequency: MeetingSchedule['frequency'];
  first_date: string;
  updated_by: string;
  updated_at: number;
};

const toSchedule = (r: ScheduleRow): StoredSchedule => ({
  journeyId: r.journey_id,
  weekday: r.weekday as MeetingSchedule['weekday'],
  time: r.local_time,
  timeZone: r.time_zone,
  durationMinutes: r.duration_minutes,
  frequency: r.frequency,
  firstDate: r.first_date,
  updatedBy: r.updated_by,
  updatedAt: Number(r.updated_at),
});

export async function findSchedule(db: Db, journeyId: string): Promise<StoredSchedule | undefined> {
  const r = await db
    .selectFrom('meeting_schedules')
    .selectAll()
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return r ? toSchedule(r) : undefined;
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
 * the new schedule's next meeting, unless that day's meeting has already begun. When the new
 * meeting is already under way, nothing moved is brought until its author chooses again.
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
  const moving = await db
    .selectFrom('meetings')
    .select('id')
    .where('journey_id', '=', journeyId)
    .where('starts_at', '>', now)
    .execute();
  if (moving.length === 0) return;
  const ids = moving.map((m) => m.id);
  await db
    .updateTable('meetings')
    .set({ date: to.date, starts_at: to.startsAt, ends_at: to.endsAt })
    .where('id', 'in', ids)
    .execute();
  // Moved to a meeting that is already under way: what was to be brought later is not shown now.
  // Each author chooses again what to bring.
  if (to.startsAt <= now) {
    await db
      .updateTable('meeting_items')
      .set({ bring: 0 })
      .where('meeting_id', 'in', ids)
      .execute();
  }
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

const toNote = (r: {
  id: string;
  meeting_id: string;
  author_id: string;
  shared: number;
  updated_at: number;
  sealed: string;
}): StoredNote => ({
  id: r.id,
  meetingId: r.meeting_id,
  authorId: r.author_id,
  shared: Number(r.shared) === 1,
  updatedAt: Number(r.updated_at),
  sealed: r.sealed,
});

/** The notes on these meetings. */
export async function notesOf(db: Db, meetingIds: readonly string[]): Promise<StoredNote[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meeting_notes')
    .select(['id', 'meeting_id', 'author_id', 'shared', 'updated_at', 'sealed'])
    .where('meeting_id', 'in', meetingIds)
    .execute();
  return rows.map(toNote);
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

/**
 * The meetings page's reads, each compiled once (the page is read often: see bench/meetings.ts):
 * the schedule, my feed, and the meetings on one or two days with their items and notes, found by
 * journey and day so the three can run at once.
 */
export const compiledPage = perDatabase((db: Db) => {
  const meetings = (journeyId: string, dates: string[]) =>
    db
      .selectFrom('meetings')
      .select(['id', 'date', 'starts_at', 'ends_at'])
      .where('journey_id', '=', journeyId)
      .where('date', 'in', dates);
  const items = (journeyId: string, dates: string[]) =>
    db
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
      ])
      .where('m.journey_id', '=', journeyId)
      .where('m.date', 'in', dates)
      .orderBy('i.created_at')
      .orderBy('i.id');
  const notes = (journeyId: string, dates: string[]) =>
    db
      .selectFrom('meeting_notes as n')
      .innerJoin('meetings as m', 'm.id', 'n.meeting_id')
      .select(['n.id', 'n.meeting_id', 'n.author_id', 'n.shared', 'n.updated_at', 'n.sealed'])
      .where('m.journey_id', '=', journeyId)
      .where('m.date', 'in', dates);
  return {
    schedule: compileOnce(
      (journeyId: string) =>
        db.selectFrom('meeting_schedules').selectAll().where('journey_id', '=', journeyId),
      1,
    ),
    feed: compileOnce(
      (userId: string) =>
        db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId),
      1,
    ),
    meetingsOne: compileOnce((j: string, d: string) => meetings(j, [d]), 2),
    meetingsTwo: compileOnce((j: string, d: string, e: string) => meetings(j, [d, e]), 3),
    itemsOne: compileOnce((j: string, d: string) => items(j, [d]), 2),
    itemsTwo: compileOnce((j: string, d: string, e: string) => items(j, [d, e]), 3),
    notesOne: compileOnce((j: string, d: string) => notes(j, [d]), 2),
    notesTwo: compileOnce((j: string, d: string, e: string) => notes(j, [d, e]), 3),
  };
});

export async function pageSchedule(db: Db, journeyId: string): Promise<StoredSchedule | undefined> {
  const { rows } = await db.executeQuery(compiledPage(db).schedule(journeyId));
  return rows[0] ? toSchedule(rows[0]) : undefined;
}

export async function pageFeed(db: Db, userId: string): Promise<{ createdAt: number } | undefined> {
  const { rows } = await db.executeQuery(compiledPage(db).feed(userId));
  return rows[0] ? { createdAt: Number(rows[0].created_at) } : undefined;
}

/** The meetings on one or two days, with their items and notes, read at once. */
export async function pageMeetings(
  db: Db,
  journeyId: string,
  dates: readonly [string] | readonly [string, string],
): Promise<{ meetings: StoredMeeting[]; items: StoredItem[]; notes: StoredNote[] }> {
  const q = compiledPage(db);
  const [meetings, items, notes] = await Promise.all(
    dates.length === 1
      ? [
          db.executeQuery(q.meetingsOne(journeyId, dates[0])),
          db.executeQuery(q.itemsOne(journeyId, dates[0])),
          db.executeQuery(q.notesOne(journeyId, dates[0])),
        ]
      : [
          db.executeQuery(q.meetingsTwo(journeyId, dates[0], dates[1])),
          db.executeQuery(q.itemsTwo(journeyId, dates[0], dates[1])),
          db.executeQuery(q.notesTwo(journeyId, dates[0], dates[1])),
        ],
  );
  return {
    meetings: meetings.rows.map(toMeeting),
    items: items.rows.map(toItem),
    notes: notes.rows.map(toNote),
  };
}
