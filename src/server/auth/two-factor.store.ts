import type { Db } from '../db/schema.js';

/** A person's TOTP factor as stored: the secret still sealed. */
export interface StoredFactor {
  readonly secretSealed: string;
  readonly confirmedAt: number | null;
  readonly lastStep: number | null;
}

export async function findFactor(db: Db, userId: string): Promise<StoredFactor | undefined> {
  const row = await db
    .selectFrom('totp_factors')
    .select(['secret_sealed', 'confirmed_at', 'last_step'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (
    row && {
      secretSealed: row.secret_sealed,
      confirmedAt: row.confirmed_at === null ? null : Number(row.confirmed_at),
      lastStep: row.last_step === null ? null : Number(row.last_step),
    }
  );
}

/** Whether the person's factor is confirmed (it guards their sign-in). */
export async function factorConfirmed(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('totp_factors')
    .select('confirmed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined && row.confirmed_at !== null;
}

/** A new factor being set up, replacing one set up before and never confirmed. */
export async function putPendingFactor(
  db: Db,
  userId: string,
  secretSealed: string,
  now: number,
): Promise<void> {
  await db
    .deleteFrom('totp_factors')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .execute();
  await db
    .insertInto('totp_factors')
    .values({ user_id: userId, secret_sealed: secretSealed, created_at: now, last_step: null })
    .execute();
}

/** Confirms a pending factor with the step its first code was for; false if none was pending. */
export async function confirmFactor(
  db: Db,
  userId: string,
  step: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_factors')
    .set({ confirmed_at: now, last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records that a code for `step` was used. In one statement with the check that no code for this
 * or a later step was used before, so two requests with the same code cannot both pass.
 */
export async function useStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('totp_factors')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The person's recovery codes, all replaced by these hashes. */
export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  hashes: readonly string[],
  now: number,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((h) => ({ user_id: userId, code_hash: h, created_at: now, used_at: null })))
    .execute();
}

/** Uses a recovery code, once: false if there is no such unused code. */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  hash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Removes the person's factor and recovery codes. */
export async function deleteFactor(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute();
}

/** The person's password hash, to check it before turning the factor off. */
export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.password_hash;
}
