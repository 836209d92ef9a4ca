import type { Kysely } from 'kysely';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each version's word diff from the one before, computed once when the version is saved and
  // sealed like its text. Versions saved before this column get theirs on the first read that
  // needs it: opening their texts takes the master key, which migrations run without.
  await db.schema.alterTable('agreement_versions').addColumn('diff_sealed', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreement_versions').dropColumn('diff_sealed').execute();
}
