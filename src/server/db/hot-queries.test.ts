import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCouple, testSealer } from '../test-support/factories.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../test-support/harness.js';
import { hotQueries, SAMPLE } from '../test-support/hot-queries.js';
import { migrateToLatest } from './migrate.js';

// Each hot query's SQL, and on SQLite its plan, kept in __sql__ so that a change to either shows
// in review (as the statement really runs: compiled once, arguments swapped in). Update with
// `npx vitest run --project sqlite src/server/db/hot-queries.test.ts -u`, then --project postgres.

const serverDir = path.resolve(import.meta.dirname, '..');

/** Every `compileOnce(` call in the server's code (not its tests, nor its definition). */
function compileOnceCalls(dir: string): number {
  let calls = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) calls += compileOnceCalls(file);
    else if (/(?<!\.test)\.ts$/.test(entry.name) && entry.name !== 'compile-once.ts')
      calls += fs.readFileSync(file, 'utf8').split('compileOnce(').length - 1;
  }
  return calls;
}

it('has an entry for every query a store compiles once', () => {
  expect(Object.keys(hotQueries)).toHaveLength(compileOnceCalls(serverDir));
});

describe(`hot queries on ${testDialect()}`, () => {
  const dialect = testDialect();
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    await migrateToLatest(testDb.database);
    await storeCouple(testDb.database.db, testSealer(), SAMPLE);
  });
  afterAll(async () => {
    await testDb.drop();
  });

  /** SQLite's plan as an indented tree, one step a line. */
  async function planOf(compiled: CompiledQuery<unknown>): Promise<string[]> {
    const { rows } = await testDb.database.db.executeQuery<{
      id: number;
      parent: number;
      detail: string;
    }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    });
  }

  for (const [name, compile] of Object.entries(hotQueries)) {
    it(name, async () => {
      const compiled = compile(testDb.database.db);
      // It runs on a migrated database, not only compiles.
      await testDb.database.db.executeQuery(compiled);
      const database = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const lines = [
        `-- ${name} on ${database} (src/server/test-support/hot-queries.ts)`,
        `${compiled.sql};`,
        `-- parameters: ${JSON.stringify(compiled.parameters)}`,
      ];
      if (dialect === 'sqlite') {
        lines.push('', '-- explain query plan', ...(await planOf(compiled)).map((l) => `-- ${l}`));
      }
      await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`./__sql__/${name}.${dialect}.sql`);
    });
  }
});
