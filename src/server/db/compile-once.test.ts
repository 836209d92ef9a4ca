import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlCompiler } from '../test-support/sql-compiler.js';
import { logPageQuery } from '../features/commitments/commitments.store.js';
import { visibleCheckinsQuery } from '../features/checkins/checkins.store.js';
import { compileOnce } from './compile-once.js';

describe('compileOnce', () => {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`gives the same SQL and parameters as a fresh build (${dialect})`, () => {
      const db = sqlCompiler(dialect);
      const after = compileOnce(
        (journeyId: string, viewerId: string, createdAt: number, id: string, limit: number) =>
          visibleCheckinsQuery(db, { journeyId, viewerId, cursor: { createdAt, id }, limit }),
        5,
      );
      fc.assert(
        fc.property(
          fc.uuid(),
          fc.uuid(),
          fc.nat(),
          fc.uuid(),
          fc.integer({ min: 1, max: 51 }),
          (j, v, t, id, n) => {
            const fresh = visibleCheckinsQuery(db, {
              journeyId: j,
              viewerId: v,
              cursor: { createdAt: t, id },
              limit: n,
            }).compile();
            const reused = after(j, v, t, id, n);
            expect(reused.sql).toBe(fresh.sql);
            expect(reused.parameters).toEqual(fresh.parameters);
          },
        ),
      );
    });
  }

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`pages of a commitment's entries match a fresh build too (${dialect})`, () => {
      const db = sqlCompiler(dialect);
      const after = compileOnce(
        (commitmentId: string, at: number, id: string, limit: number) =>
          logPageQuery(db, commitmentId, { at, id }, limit),
        4,
      );
      fc.assert(
        fc.property(
          fc.uuid(),
          fc.nat(),
          fc.uuid(),
          fc.integer({ min: 1, max: 51 }),
          (c, at, id, n) => {
            const fresh = logPageQuery(db, c, { at, id }, n).compile();
            const reused = after(c, at, id, n);
            expect(reused.sql).toBe(fresh.sql);
            expect(reused.parameters).toEqual(fresh.parameters);
          },
        ),
      );
    });
  }
});
