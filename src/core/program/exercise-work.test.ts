import { describe, expect, it } from 'vitest';
import { exerciseFor, exerciseWorks, isSelfMarked, type ExerciseWork } from './exercise-work.js';
import type { ExerciseType, Program, ProgramStep } from './program.js';

const step = (id: string, order: number, exercises: [string, ExerciseType][]): ProgramStep => ({
  id,
  order,
  title: id,
  summary: 's',
  eft: ['trust'],
  gottman: ['atone'],
  ready: 'Ready?',
  exercises: exercises.map(([name, type]) => ({
    id: `${id}.${name}`,
    stepId: id,
    type,
    title: name,
    eft: ['trust'],
    gottman: ['atone'],
  })),
  html: { why: '', roles: { hurt: '', broke_trust: '', both: '' }, more: [] },
});

// Shaped like content/program: reflections in several steps, only one beside the statement.
const program: Program = {
  steps: [
    step('responsibility', 1, [
      ['statement', 'accountability_statement'],
      ['response', 'reflection'],
    ]),
    step('plan', 2, [
      ['agreements', 'agreements'],
      ['needs', 'conversation'],
    ]),
    step('commitment', 3, [
      ['log', 'commitments'],
      ['review', 'reflection'],
    ]),
    step('reconnection', 5, [
      ['prompts', 'connection_prompts'],
      ['activities', 'shared_activities'],
    ]),
    step('forgiveness', 7, [
      ['reading', 'reading'],
      ['letter', 'letter'],
      ['measure', 'forgiveness_measure'],
    ]),
  ],
};

describe('work that counts for an exercise', () => {
  it('finds each action’s exercise by type, in the step where that work lives', () => {
    const found = Object.fromEntries(
      (Object.keys(exerciseWorks) as ExerciseWork[]).map((w) => [w, exerciseFor(program, w)?.id]),
    );
    expect(found).toEqual({
      statement_shared: 'responsibility.statement',
      statement_answered: 'responsibility.response',
      agreement_proposed: 'plan.agreements',
      agreement_answered: 'plan.agreements',
      commitment_made: 'commitment.log',
      commitment_logged: 'commitment.log',
      commitment_entry_answered: 'commitment.log',
      activity_added: 'reconnection.activities',
      activity_planned: 'reconnection.activities',
      activity_done: 'reconnection.activities',
      prompt_answered: 'reconnection.prompts',
      appreciation_sent: undefined,
    });
  });

  it('finds nothing when the program has no such exercise', () => {
    expect(exerciseFor({ steps: [] }, 'agreement_proposed')).toBeUndefined();
    const noResponse: Program = {
      steps: [step('responsibility', 1, [['statement', 'accountability_statement']])],
    };
    expect(exerciseFor(noResponse, 'statement_answered')).toBeUndefined();
  });

  it('lets people mark by hand all work that no screen of Steadfast records', () => {
    const marked = program.steps
      .flatMap((s) => s.exercises)
      .filter((ex) => isSelfMarked(program, ex.id))
      .map((ex) => ex.id);
    // Not the statement's response (answering records it), not what has its own screen, not
    // unknown ids; an exercise whose screen is not built yet is done away from the screen.
    expect(marked).toEqual(['plan.needs', 'commitment.review', 'forgiveness.reading']);
    expect(isSelfMarked(program, 'plan.unknown')).toBe(false);
  });
});
