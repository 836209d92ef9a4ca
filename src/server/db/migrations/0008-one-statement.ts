import { sql, type Kysely } from 'kysely';
import { atomically, type Db } from '../schema.js';

// Migrations take Kysely<unknown>: they describe the schema as it was, not as the code sees it now.
export async function up(db: Kysely<unknown>): Promise<void> {
  // SQLite migrations run outside a transaction (PostgreSQL's run inside one): this one must not
  // stop half-way, so it takes its own where it has none.
  await atomically(db as unknown as Db, async (trx) => {
    await mergeExtraStatements(trx);
    // One accountability statement per person in a journey: it grows by versions rather than
    // starting again beside itself. Its first version is the one row with version 1, so two starts
    // at the same moment cannot both land.
    await trx.schema
      .createIndex('letters_one_statement')
      .on('letters')
      .columns(['journey_id', 'author_id'])
      .unique()
      .where(sql.ref('kind'), '=', sql.lit('statement'))
      .where(sql.ref('version'), '=', sql.lit(1))
      .execute();
  });
}

/**
 * Before this rule, a person could begin a second statement (from the API, or two starts at once).
 * Nothing is dropped: each later statement's versions move, in order, to the end of the person's
 * first statement, so both partners keep reading every version and every answer (answers point at
 * versions by id). Only one draft may remain per statement, so an older draft is kept privately
 * for its author, never sent.
 */
async function mergeExtraStatements(trx: Db): Promise<void> {
  const firsts = await trx
    .selectFrom('letters')
    .select(['journey_id', 'author_id', 'thread_id', 'created_at'])
    .where('kind', '=', 'statement')
    .where('version', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byPerson = new Map<string, typeof firsts>();
  for (const f of firsts) {
    const key = `${f.journey_id}:${f.author_id}`;
    byPerson.set(key, [...(byPerson.get(key) ?? []), f]);
  }
  for (const [first, ...later] of byPerson.values()) {
    if (!first) continue;
    for (const extra of later) {
      // Only one draft may remain: the newest stays a draft, any older one is kept, unsent.
      const drafts = await trx
        .selectFrom('letters')
        .select(['id', 'updated_at'])
        .where('thread_id', 'in', [first.thread_id, extra.thread_id])
        .where('kind', '=', 'statement')
        .where('state', '=', 'draft')
        .orderBy('updated_at', 'desc')
        .execute();
      for (const older of drafts.slice(1)) {
        await trx
          .updateTable('letters')
          .set({ state: 'kept' })
          .where('id', '=', older.id)
          .execute();
      }
      const top = await trx
        .selectFrom('letters')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('thread_id', '=', first.thread_id)
        .where('kind', '=', 'statement')
        .executeTakeFirst();
      const offset = Number(top?.v ?? 0);
      await trx
        .updateTable('letters')
        .set((eb) => ({ thread_id: first.thread_id, version: eb('version', '+', offset) }))
        .where('thread_id', '=', extra.thread_id)
        .where('kind', '=', 'statement')
        .execute();
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('letters_one_statement').execute();
}
