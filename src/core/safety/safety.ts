/**
 * The safety check: our own questions (not a validated clinical instrument), asked privately
 * before any joint work and repeatable at any time. Any "yes" turns on safety mode. The wording
 * lives in the message catalog under `safety.q.<id>`; these ids are stable.
 */
export const safetyQuestionIds = [
  'afraid', // afraid of the partner, or of what they might do
  'threatened', // threats to hurt them, themselves, children, pets, or to expose them
  'harmed', // pushed, hit, held down, choked or hurt in any way
  'sexual', // pressured or forced into sexual acts
  'controlled', // monitoring, isolating, controlling money or movements
] as const;
export type SafetyQuestionId = (typeof safetyQuestionIds)[number];

export type SafetyAnswers = Readonly<Record<SafetyQuestionId, boolean>>;

/** What the server keeps for a person, sealed under their key. */
export interface SafetyState {
  /** When the person last completed the check; undefined until they have. */
  readonly checkedAt: number | undefined;
  readonly answers: SafetyAnswers | undefined;
  readonly safetyMode: boolean;
  /** Neutral titles and a shorter idle time. Safety mode turns it on; anyone may choose it. */
  readonly discreet: boolean;
}

export const initialSafetyState: SafetyState = {
  checkedAt: undefined,
  answers: undefined,
  safetyMode: false,
  discreet: false,
};

export const anyYes = (answers: SafetyAnswers): boolean =>
  safetyQuestionIds.some((id) => answers[id]);

/**
 * Taking the check. A "yes" turns safety mode and discreet mode on. All "no" never turns them off
 * by itself: leaving safety mode is the person's own, explicit choice (someone may answer "no"
 * under pressure, with the other person in the room).
 */
export function takeCheck(state: SafetyState, answers: SafetyAnswers, now: number): SafetyState {
  const yes = anyYes(answers);
  return {
    checkedAt: now,
    answers,
    safetyMode: state.safetyMode || yes,
    discreet: state.discreet || yes,
  };
}

/** Leaving safety mode keeps discreet mode as it is: the person turns that off separately. */
export const leaveSafetyMode = (state: SafetyState): SafetyState => ({
  ...state,
  safetyMode: false,
});

export const setDiscreet = (state: SafetyState, discreet: boolean): SafetyState => ({
  ...state,
  discreet,
});

/** Joint features (anything shared with or seen by the partner) open after the person's own check. */
export const hasCheckedSafety = (state: SafetyState): boolean => state.checkedAt !== undefined;
