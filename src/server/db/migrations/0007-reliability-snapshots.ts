import type { Kysely } from 'kysely';
import { atomically, type Db } from '../schema.js';
import {
  EMPTY_SNAPSHOT,
  encodeSnapshot,
  refreshReliability,
  type Tables,
} from './frozen/0007-reliability.js';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite migrations run outside a transaction (PostgreSQL's run inside one): a backfill stopped
  // half-way must not leave the new column behind without the migration recorded, so this one takes
  // its own where it has none.
  await atomically(db as unknown as Db, (trx) =>
    upInTransaction(trx as unknown as Kysely<unknown>),
  );
}

async function upInTransaction(db: Kysely<unknown>): Promise<void> {
  // Each commitment's reliability, kept up to date as entries are logged and answered, so reading
  // a year of entries does not recompute a year of estimates. Derived from the plain statuses only.
  await db.schema
    .alterTable('commitments')
    .addColumn('reliability', 'text', (c) => c.notNull().defaultTo(encodeSnapshot(EMPTY_SNAPSHOT)))
    .execute();
  // Each person's commitments in a journey pooled into one estimate, and the row that serialises
  // two changes for the same person on PostgreSQL.
  await db.schema
    .createTable('reliability_pools')
    .addColumn('journey_id', 'text', (c) =>
      c.notNull().references('journeys.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    // How many of the person's entries wait for their partner's look, for the journey dashboard.
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('reliability_pools_pk', ['journey_id', 'user_id'])
    .execute();

  // A commitment's newest entries, and each page before them, are read by (at, id) descending:
  // with id in the index, SQLite walks it in order instead of sorting ties.
  await db.schema.dropIndex('commitment_logs_commitment').execute();
  await db.schema
    .createIndex('commitment_logs_commitment_at_id')
    .on('commitment_logs')
    .columns(['commitment_id', 'at', 'id'])
    .execute();

  // Bring the commitments made before this migration up to date, with the code as it was then
  // (frozen in ./frozen): a later format change comes with its own migration that recomputes them.
  const typed = db as unknown as Kysely<Tables>;
  const people = await typed
    .selectFrom('commitments')
    .select(['journey_id', 'committed_by'])
    .distinct()
    .execute();
  for (const p of people) await refreshReliability(typed, p.journey_id, p.committed_by);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('commitment_logs_commitment_at_id').execute();
  await db.schema
    .createIndex('commitment_logs_commitment')
    .on('commitment_logs')
    .columns(['commitment_id', 'at'])
    .execute();
  await db.schema.dropTable('reliability_pools').execute();
  await db.schema.alterTable('commitments').dropColumn('reliability').execute();
}
