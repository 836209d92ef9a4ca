import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../../test-support/harness.js';
import { fromPartnerQuery, journeyStateQueries } from './program.store.js';

// The journey dashboard runs these on every visit; their plans must not grow with the journey.
describe.runIf(testDialect() === 'sqlite')('journey dashboard plans on SQLite', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const planOf = async (query: { compile(): CompiledQuery }) => {
    const { sql, parameters } = query.compile();
    const plan = await t.deps.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${sql}`, [...parameters]),
    );
    return plan.rows.map((r) => r.detail);
  };

  it('answers what the partner shared from four partial indexes, never the tables', async () => {
    const plan = await planOf(fromPartnerQuery(t.deps.database.db, 'j', 'u'));
    for (const index of [
      'letters_statement_shared',
      'agreement_versions_proposed',
      'reliability_pools_pending',
      'checkins_shared',
    ]) {
      expect(plan.some((d) => d.includes(`USING COVERING INDEX ${index} (journey_id=?)`))).toBe(
        true,
      );
    }
    expect(plan.filter((d) => /^(SCAN|SEARCH) (?!CONSTANT)/.test(d))).toHaveLength(4);
  });

  it('replays the journey’s events in index order, without a sort', async () => {
    const plan = await planOf(journeyStateQueries(t.deps.database.db, 'j').events);
    expect(plan).toEqual([
      'SEARCH program_events USING INDEX program_events_journey_time (journey_id=?)',
    ]);
  });
});
