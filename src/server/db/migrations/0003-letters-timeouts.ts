import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per version of an impact letter, a reflection or an unsent letter. Only the text is
  // sealed (under its author's key); kind and state stay readable so the rules can be queried.
  await db.schema
    .createTable('letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('responds_to', 'text', (c) => c.references('letters.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('shared_at', 'bigint')
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  // Serves the list of letters in a journey.
  await db.schema
    .createIndex('letters_journey')
    .on('letters')
    .columns(['journey_id', 'thread_id'])
    .execute();
  // Version numbers are unique in their thread per kind and author…
  await db.schema
    .createIndex('letters_version')
    .on('letters')
    .columns(['thread_id', 'kind', 'author_id', 'version'])
    .unique()
    .execute();
  // …and there is at most one draft of each at a time, even when two saves race.
  await db.schema
    .createIndex('letters_one_draft')
    .on('letters')
    .columns(['thread_id', 'kind', 'author_id'])
    .unique()
    .where(sql.ref('state'), '=', sql.lit('draft'))
    .execute();

  // The answer to one shared reflection version; a reflection version gets one answer.
  await db.schema
    .createTable('letter_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('reflection_id', 'text', (c) => c.notNull().unique().references('letters.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('letter_answers_journey')
    .on('letter_answers')
    .column('journey_id')
    .execute();

  // Agreed time-outs: no content, only who called one and until when.
  await db.schema
    .createTable('timeouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('returns_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  // One open time-out per journey, enforced by the database when two are called at once; it also
  // serves the "current time-out" read. Expired ones are closed when the next one is called.
  await db.schema
    .createIndex('timeouts_one_open')
    .on('timeouts')
    .column('journey_id')
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['timeouts', 'letter_answers', 'letters']) {
    await db.schema.dropTable(table).execute();
  }
}
