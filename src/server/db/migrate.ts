import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './connection.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-safety.js';
import * as m0003 from './migrations/0003-letters-timeouts.js';
import * as m0004 from './migrations/0004-screens.js';
import * as m0005 from './migrations/0005-program.js';
import * as m0006 from './migrations/0006-agreements.js';
import * as m0007 from './migrations/0007-reliability-snapshots.js';
import * as m0008 from './migrations/0008-one-statement.js';
import * as m0009 from './migrations/0009-dashboard-indexes.js';
import * as m0010 from './migrations/0010-practice-settings.js';
import * as m0011 from './migrations/0011-agreement-diffs.js';
import * as m0012 from './migrations/0012-practice.js';
import * as m0013 from './migrations/0013-consent.js';
import * as m0014 from './migrations/0014-therapists.js';
import * as m0015 from './migrations/0015-meetings.js';
import * as m0016 from './migrations/0016-questions.js';
import * as m0017 from './migrations/0017-reconnection.js';
import * as m0018 from './migrations/0018-activities.js';
import * as m0019 from './migrations/0019-intimacy.js';
import * as m0020 from './migrations/0020-forgiveness.js';

// Listed in code rather than read from a folder, so the same list works from src/ and from dist/;
// migrate.test.ts fails when a file in migrations/ is missing here, misnamed or out of order.
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-safety': m0002,
  '0003-letters-timeouts': m0003,
  '0004-screens': m0004,
  '0005-program': m0005,
  '0006-agreements': m0006,
  '0007-reliability-snapshots': m0007,
  '0008-one-statement': m0008,
  '0009-dashboard-indexes': m0009,
  '0010-practice-settings': m0010,
  '0011-agreement-diffs': m0011,
  '0012-practice': m0012,
  '0013-consent': m0013,
  '0014-therapists': m0014,
  '0015-meetings': m0015,
  '0016-questions': m0016,
  '0017-reconnection': m0017,
  '0018-activities': m0018,
  '0019-intimacy': m0019,
  '0020-forgiveness': m0020,
};

/** Every migration this version knows, oldest first (a restore refuses a backup from a newer one). */
export const migrationNames = (): string[] => Object.keys(migrations);

/** The migrator over our migrations, for this database. */
export async function migratorFor(database: Database): Promise<Migrator> {
  const { db } = database;
  // On PostgreSQL, pin Kysely's bookkeeping tables to our own schema: otherwise it may see another
  // schema's tables (e.g. a parallel test's) and think its own already exist.
  const schema =
    database.dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Held while migrating on PostgreSQL, and by anything that drops a schema (the tests' harness).
 * Kysely looks for its bookkeeping table by listing every schema in the database, which fails when
 * another schema disappears mid-list; with this lock a drop waits for a migration and the other way
 * round. Two instances starting at once also migrate one after the other.
 */
export const SCHEMA_CHANGE_LOCK = 7_310_421;

export async function migrateToLatest(database: Database): Promise<MigrationResultSet> {
  const migrator = await migratorFor(database);
  const result =
    database.dialect === 'postgres'
      ? await database.db.connection().execute(async (conn) => {
          await sql`select pg_advisory_lock(${SCHEMA_CHANGE_LOCK})`.execute(conn);
          try {
            return await migrator.migrateToLatest();
          } finally {
            await sql`select pg_advisory_unlock(${SCHEMA_CHANGE_LOCK})`.execute(conn);
          }
        })
      : await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      { cause: result.error },
    );
  }
  return result;
}
