import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per PHQ-9 or GAD-7 a person answered. Only the instrument and the time are plain (to
  // find a person's results in order); the answers, the follow-up answer, the total, the band and
  // the flags are sealed together under the person's own key.
  await db.schema
    .createTable('screen_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  // Serves "my results of this instrument, in order" and "my newest result".
  await db.schema
    .createIndex('screen_results_user_instrument_time')
    .on('screen_results')
    .columns(['user_id', 'instrument_id', 'created_at'])
    .execute();

  // "Not now" on the suggestion to look again: a plain time with no content (it says nothing about
  // how the person is doing, only that they set a reminder aside), one per person and instrument.
  await db.schema
    .createTable('screen_dismissals')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('screen_dismissals_pk', ['user_id', 'instrument_id'])
    .execute();

  // Serves the feelings chart: one person's own check-ins in a time window, across journeys.
  await db.schema
    .createIndex('checkins_author_time')
    .on('checkins')
    .columns(['author_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('checkins_author_time').execute();
  for (const table of ['screen_dismissals', 'screen_results']) {
    await db.schema.dropTable(table).execute();
  }
}
