import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCompiler } from '../../test-support/sql-compiler.js';
import { createTestApp, testDialect, type TestApp } from '../../test-support/harness.js';
import { visibleCheckinsQuery } from './checkins.store.js';

const page2 = {
  journeyId: 'j',
  viewerId: 'u',
  cursor: { createdAt: 1, id: '00000000-0000-4000-8000-000000000000' },
  limit: 21,
};

describe('check-in history query', () => {
  // A reviewer sees any change to the hot query here, on both databases.
  it('emits keyset SQL on SQLite', () => {
    expect(visibleCheckinsQuery(sqlCompiler('sqlite'), page2).compile().sql).toMatchInlineSnapshot(
      `"select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = ? and ("checkins"."author_id" = ? or "checkins"."visibility" = ?) and ("checkins"."created_at", "checkins"."id") < (?, ?) order by "checkins"."created_at" desc, "checkins"."id" desc limit ?"`,
    );
  });

  it('emits keyset SQL on PostgreSQL', () => {
    expect(
      visibleCheckinsQuery(sqlCompiler('postgres'), page2).compile().sql,
    ).toMatchInlineSnapshot(
      `"select "checkins"."id", "checkins"."journey_id", "checkins"."author_id", "checkins"."visibility", "checkins"."created_at", "checkins"."sealed" from "checkins" where "checkins"."journey_id" = $1 and ("checkins"."author_id" = $2 or "checkins"."visibility" = $3) and ("checkins"."created_at", "checkins"."id") < ($4, $5) order by "checkins"."created_at" desc, "checkins"."id" desc limit $6"`,
    );
  });
});

describe.runIf(testDialect() === 'sqlite')('check-in history plan on SQLite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads through the (journey, time) index without sorting', async () => {
    const compiled = visibleCheckinsQuery(t.deps.database.db, page2).compile();
    const plan = await t.deps.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    const details = plan.rows.map((r) => r.detail).join('\n');
    expect(details).toContain('USING INDEX checkins_journey_time');
    expect(details).not.toContain('TEMP B-TREE');
  });
});
