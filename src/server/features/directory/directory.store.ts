import type { Approach, Format } from '../../../core/directory/profile.js';
import type { Db, TherapistProfilesTable } from '../../db/schema.js';

/** A profile as stored, with its lists parsed and its yes/no answers as booleans. */
export interface StoredProfile {
  readonly userId: string;
  readonly slug: string;
  readonly name: string;
  readonly title: string;
  readonly bio: string;
  readonly approaches: Approach[];
  readonly formats: Format[];
  readonly languages: string[];
  readonly betrayalExperience: boolean;
  readonly online: boolean;
  readonly inPerson: boolean;
  readonly accepting: boolean;
  readonly availability: string;
  readonly hasPhoto: boolean;
  readonly published: boolean;
  readonly updatedAt: number;
}

/** What a profile's author writes; the slug and the photo are kept apart. */
export interface ProfileFields {
  readonly name: string;
  readonly title: string;
  readonly bio: string;
  readonly approaches: readonly Approach[];
  readonly formats: readonly Format[];
  readonly languages: readonly string[];
  readonly betrayalExperience: boolean;
  readonly online: boolean;
  readonly inPerson: boolean;
  readonly accepting: boolean;
  readonly availability: string;
  readonly published: boolean;
}

const columns = [
  'user_id',
  'slug',
  'name',
  'title',
  'bio',
  'approaches',
  'formats',
  'languages',
  'betrayal_experience',
  'online',
  'in_person',
  'accepting',
  'availability',
  'published',
  'updated_at',
] as const;

type Row = Pick<TherapistProfilesTable, (typeof columns)[number]> & { has_photo: number | string };

const list = <T>(json: string): T[] => {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
};

const mapped = (r: Row): StoredProfile => ({
  userId: r.user_id,
  slug: r.slug,
  name: r.name,
  title: r.title,
  bio: r.bio,
  approaches: list<Approach>(r.approaches),
  formats: list<Format>(r.formats),
  languages: list<string>(r.languages),
  betrayalExperience: r.betrayal_experience === 1,
  online: r.online === 1,
  inPerson: r.in_person === 1,
  accepting: r.accepting === 1,
  availability: r.availability,
  hasPhoto: Number(r.has_photo) === 1,
  published: r.published === 1,
  updatedAt: Number(r.updated_at),
});

const fieldsRow = (f: ProfileFields) => ({
  name: f.name,
  title: f.title,
  bio: f.bio,
  approaches: JSON.stringify(f.approaches),
  formats: JSON.stringify(f.formats),
  languages: JSON.stringify(f.languages),
  betrayal_experience: f.betrayalExperience ? 1 : 0,
  online: f.online ? 1 : 0,
  in_person: f.inPerson ? 1 : 0,
  accepting: f.accepting ? 1 : 0,
  availability: f.availability,
  published: f.published ? 1 : 0,
});

const selectProfiles = (db: Db) =>
  db
    .selectFrom('therapist_profiles')
    .select(columns)
    .select((eb) => eb.case().when('photo', 'is not', null).then(1).else(0).end().as('has_photo'));

export async function findProfile(db: Db, userId: string): Promise<StoredProfile | undefined> {
  const row = await selectProfiles(db).where('user_id', '=', userId).executeTakeFirst();
  return row ? mapped(row) : undefined;
}

export async function findProfileBySlug(db: Db, slug: string): Promise<StoredProfile | undefined> {
  const row = await selectProfiles(db).where('slug', '=', slug).executeTakeFirst();
  return row ? mapped(row) : undefined;
}

/** Every profile by name; only the published ones unless told. */
export async function listProfiles(
  db: Db,
  options: { publishedOnly: boolean },
): Promise<StoredProfile[]> {
  let q = selectProfiles(db);
  if (options.publishedOnly) q = q.where('published', '=', 1);
  const rows = await q.orderBy('name').orderBy('slug').execute();
  return rows.map(mapped);
}

/** The slugs already taken that start with `base` (to pick the next free one). */
export async function slugsLike(db: Db, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('therapist_profiles')
    .select('slug')
    .where('slug', 'like', `${base}%`)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertProfile(
  db: Db,
  p: { userId: string; slug: string; fields: ProfileFields; now: number },
): Promise<void> {
  await db
    .insertInto('therapist_profiles')
    .values({
      user_id: p.userId,
      slug: p.slug,
      ...fieldsRow(p.fields),
      photo: null,
      photo_type: null,
      updated_at: p.now,
    })
    .execute();
}

export async function updateProfile(
  db: Db,
  userId: string,
  fields: ProfileFields,
  now: number,
): Promise<void> {
  await db
    .updateTable('therapist_profiles')
    .set({ ...fieldsRow(fields), updated_at: now })
    .where('user_id', '=', userId)
    .execute();
}

export async function setPhoto(
  db: Db,
  userId: string,
  photo: { base64: string; type: string } | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('therapist_profiles')
    .set({ photo: photo?.base64 ?? null, photo_type: photo?.type ?? null, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
}

/** A published profile's photo, by slug. */
export async function findPublishedPhoto(
  db: Db,
  slug: string,
): Promise<{ base64: string; type: string; updatedAt: number } | undefined> {
  const row = await db
    .selectFrom('therapist_profiles')
    .select(['photo', 'photo_type', 'updated_at'])
    .where('slug', '=', slug)
    .where('published', '=', 1)
    .executeTakeFirst();
  return row?.photo && row.photo_type
    ? { base64: row.photo, type: row.photo_type, updatedAt: Number(row.updated_at) }
    : undefined;
}

/** The ids of every therapist account. */
export async function therapistIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'therapist').execute();
  return rows.map((r) => r.id);
}

export async function isTherapist(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('role', '=', 'therapist')
    .executeTakeFirst();
  return row !== undefined;
}
