import type { Role } from '../../core/access/policy.js';
import type { Db } from '../db/schema.js';

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly wrappedKey: string;
  readonly createdAt: number;
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      wrapped_key: user.wrappedKey,
      created_at: user.createdAt,
    })
    .execute();
}

export const findUserByEmail = (db: Db, email: string) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'role'])
    .where('email', '=', email)
    .executeTakeFirst();

export const findUserById = (db: Db, id: string) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'wrapped_key', 'country'])
    .where('id', '=', id)
    .executeTakeFirst();

export async function adminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
