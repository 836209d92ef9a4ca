import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { createPasswordHasher } from './auth/passwords.js';
import { loadContent } from './content/load.js';
import { loadMasterKey, MasterKeyError } from './crypto/master-key.js';
import { createSealer } from './crypto/sealing.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';

const KEY_CHECK = 'crypto.master_key_check';

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
    return {
      config,
      database,
      sealer,
      passwords: await createPasswordHasher(),
      content,
      clock: options.clock ?? Date.now,
      newId: randomUUID,
    };
  } catch (e) {
    if (!options.database) await database.close();
    throw e;
  }
}
