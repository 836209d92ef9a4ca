import type { Role } from '../../core/access/policy.js';
import { normalizeEmail, passwordProblem } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import type { Deps } from '../deps.js';
import { emailTaken, insertUser } from './users.store.js';

export interface CreatedAccount {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly country: null;
}

/**
 * Creates an account with its own data key. Shared by sign-up, first-run setup, the CLI and the
 * demo seeder, so every account is made the same way.
 */
export async function createAccount(
  deps: Pick<Deps, 'database' | 'sealer' | 'passwords' | 'clock' | 'newId'>,
  input: { email: string; password: string; displayName: string; role: Role },
  passwordHash?: string,
): Promise<CreatedAccount> {
  const problem = passwordProblem(input.password);
  if (problem === 'too_common') throw new DomainError('auth.password_weak');
  if (problem) throw new DomainError('auth.password_length');
  const email = normalizeEmail(input.email);
  const db = deps.database.db;
  const hash = passwordHash ?? (await deps.passwords.hash(input.password));
  if (await emailTaken(db, email)) throw new DomainError('auth.email_taken');
  const id = deps.newId();
  const { wrapped } = deps.sealer.newDataKey(id);
  try {
    await insertUser(db, deps.sealer, {
      id,
      email,
      displayName: input.displayName.trim(),
      passwordHash: hash,
      role: input.role,
      wrappedKey: wrapped,
      createdAt: deps.clock(),
    });
  } catch (e) {
    // Two sign-ups racing for one address: the unique index decides, and the loser hears the same.
    if (await emailTaken(db, email)) throw new DomainError('auth.email_taken');
    throw e;
  }
  return { id, email, displayName: input.displayName.trim(), role: input.role, country: null };
}
