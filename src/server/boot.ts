import { randomUUID } from 'node:crypto';
import { pickCountry } from '../core/crisis/resources.js';
import { ConfigError, type Config } from './config.js';
import { createPasswordHasher } from './auth/passwords.js';
import { loadContent } from './content/load.js';
import { loadMasterKey, MasterKeyError } from './crypto/master-key.js';
import { createSealer } from './crypto/sealing.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';
import { currentCrisisResources } from './features/crisis/crisis.store.js';
import { sealPlainFacts } from './features/journeys/journey-facts.js';

const KEY_CHECK = 'crypto.master_key_check';

/** A default country with no crisis lines would quietly show none: refuse to start instead. */
async function checkDefaultCountry(deps: Deps): Promise<void> {
  const code = deps.config.defaultCountry;
  if (code === undefined) return;
  const crisis = await currentCrisisResources(deps);
  if (!pickCountry(crisis, code)) {
    const known = crisis.countries.map((c) => c.code).join(', ');
    throw new ConfigError(
      `Invalid configuration:\n  STEADFAST_DEFAULT_COUNTRY: there are no crisis lines for ${code}; use one of ${known}, or leave it unset for the "anywhere else" advice`,
    );
  }
}

/**
 * Opens the database, migrates it, loads the master key (refusing to start when it does not match
 * the data) and loads the content. Shared by the server, the CLI and the bench.
 */
export async function boot(
  config: Config,
  options: { database?: Database; clock?: () => number } = {},
): Promise<Deps> {
  const content = loadContent(config.contentDir);
  const database = options.database ?? openDatabase(config.databaseUrl, config.dataDir);
  try {
    await migrateToLatest(database);
    const db = database.db;
    const check = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', KEY_CHECK)
      .executeTakeFirst();
    // Anything sealed under a master key (the key check itself, a person's wrapped key) means a
    // new key must not be made: it would leave all of it unreadable.
    const someone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    const { key } = loadMasterKey({
      envKey: config.masterKey,
      dataDir: config.dataDir,
      hasSealedData: check !== undefined || someone !== undefined,
    });
    const sealer = createSealer(key);
    if (!check) {
      await db
        .insertInto('settings')
        .values({ key: KEY_CHECK, value: sealer.keyCheck() })
        .execute();
    } else if (!sealer.verifyKeyCheck(check.value)) {
      throw new MasterKeyError(
        'The master key does not match this database: it was sealed with a different key. ' +
          'Start with the key file (or STEADFAST_MASTER_KEY) that belongs to this data.',
      );
    }
    await sealPlainFacts(db, sealer);
    const deps: Deps = {
      config,
      database,
      sealer,
      passwords: await createPasswordHasher(),
      content,
      clock: options.clock ?? Date.now,
      newId: randomUUID,
    };
    await checkDefaultCountry(deps);
    return deps;
  } catch (e) {
    if (!options.database) await database.close();
    throw e;
  }
}
