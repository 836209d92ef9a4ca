import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A person's safety check answers, safety mode and discreet mode, sealed as one value under their
  // own key: a copy of the database does not tell who answered "yes".
  await db.schema
    .createTable('safety_states')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // Each session's idle time, sealed for every session alike (see auth/session-idle.ts); null
  // only for sessions from before this migration, which keep the configured default.
  await db.schema.alterTable('sessions').addColumn('idle_sealed', 'text').execute();
  // The country whose crisis lines the person sees first; null until they pick one.
  await db.schema.alterTable('users').addColumn('country', 'text').execute();
}
