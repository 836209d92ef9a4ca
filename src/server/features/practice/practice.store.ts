import type { Db } from '../../db/schema.js';

/** The country whose crisis lines people see before they choose their own (JSON: a code or null). */
export const DEFAULT_COUNTRY = 'default_country';
/** The practice's details, each a JSON value (a string, null, or for intake a boolean). */
export const PRACTICE_NAME = 'name';
export const CONTACT_EMAIL = 'contact_email';
export const PHONE = 'phone';
export const ADDRESS = 'address';
export const TIME_ZONE = 'time_zone';
export const INTAKE_OPEN = 'intake_open';

/** Every stored setting by key, in one query. */
export async function readPracticeSettings(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.selectFrom('practice_settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** A stored setting's value, or undefined when the administrator has not set it. */
export async function readPracticeSetting(db: Db, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('practice_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function writePracticeSetting(
  db: Db,
  key: string,
  value: unknown,
  now: number,
): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('practice_settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}
