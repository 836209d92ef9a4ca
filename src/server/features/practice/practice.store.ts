import type { Db } from '../../db/schema.js';

/** The country whose crisis lines people see before they choose their own (JSON: a code or null). */
export const DEFAULT_COUNTRY = 'default_country';

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
