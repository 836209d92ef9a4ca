import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per version of an agreement. Agreements are made between the partners, so both read
  // every version; the text is still sealed at rest, under the key of the partner who proposed it.
  await db.schema
    .createTable('agreement_versions')
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    // The unique key two racing answers meet: only one of them can add version n + 1.
    .addPrimaryKeyConstraint('agreement_versions_pk', ['agreement_id', 'version'])
    .execute();
  // Serves the list of agreements in a journey.
  await db.schema
    .createIndex('agreement_versions_journey')
    .on('agreement_versions')
    .columns(['journey_id', 'agreement_id'])
    .execute();

  // A partner's commitment to the accepted version of an agreement; no content of its own.
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('agreement_version', 'integer', (c) => c.notNull())
    .addColumn('committed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rhythm', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('commitments_journey')
    .on('commitments')
    .column('journey_id')
    .execute();
  // One running commitment per person per agreement, even when two are made at once.
  await db.schema
    .createIndex('commitments_one_running')
    .on('commitments')
    .columns(['agreement_id', 'committed_by'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();

  // Follow-through entries and the partner's answers. A dispute note is sealed under the key of the
  // partner who wrote it (answered_by).
  await db.schema
    .createTable('commitment_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('logged_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'bigint')
    .addColumn('sealed', 'text')
    .execute();
  await db.schema
    .createIndex('commitment_logs_commitment')
    .on('commitment_logs')
    .columns(['commitment_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['commitment_logs', 'commitments', 'agreement_versions']) {
    await db.schema.dropTable(table).execute();
  }
}
