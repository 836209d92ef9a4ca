import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One accountability statement per person in a journey: it grows by versions rather than
  // starting again beside itself. Its first version is the one row with version 1, so two starts
  // at the same moment cannot both land.
  await db.schema
    .createIndex('letters_one_statement')
    .on('letters')
    .columns(['journey_id', 'author_id'])
    .unique()
    .where(sql.ref('kind'), '=', sql.lit('statement'))
    .where(sql.ref('version'), '=', sql.lit(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('letters_one_statement').execute();
}
