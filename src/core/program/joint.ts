import type { ExerciseType } from './program.js';

/**
 * The kinds of exercise done with the partner in the steps of reconnecting (4–7): a meeting,
 * questions and answers, prompts both answer, plans and notes for each other, closeness, and a
 * conversation. In safety mode the program does not offer them at all — the person's own path comes
 * first — and nothing about that reaches the partner: it is a choice of what this person's screen
 * shows, never of what the server tells anyone else.
 *
 * Reading, reflecting, writing a letter that may stay unsent and the forgiveness reflection are
 * one person's own work and stay offered.
 */
export const jointExerciseTypes: ReadonlySet<ExerciseType> = new Set<ExerciseType>([
  'check_in_meeting',
  'questions',
  'connection_prompts',
  'shared_activities',
  'appreciations',
  'closeness_pace',
  'conversation',
]);

/** Whether a step's exercise is offered to a person, given whether their safety mode is on. */
export const isOffered = (type: ExerciseType, safetyMode: boolean): boolean =>
  !safetyMode || !jointExerciseTypes.has(type);
