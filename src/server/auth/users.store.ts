import type { Role } from '../../core/access/policy.js';
import type { Sealer } from '../crypto/sealing.js';
import type { Db } from '../db/schema.js';
import { openCountry, openName, sealName } from './person-facts.js';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly wrappedKey: string;
  readonly createdAt: number;
}

export async function insertUser(db: Db, sealer: Sealer, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: sealName(sealer, user.id, user.displayName),
      password_hash: user.passwordHash,
      role: user.role,
      wrapped_key: user.wrappedKey,
      created_at: user.createdAt,
    })
    .execute();
}

/** Whether an account has this email (no name is opened). */
export const emailTaken = async (db: Db, email: string): Promise<boolean> =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !==
  undefined;

export const findUserByEmail = async (db: Db, sealer: Sealer, email: string) => {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'role', 'country'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row && opened(sealer, row);
};

export const findUserById = async (db: Db, sealer: Sealer, id: string) => {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'wrapped_key', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && opened(sealer, row);
};

const opened = <R extends { id: string; display_name: string; country: string | null }>(
  sealer: Sealer,
  row: R,
): R => ({
  ...row,
  display_name: openName(sealer, row.id, row.display_name),
  country: openCountry(sealer, row.id, row.country),
});

export async function adminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
