import type { Db, PracticeGroupsTable } from '../../db/schema.js';

/** A group as stored. */
export interface StoredGroup {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly format: 'online' | 'in_person';
  readonly location: string;
  readonly facilitatorId: string | null;
  readonly capacity: number;
  readonly placesTaken: number;
  readonly timeZone: string;
  readonly firstMeeting: string;
  readonly durationMinutes: number;
  readonly rrule: string;
  readonly published: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type GroupFields = Omit<StoredGroup, 'id' | 'slug' | 'createdAt' | 'updatedAt'>;

const mapped = (r: PracticeGroupsTable): StoredGroup => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  format: r.format,
  location: r.location,
  facilitatorId: r.facilitator_id,
  capacity: r.capacity,
  placesTaken: r.places_taken,
  timeZone: r.time_zone,
  firstMeeting: r.first_meeting,
  durationMinutes: r.duration_minutes,
  rrule: r.rrule,
  published: r.published === 1,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const fieldsRow = (g: GroupFields) => ({
  name: g.name,
  description: g.description,
  format: g.format,
  location: g.location,
  facilitator_id: g.facilitatorId,
  capacity: g.capacity,
  places_taken: g.placesTaken,
  time_zone: g.timeZone,
  first_meeting: g.firstMeeting,
  duration_minutes: g.durationMinutes,
  rrule: g.rrule,
  published: g.published ? 1 : 0,
});

export async function listGroups(
  db: Db,
  options: { publishedOnly: boolean },
): Promise<StoredGroup[]> {
  let q = db.selectFrom('practice_groups').selectAll();
  if (options.publishedOnly) q = q.where('published', '=', 1);
  const rows = await q.orderBy('first_meeting').orderBy('name').execute();
  return rows.map(mapped);
}

export async function findGroup(db: Db, id: string): Promise<StoredGroup | undefined> {
  const row = await db
    .selectFrom('practice_groups')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? mapped(row) : undefined;
}

export async function findGroupBySlug(db: Db, slug: string): Promise<StoredGroup | undefined> {
  const row = await db
    .selectFrom('practice_groups')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? mapped(row) : undefined;
}

export async function groupSlugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('practice_groups')
    .select('slug')
    .where('slug', 'like', `${base}%`)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertGroup(
  db: Db,
  g: { id: string; slug: string; fields: GroupFields; now: number },
): Promise<void> {
  await db
    .insertInto('practice_groups')
    .values({
      id: g.id,
      slug: g.slug,
      ...fieldsRow(g.fields),
      created_at: g.now,
      updated_at: g.now,
    })
    .execute();
}

/** Changes a group; false when there is none by that id. */
export async function updateGroup(
  db: Db,
  id: string,
  fields: GroupFields,
  now: number,
): Promise<boolean> {
  const res = await db
    .updateTable('practice_groups')
    .set({ ...fieldsRow(fields), updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function deleteGroup(db: Db, id: string): Promise<boolean> {
  const res = await db.deleteFrom('practice_groups').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
