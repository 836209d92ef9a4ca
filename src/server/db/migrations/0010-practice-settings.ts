import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // What the practice's administrator sets (the default crisis country now; name, address and
  // intake later), one row per setting, apart from the app's own bookkeeping in `settings`.
  await db.schema
    .createTable('practice_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('practice_settings').execute();
}
