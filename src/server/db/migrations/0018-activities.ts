import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A couple's shared activities (step 5). Both partners read every row; the words are sealed under
  // the key of the partner who added them. The plan (a day, a time, a zone) is not free text.
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addColumn('title_sealed', 'text', (c) => c.notNull())
    .addColumn('details_sealed', 'text')
    .addColumn('plan_date', 'text')
    .addColumn('plan_time', 'text')
    .addColumn('plan_zone', 'text')
    .addColumn('plan_minutes', 'integer')
    .addColumn('set_aside_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Serves the journey's list.
  await db.schema
    .createIndex('activities_journey')
    .on('activities')
    .columns(['journey_id', 'added_at'])
    .execute();

  // Each partner's "we did this", once per person; the note sealed under their own key.
  await db.schema
    .createTable('activity_done')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('note_sealed', 'text')
    .addPrimaryKeyConstraint('activity_done_pk', ['activity_id', 'member_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('activity_done').execute();
  await db.schema.dropTable('activities').execute();
}
