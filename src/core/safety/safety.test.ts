import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasCheckedSafety,
  initialSafetyState,
  leaveSafetyMode,
  safetyQuestionIds,
  setDiscreet,
  takeCheck,
  type SafetyAnswers,
} from './safety.js';

const allNo = Object.fromEntries(safetyQuestionIds.map((id) => [id, false])) as SafetyAnswers;
const answersArb = fc.record(
  Object.fromEntries(safetyQuestionIds.map((id) => [id, fc.boolean()])) as Record<
    keyof SafetyAnswers,
    fc.Arbitrary<boolean>
  >,
);

describe('safety check', () => {
  it('opens joint features only once taken', () => {
    expect(hasCheckedSafety(initialSafetyState)).toBe(false);
    expect(hasCheckedSafety(takeCheck(initialSafetyState, allNo, 1))).toBe(true);
  });

  it('turns safety mode and discreet mode on for any single "yes"', () => {
    for (const id of safetyQuestionIds) {
      const state = takeCheck(initialSafetyState, { ...allNo, [id]: true }, 1);
      expect(state).toMatchObject({ safetyMode: true, discreet: true, checkedAt: 1 });
    }
  });

  it('leaves both off when every answer is "no"', () => {
    expect(takeCheck(initialSafetyState, allNo, 1)).toMatchObject({
      safetyMode: false,
      discreet: false,
    });
  });

  it('never turns safety mode off by itself: only leaving it does', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (first, second) => {
        const once = takeCheck(initialSafetyState, first, 1);
        const twice = takeCheck(once, second, 2);
        expect(twice.safetyMode).toBe(once.safetyMode || Object.values(second).some(Boolean));
        expect(leaveSafetyMode(twice).safetyMode).toBe(false);
        expect(leaveSafetyMode(twice).discreet).toBe(twice.discreet);
      }),
    );
  });

  it('lets discreet mode be chosen or dropped on its own', () => {
    const on = setDiscreet(initialSafetyState, true);
    expect(on).toMatchObject({ discreet: true, safetyMode: false });
    expect(setDiscreet(on, false).discreet).toBe(false);
  });
});
