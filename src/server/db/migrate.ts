import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './schema.js';
import * as m0001 from './migrations/0001-initial.js';

// Listed in code rather than read from a folder, so the same list works from src/ and from dist/.
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
};

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
