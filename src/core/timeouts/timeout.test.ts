import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRunning,
  refusalToCall,
  returnTime,
  TIMEOUT_MAX_MINUTES,
  TIMEOUT_MIN_MINUTES,
} from './timeout.js';

const together = { path: 'together' as const, hasPartner: true };

describe('agreed time-outs', () => {
  it('runs until its return time, not a moment after, unless ended early', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: TIMEOUT_MIN_MINUTES, max: TIMEOUT_MAX_MINUTES }),
        (now, minutes) => {
          const until = returnTime(now, minutes);
          expect(until - now).toBe(minutes * 60_000);
          const t = { callerId: 'alex', until, endedAt: null };
          expect(isRunning(t, now)).toBe(true);
          expect(isRunning(t, until - 1)).toBe(true);
          expect(isRunning(t, until)).toBe(false);
          expect(isRunning({ ...t, endedAt: now }, now)).toBe(false);
        },
      ),
    );
  });

  it('one at a time per journey, and only with a partner on the together path', () => {
    const running = { callerId: 'sam', until: 2000, endedAt: null };
    expect(refusalToCall(together, undefined, 1000)).toBeUndefined();
    expect(refusalToCall(together, running, 1000)).toBe('timeout.running');
    expect(refusalToCall(together, running, 2000)).toBeUndefined();
    expect(refusalToCall({ ...together, hasPartner: false }, undefined, 1000)).toBe(
      'timeout.no_partner',
    );
    expect(refusalToCall({ path: 'solo', hasPartner: false }, undefined, 1000)).toBe(
      'timeout.no_partner',
    );
  });
});
