import type { Config } from './config.js';
import type { Database } from './db/connection.js';
import type { Sealer } from './crypto/sealing.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { Content } from './content/load.js';

/** Everything a feature needs, passed in explicitly (no globals), so tests can swap the clock. */
export interface Deps {
  readonly config: Config;
  readonly database: Database;
  readonly sealer: Sealer;
  readonly passwords: PasswordHasher;
  readonly content: Content;
  readonly clock: () => number;
  readonly newId: () => string;
}
