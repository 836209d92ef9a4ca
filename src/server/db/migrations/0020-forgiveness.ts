import type { Kysely } from 'kysely';

/**
 * Step 7, working through forgiveness: each person's answers to Steadfast's own forgiveness
 * reflection (answers and note sealed together under their key), their private written
 * reflections (sealed), and their choice to share the chart of means with their partner (off
 * unless they turn it on; a yes/no integer, 0/1, as elsewhere).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forgiveness_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  // Serves a person's chart in their journey (their own, or their partner's while shared).
  await db.schema
    .createIndex('forgiveness_entries_person')
    .on('forgiveness_entries')
    .columns(['journey_id', 'user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('forgiveness_reflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forgiveness_reflections_author')
    .on('forgiveness_reflections')
    .columns(['journey_id', 'author_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('forgiveness_sharing')
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('forgiveness_sharing_pk', ['journey_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('forgiveness_sharing').execute();
  await db.schema.dropTable('forgiveness_reflections').execute();
  await db.schema.dropTable('forgiveness_entries').execute();
}
