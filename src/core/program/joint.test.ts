import { describe, expect, it } from 'vitest';
import { exerciseTypes } from './program.js';
import { isOffered, jointExerciseTypes } from './joint.js';

describe('exercises offered in safety mode', () => {
  it('offers every exercise when safety mode is off', () => {
    for (const type of exerciseTypes) expect(isOffered(type, false)).toBe(true);
  });

  it('hides every joint exercise of steps 4–7 and keeps a person’s own work', () => {
    for (const type of [
      'check_in_meeting',
      'questions',
      'connection_prompts',
      'shared_activities',
      'appreciations',
      'closeness_pace',
    ] as const) {
      expect(isOffered(type, true), type).toBe(false);
    }
    for (const type of ['reading', 'reflection', 'letter', 'forgiveness_measure'] as const) {
      expect(isOffered(type, true), type).toBe(true);
    }
    expect(jointExerciseTypes.size).toBe(7);
  });
});
