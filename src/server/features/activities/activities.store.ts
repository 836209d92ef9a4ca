import type { ActivityPlan } from '../../../core/activities/activity.js';
import type { Db } from '../../db/schema.js';

/** An activity as stored: its words still sealed, each partner's "done" beside it. */
export interface StoredActivity {
  readonly id: string;
  readonly journeyId: string;
  readonly addedBy: string;
  readonly addedAt: number;
  readonly titleSealed: string;
  readonly detailsSealed: string | null;
  readonly plan: ActivityPlan | null;
  readonly setAsideAt: number | null;
  readonly updatedAt: number;
  readonly done: readonly StoredDone[];
}

export interface StoredDone {
  readonly memberId: string;
  readonly at: number;
  readonly noteSealed: string | null;
}

const baseQuery = (db: Db) =>
  db
    .selectFrom('activities')
    .select([
      'id',
      'journey_id',
      'added_by',
      'added_at',
      'title_sealed',
      'details_sealed',
      'plan_date',
      'plan_time',
      'plan_zone',
      'plan_minutes',
      'set_aside_at',
      'updated_at',
    ]);
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toStored = (r: Row, done: readonly StoredDone[]): StoredActivity => ({
  id: r.id,
  journeyId: r.journey_id,
  addedBy: r.added_by,
  addedAt: Number(r.added_at),
  titleSealed: r.title_sealed,
  detailsSealed: r.details_sealed,
  plan:
    r.plan_date === null
      ? null
      : {
          date: r.plan_date,
          time: r.plan_time,
          timeZone: r.plan_zone,
          durationMinutes: r.plan_minutes === null ? null : Number(r.plan_minutes),
        },
  setAsideAt: r.set_aside_at === null ? null : Number(r.set_aside_at),
  updatedAt: Number(r.updated_at),
  done,
});

async function doneFor(db: Db, ids: readonly string[]): Promise<Map<string, StoredDone[]>> {
  const byId = new Map<string, StoredDone[]>();
  // Guard against an empty id list: `IN ()` is invalid SQL.
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('activity_done')
    .select(['activity_id', 'member_id', 'at', 'note_sealed'])
    .where('activity_id', 'in', ids)
    .orderBy('at')
    .orderBy('member_id')
    .execute();
  for (const r of rows) {
    const list = byId.get(r.activity_id) ?? [];
    list.push({ memberId: r.member_id, at: Number(r.at), noteSealed: r.note_sealed });
    byId.set(r.activity_id, list);
  }
  return byId;
}

/** The journey's activities, newest first. */
export async function listActivities(db: Db, journeyId: string): Promise<StoredActivity[]> {
  const rows = await baseQuery(db)
    .where('journey_id', '=', journeyId)
    .orderBy('added_at', 'desc')
    .orderBy('id')
    .execute();
  const done = await doneFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toStored(r, done.get(r.id) ?? []));
}

/** One activity of the journey; undefined for any other (or none). */
export async function findActivity(
  db: Db,
  journeyId: string,
  id: string,
): Promise<StoredActivity | undefined> {
  const row = await baseQuery(db)
    .where('id', '=', id)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  if (!row) return undefined;
  return toStored(row, (await doneFor(db, [row.id])).get(row.id) ?? []);
}

export async function insertActivity(
  db: Db,
  a: {
    id: string;
    journeyId: string;
    addedBy: string;
    now: number;
    titleSealed: string;
    detailsSealed: string | null;
  },
): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      id: a.id,
      journey_id: a.journeyId,
      added_by: a.addedBy,
      added_at: a.now,
      title_sealed: a.titleSealed,
      details_sealed: a.detailsSealed,
      plan_date: null,
      plan_time: null,
      plan_zone: null,
      plan_minutes: null,
      set_aside_at: null,
      updated_at: a.now,
    })
    .execute();
}

export async function writePlan(db: Db, id: string, plan: ActivityPlan, now: number) {
  await db
    .updateTable('activities')
    .set({
      plan_date: plan.date,
      plan_time: plan.time,
      plan_zone: plan.timeZone,
      plan_minutes: plan.durationMinutes,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function writeSetAside(db: Db, id: string, setAside: boolean, now: number) {
  await db
    .updateTable('activities')
    .set({ set_aside_at: setAside ? now : null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Marks it done for one partner, or replaces their note when they had already. */
export async function writeDone(
  db: Db,
  d: { activityId: string; memberId: string; now: number; noteSealed: string | null },
): Promise<void> {
  await db
    .insertInto('activity_done')
    .values({
      activity_id: d.activityId,
      member_id: d.memberId,
      at: d.now,
      note_sealed: d.noteSealed,
    })
    .onConflict((oc) =>
      oc.columns(['activity_id', 'member_id']).doUpdateSet({ note_sealed: d.noteSealed }),
    )
    .execute();
  await db
    .updateTable('activities')
    .set({ updated_at: d.now })
    .where('id', '=', d.activityId)
    .execute();
}
