import type { Db } from '../../db/schema.js';

/** A person's sealed safety state, if they have one (the service opens it with their key). */
export async function findSealedSafetyState(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('safety_states')
    .select('sealed')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.sealed;
}

export async function writeSafetyState(
  db: Db,
  userId: string,
  sealed: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('safety_states')
    .values({ user_id: userId, sealed, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ sealed, updated_at: now }))
    .execute();
}

/** Gives every open session of the person this idle time (sealed). */
export async function setSessionsIdle(db: Db, userId: string, idleSealed: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ idle_sealed: idleSealed })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Makes another change to the same person's safety state wait for this transaction (PostgreSQL
 * only: SQLite runs one transaction at a time).
 */
export async function lockPerson(db: Db, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** The country whose crisis lines the person sees first (sealed; null for none chosen). */
export async function writeCountry(
  db: Db,
  userId: string,
  sealedCountry: string | null,
): Promise<void> {
  await db.updateTable('users').set({ country: sealedCountry }).where('id', '=', userId).execute();
}
