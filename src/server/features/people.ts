import type { DataKey } from '../crypto/sealing.js';
import type { Deps } from '../deps.js';
import { findPeople } from '../auth/users.store.js';

/** The people behind some sealed values: their display names, and their data keys when needed. */
export interface People {
  name(id: string): string;
  /** The person's data key, unwrapped once however many of their values are opened. */
  key(id: string): DataKey;
}

/** Reads people by id in one query; a feature opens their values with `key`. */
export function peopleReader(deps: Pick<Deps, 'database' | 'sealer'>) {
  return async (ids: readonly string[]): Promise<People> => {
    const authors = await findPeople(deps.database.db, deps.sealer, ids);
    const keys = new Map<string, DataKey>();
    return {
      name: (id) => authors.get(id)?.displayName ?? '',
      key(id) {
        let key = keys.get(id);
        if (!key) {
          const author = authors.get(id);
          if (!author) throw new Error(`author ${id} is missing`);
          key = deps.sealer.unwrap(id, author.wrappedKey);
          keys.set(id, key);
        }
        return key;
      },
    };
  };
}
