import { hash, verify } from '@node-rs/argon2';

/** Argon2id at OWASP's recommended floor (m=19 MiB, t=2, p=1). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const params = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as a real check, for emails with no account, so timing reveals nothing. */
  verifyDummy(password: string): Promise<false>;
}

export async function createPasswordHasher(): Promise<PasswordHasher> {
  const dummy = await hash('steadfast-dummy-password', params);
  return {
    hash: (password) => hash(password, params),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    async verifyDummy(password) {
      await verify(dummy, password).catch(() => false);
      return false;
    },
  };
}
