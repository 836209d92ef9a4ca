import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../../test-support/harness.js';
import { visibleCheckinsQuery } from './checkins.store.js';

const page2 = {
  journeyId: 'j',
  viewerId: 'u',
  cursor: { createdAt: 1, id: '00000000-0000-4000-8000-000000000000' },
  limit: 21,
};

// Its SQL on both databases, and this plan in full, are kept in db/__sql__/checkins-history-*.sql.
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
