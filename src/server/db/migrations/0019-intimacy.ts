import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Step 6, closeness: the journey's current round. Writers lock this row first, so two people
  // marking at the same moment take their turns.
  await db.schema
    .createTable('closeness_rounds')
    .addColumn('journey_id', 'text', (c) => c.primaryKey().references('journeys.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .execute();
  // Each person's latest marks and the round they belong to: one sealed value under the person's
  // key, so a copy of the database shows neither which kinds were marked nor how.
  await db.schema
    .createTable('closeness_marks')
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('closeness_marks_pk', ['journey_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('closeness_marks').execute();
  await db.schema.dropTable('closeness_rounds').execute();
}
