import { sql, type Kysely } from 'kysely';

/**
 * At most one link that has not ended per client and therapist: the service checks it in its
 * transaction, and this partial unique index (the same on SQLite and PostgreSQL) refuses a second
 * one that slips by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('therapist_links_one_open')
    .unique()
    .on('therapist_links')
    .columns(['client_id', 'therapist_id'])
    .where(sql.ref('status'), '!=', 'ended')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('therapist_links_one_open').execute();
}
