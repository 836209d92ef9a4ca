import type { Kysely } from 'kysely';

/**
 * When the administrator removed a therapist's access: the account stays (its audit trail and
 * history keep their author) but can no longer sign in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('removed_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('removed_at').execute();
}
