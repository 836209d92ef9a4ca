import { sql, type Kysely } from 'kysely';
import { atomically, type Db } from '../schema.js';

/**
 * The journey dashboard asks, on every visit, whether the partner has shared anything: four yes/no
 * questions. Each gets a partial index holding only the rows that answer yes, so the answer is one
 * index probe, however many check-ins, letters or entries the journey has (before, a partner who
 * kept every check-in private made the dashboard walk all of the journey's check-ins). The query
 * must spell these conditions as literals for SQLite to use them (see program.store.ts).
 */
export async function up(migrating: Kysely<unknown>): Promise<void> {
  // SQLite migrations run outside a transaction: this one drops an index to build it again, so it
  // takes its own, and a failure leaves the schema as it was.
  await atomically(migrating as unknown as Db, (db) => addIndexes(db));
}

async function addIndexes(db: Db): Promise<void> {
  await db.schema
    .createIndex('checkins_shared')
    .on('checkins')
    .columns(['journey_id', 'author_id'])
    .where(sql.ref('visibility'), '=', sql.lit('partner'))
    .execute();
  await db.schema
    .createIndex('letters_statement_shared')
    .on('letters')
    .columns(['journey_id', 'author_id'])
    .where(sql.ref('kind'), '=', sql.lit('statement'))
    .where(sql.ref('state'), '=', sql.lit('shared'))
    .execute();
  await db.schema
    .createIndex('agreement_versions_proposed')
    .on('agreement_versions')
    .columns(['journey_id', 'proposed_by'])
    .where(sql.ref('status'), '=', sql.lit('proposed'))
    .execute();
  await db.schema
    .createIndex('reliability_pools_pending')
    .on('reliability_pools')
    // pending as well: SQLite checks an inequality again from the row, here from the index.
    .columns(['journey_id', 'user_id', 'pending'])
    .where(sql.ref('pending'), '>', sql.lit(0))
    .execute();
  // The journey's events are replayed in (at, id) order: with id in the index, without a sort.
  await db.schema.dropIndex('program_events_journey_time').execute();
  await db.schema
    .createIndex('program_events_journey_time')
    .on('program_events')
    .columns(['journey_id', 'at', 'id'])
    .execute();
}

export async function down(migrating: Kysely<unknown>): Promise<void> {
  await atomically(migrating as unknown as Db, (db) => dropIndexes(db));
}

async function dropIndexes(db: Db): Promise<void> {
  await db.schema.dropIndex('program_events_journey_time').execute();
  await db.schema
    .createIndex('program_events_journey_time')
    .on('program_events')
    .columns(['journey_id', 'at'])
    .execute();
  for (const name of [
    'reliability_pools_pending',
    'agreement_versions_proposed',
    'letters_statement_shared',
    'checkins_shared',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
