import type { Role } from '../../core/access/policy.js';
import type { Sealer } from '../crypto/sealing.js';
import { compileOnce, perDatabase } from '../db/compile-once.js';
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
    .select(['id', 'email', 'display_name', 'password_hash', 'role', 'country', 'removed_at'])
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

/** What the key ring needs of a person: their name (opened) and their wrapped data key. */
export interface KeyedPerson {
  readonly displayName: string;
  readonly wrappedKey: string;
}

/**
 * Names (opened: they are sealed at rest) and wrapped keys of the given people, in one query (a
 * page of a journey's items has at most two: the viewer and the partner).
 */
export async function findPeople(
  db: Db,
  sealer: Sealer,
  ids: readonly string[],
): Promise<Map<string, KeyedPerson>> {
  const [first, second, ...rest] = [...new Set(ids)];
  if (first === undefined) return new Map();
  const compiled = compiledAuthors(db);
  const query =
    second === undefined
      ? compiled.one(first)
      : rest.length === 0
        ? compiled.two(first, second)
        : authorsQuery(db, [first, second, ...rest]);
  const { rows } = await db.executeQuery(query);
  return new Map(
    rows.map((r) => [
      r.id,
      { displayName: openName(sealer, r.id, r.display_name), wrappedKey: r.wrapped_key },
    ]),
  );
}

const authorsQuery = (db: Db, ids: readonly string[]) =>
  db.selectFrom('users').select(['id', 'display_name', 'wrapped_key']).where('id', 'in', ids);

// Runs on nearly every request that opens someone's words (every history page among them).
export const compiledAuthors = perDatabase((db: Db) => ({
  one: compileOnce((a: string) => authorsQuery(db, [a]), 1),
  two: compileOnce((a: string, b: string) => authorsQuery(db, [a, b]), 2),
}));
