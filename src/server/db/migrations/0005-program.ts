import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per thing a member did on the seven steps: marked a step ready or not ready, revisited
  // it, or worked on one of its exercises. Only ids, a kind and a time: no words anyone wrote, so
  // nothing is sealed. Rows are never changed or removed; the step model replays them.
  await db.schema
    .createTable('program_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) =>
      c.notNull().references('journeys.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('exercise_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  // Serves "this journey's events, in order", the only way they are read.
  await db.schema
    .createIndex('program_events_journey_time')
    .on('program_events')
    .columns(['journey_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('program_events').execute();
}
