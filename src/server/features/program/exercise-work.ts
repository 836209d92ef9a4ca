import { exerciseFor, type ExerciseWork } from '../../../core/program/exercise-work.js';
import type { Db } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { insertProgramEvent } from './program.store.js';

/**
 * Notes that a member worked on a program exercise by doing it in the app (sharing a statement,
 * proposing an agreement, logging a commitment…). Call it inside the transaction that made the
 * change, so the work and its mark land together or not at all. Nothing happens when the program
 * has no exercise for that work.
 */
export function exerciseRecorder(deps: Pick<Deps, 'content' | 'newId' | 'clock'>) {
  return async (
    trx: Db,
    e: { journeyId: string; memberId: string; work: ExerciseWork },
  ): Promise<void> => {
    const exercise = exerciseFor(deps.content.program, e.work);
    if (!exercise) return;
    await insertProgramEvent(trx, {
      id: deps.newId(),
      journeyId: e.journeyId,
      memberId: e.memberId,
      at: deps.clock(),
      event: { kind: 'exercise', stepId: exercise.stepId, exerciseId: exercise.id },
    });
  };
}
