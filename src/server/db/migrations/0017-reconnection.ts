import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Step 5's connection prompts: each partner's entry on a prompt of the decks (content/), an
  // answer sealed under its writer's key, or a skip (no words). One entry per person per prompt,
  // so two answers sent at once meet the key.
  await db.schema
    .createTable('prompt_answers')
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('prompt_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_answers_pk', ['journey_id', 'prompt_id', 'user_id'])
    .execute();

  // Appreciation notes, sealed under their author's key, read newest first by both partners.
  await db.schema
    .createTable('appreciations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appreciations_journey_at')
    .on('appreciations')
    .columns(['journey_id', 'at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['appreciations', 'prompt_answers']) {
    await db.schema.dropTable(table).execute();
  }
}
