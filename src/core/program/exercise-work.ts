import type { ExerciseType, Program, ProgramExercise } from './program.js';

/**
 * Things a person does in the app that count as working on one of the program's exercises, so the
 * step they belong to shows as under way for that person. Only the person's own work is ever told
 * back to them; their partner sees readiness, never this.
 *
 * The program is content, so the exercise is found by type rather than by id: the step that holds
 * an exercise of the `in` type, and in it the first exercise of the `is` type. Answering a
 * statement is the reflection that sits beside the statement, not any other reflection.
 */
export const exerciseWorks = {
  statement_shared: { in: 'accountability_statement', is: 'accountability_statement' },
  statement_answered: { in: 'accountability_statement', is: 'reflection' },
  agreement_proposed: { in: 'agreements', is: 'agreements' },
  agreement_answered: { in: 'agreements', is: 'agreements' },
  commitment_made: { in: 'commitments', is: 'commitments' },
  commitment_logged: { in: 'commitments', is: 'commitments' },
  commitment_entry_answered: { in: 'commitments', is: 'commitments' },
  activity_added: { in: 'shared_activities', is: 'shared_activities' },
  activity_planned: { in: 'shared_activities', is: 'shared_activities' },
  activity_done: { in: 'shared_activities', is: 'shared_activities' },
  prompt_answered: { in: 'connection_prompts', is: 'connection_prompts' },
  appreciation_sent: { in: 'appreciations', is: 'appreciations' },
  question_asked: { in: 'questions', is: 'questions' },
  question_answered: { in: 'questions', is: 'questions' },
  meeting_scheduled: { in: 'check_in_meeting', is: 'check_in_meeting' },
  meeting_prepared: { in: 'check_in_meeting', is: 'check_in_meeting' },
  meeting_noted: { in: 'check_in_meeting', is: 'check_in_meeting' },
} as const satisfies Record<string, { in: ExerciseType; is: ExerciseType }>;
export type ExerciseWork = keyof typeof exerciseWorks;

/** The exercise an action counts for; undefined when the program has no such exercise. */
export function exerciseFor(program: Program, work: ExerciseWork): ProgramExercise | undefined {
  const rule = exerciseWorks[work];
  const step = program.steps.find((s) => s.exercises.some((ex) => ex.type === rule.in));
  return step?.exercises.find((ex) => ex.type === rule.is);
}

/**
 * The kinds of exercise Steadfast runs on a screen of its own today. Every other exercise — a
 * conversation, a reading, a reflection, and any kind whose screen is not built yet — is done away
 * from the screen, and the person marks it worked on themselves; a kind joins this list when its
 * screen lands, so nothing on the step promises a screen that does not exist.
 */
const onScreenTypes: ReadonlySet<ExerciseType> = new Set<ExerciseType>([
  'accountability_statement',
  'agreements',
  'commitments',
  'letter',
  'shared_activities',
  'closeness_pace',
  'connection_prompts',
  'appreciations',
  'questions',
  'check_in_meeting',
  // Step 7's reflection chart: on its own screen, and never marked done (no completion pressure).
  'forgiveness_measure',
]);

/** Whether a person marks this exercise as worked on by hand. */
export function isSelfMarked(program: Program, exerciseId: string): boolean {
  const recorded = new Set(
    (Object.keys(exerciseWorks) as ExerciseWork[]).map((w) => exerciseFor(program, w)?.id),
  );
  const exercise = program.steps.flatMap((s) => s.exercises).find((e) => e.id === exerciseId);
  return exercise !== undefined && !onScreenTypes.has(exercise.type) && !recorded.has(exercise.id);
}
