import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One check-in meeting schedule per journey; either partner sets or changes it.
  await db.schema
    .createTable('meeting_schedules')
    .addColumn('journey_id', 'text', (c) => c.primaryKey().references('journeys.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // A meeting someone prepared for or wrote about, named by its local date; its times are kept as
  // they were, so history stays right when the schedule changes later.
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // One meeting per journey and day, even when both partners start preparing at once.
  await db.schema
    .createIndex('meetings_journey_date')
    .on('meetings')
    .columns(['journey_id', 'date'])
    .unique()
    .execute();
  // Serves the current meeting and the newest-first history.
  await db.schema
    .createIndex('meetings_journey_starts')
    .on('meetings')
    .columns(['journey_id', 'starts_at'])
    .execute();

  // What one partner prepared: the text is sealed under the author's key.
  await db.schema
    .createTable('meeting_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('bring', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_items_meeting')
    .on('meeting_items')
    .columns(['meeting_id', 'created_at'])
    .execute();

  // How it went, one note per person and meeting, sealed under the author's key.
  await db.schema
    .createTable('meeting_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_notes_one')
    .on('meeting_notes')
    .columns(['meeting_id', 'author_id'])
    .unique()
    .execute();

  // A person's private calendar feed: only the hash of its secret token is kept.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'calendar_feeds',
    'meeting_notes',
    'meeting_items',
    'meetings',
    'meeting_schedules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
