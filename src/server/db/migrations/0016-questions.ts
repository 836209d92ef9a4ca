import type { Kysely } from 'kysely';

/**
 * Questions and answers at the hurt partner's pace (step 4). A question's text is sealed under the
 * asker's key, an answer's under the answerer's, the asker's mark on an answer under the asker's;
 * openness carries no words of anyone's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('asker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('asked_at', 'bigint', (c) => c.notNull())
    .addColumn('follows', 'text')
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  // Serves the thread: a journey's questions newest first, by keyset on (asked_at, id).
  await db.schema
    .createIndex('questions_journey_time')
    .on('questions')
    .columns(['journey_id', 'asked_at', 'id'])
    .execute();

  await db.schema
    .createTable('question_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id'))
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    // The asker's "That helps" / "I need more", sealed under the asker's key: it says how they are.
    .addColumn('mark_sealed', 'text')
    .addColumn('marked_by', 'text', (c) => c.references('users.id'))
    .addColumn('marked_at', 'bigint')
    .execute();
  // Serves a page's answers, read for all its questions at once.
  await db.schema
    .createIndex('question_answers_question')
    .on('question_answers')
    .columns(['question_id', 'at'])
    .execute();

  // One row per asker per journey; yes/no as 0/1, as elsewhere.
  await db.schema
    .createTable('question_openness')
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('open_until', 'bigint')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('slots', 'text', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('question_openness_pk', ['journey_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['question_openness', 'question_answers', 'questions']) {
    await db.schema.dropTable(table).execute();
  }
}
