import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rhythms, type LogStatus } from '../../../core/commitments/commitment.js';
import {
  commitmentSnapshot,
  EMPTY_SNAPSHOT,
  overallSnapshot,
} from '../../../core/commitments/reliability.js';
import { TREND_SAMPLING } from './commitments.store.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';

const DAY = 86_400_000;
const log = fc.record({
  at: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + 400 * DAY }),
  status: fc.constantFrom<LogStatus>('pending', 'confirmed', 'disputed', 'resolved'),
});
const commitment = fc.record({
  rhythm: fc.constantFrom(...rhythms),
  logs: fc.array(log, { maxLength: 60 }),
});

describe('the stored form of a reliability snapshot', () => {
  it('gives back exactly the snapshot it was made from', () => {
    fc.assert(
      fc.property(commitment, fc.boolean(), (c, sampled) => {
        const snapshot = commitmentSnapshot(c.rhythm, c.logs, sampled ? TREND_SAMPLING : {});
        expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
      }),
    );
    fc.assert(
      fc.property(fc.array(commitment, { maxLength: 4 }), (cs) => {
        const snapshot = overallSnapshot(cs, TREND_SAMPLING);
        expect(decodeSnapshot(encodeSnapshot(snapshot))).toEqual(snapshot);
      }),
    );
    expect(decodeSnapshot(encodeSnapshot(EMPTY_SNAPSHOT))).toEqual(EMPTY_SNAPSHOT);
  });
});
