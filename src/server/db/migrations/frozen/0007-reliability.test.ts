import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rhythms, logStatuses } from '../../../../core/commitments/commitment.js';
import * as today from '../../../../core/commitments/reliability.js';
import { TREND_SAMPLING } from '../../../features/commitments/commitments.store.js';
import { encodeSnapshot } from '../../../features/commitments/snapshot-codec.js';
import * as frozen from './0007-reliability.js';

// If this fails because the model or the encoding changed on purpose, the snapshots 0007 stored
// are stale: add a migration that recomputes them, then pin this copy's output here instead.
describe("migration 0007's frozen reliability", () => {
  const logs = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 400 * 86_400_000 }),
      status: fc.constantFrom(...logStatuses),
    }),
    { maxLength: 40 },
  );
  const commitment = fc.record({ rhythm: fc.constantFrom(...rhythms), logs });

  it("stores exactly what today's store code stores, for one commitment and pooled", () => {
    expect(frozen.encodeSnapshot(frozen.EMPTY_SNAPSHOT)).toBe(encodeSnapshot(today.EMPTY_SNAPSHOT));
    fc.assert(
      fc.property(fc.array(commitment, { minLength: 1, maxLength: 4 }), (each) => {
        const [first] = each;
        if (!first) return;
        expect(frozen.encodeSnapshot(frozen.commitmentSnapshot(first.rhythm, first.logs))).toBe(
          encodeSnapshot(today.commitmentSnapshot(first.rhythm, first.logs, TREND_SAMPLING)),
        );
        expect(frozen.encodeSnapshot(frozen.overallSnapshot(each))).toBe(
          encodeSnapshot(today.overallSnapshot(each, TREND_SAMPLING)),
        );
      }),
    );
  });
});
