import type { SealedFieldName } from '../crypto/contexts.js';
import { sealContext } from '../crypto/contexts.js';
import type { DataKey } from '../crypto/sealing.js';
import type { Deps } from '../deps.js';
import { findPeople, type KeyedPerson } from './users.store.js';

/** The people behind some sealed values: their display names, and their data keys when needed. */
export interface People {
  name(id: string): string;
  /** The person's data key, unwrapped once however many of their values are opened. */
  key(id: string): DataKey;
  /** Seals what `owner` wrote under their key, bound to its row (see crypto/contexts.ts). */
  seal(name: SealedFieldName, owner: string, plaintext: string, ...id: (string | number)[]): string;
  /** Opens a value `owner` sealed. */
  open(name: SealedFieldName, owner: string, sealed: string, ...id: (string | number)[]): string;
}

/**
 * The one place a person's data key is unwrapped. A ring lives for one request (or one command):
 * each person is read once, in one query for everyone asked for together, and each key unwrapped
 * once, however many values are opened. Keys are never kept beyond it.
 */
export interface KeyRing {
  /** These people, read in one query (those not read before by this ring). */
  people(ids: readonly string[]): Promise<People>;
}

export function keyRing(deps: Pick<Deps, 'database' | 'sealer'>): KeyRing {
  const authors = new Map<string, KeyedPerson>();
  const keys = new Map<string, DataKey>();
  const people: People = {
    name: (id) => authors.get(id)?.displayName ?? '',
    key(id) {
      let key = keys.get(id);
      if (!key) {
        const author = authors.get(id);
        if (!author) throw new Error(`person ${id} was not read into the key ring`);
        key = deps.sealer.unwrap(id, author.wrappedKey);
        keys.set(id, key);
      }
      return key;
    },
    seal: (name, owner, plaintext, ...id) =>
      deps.sealer.seal(people.key(owner), plaintext, sealContext(name, ...id)),
    open: (name, owner, sealed, ...id) =>
      deps.sealer.open(people.key(owner), sealed, sealContext(name, ...id)),
  };
  return {
    async people(ids) {
      const missing = ids.filter((id) => !authors.has(id));
      if (missing.length > 0) {
        for (const [id, author] of await findPeople(deps.database.db, deps.sealer, missing)) {
          authors.set(id, author);
        }
      }
      return people;
    },
  };
}
