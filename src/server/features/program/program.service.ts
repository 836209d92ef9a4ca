import { DomainError } from '../../../core/errors.js';
import { isSelfMarked } from '../../../core/program/exercise-work.js';
import { findStep, type Program } from '../../../core/program/program.js';
import { lensView } from '../../../core/program/step-model.js';
import type { Input } from '../../../shared/api/endpoint.js';
import type {
  ProgramProgress,
  ProgramStepView,
  ProgramView,
  programApi,
} from '../../../shared/api/program.js';
import { inJourney, type Caller, type JourneyCaller } from '../../auth/caller.js';
import type { Deps } from '../../deps.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import { progressFor, progressSeenBy, programTexts } from './program-view.js';
import {
  fromPartner,
  loadJourneyState,
  recordProgramEvent,
  type NewProgramEvent,
} from './program.store.js';

/**
 * The seven steps: the journey's progress as each member sees it, the steps' texts, and the marks
 * members make on them. Marks check, in this order as they always have: the step or exercise, the
 * person's own safety check, then their journey.
 */

type Api = typeof programApi;

export async function programView(
  deps: Deps,
  c: JourneyCaller,
  { query }: Pick<Input<Api['view']>, 'query'>,
): Promise<ProgramView> {
  const db = deps.database.db;
  const program = deps.content.program;
  const state = await loadJourneyState(db, deps.sealer, c.journeyId);
  const hasPartner = state.members.some((m) => m.id !== c.userId);
  return {
    role: c.role,
    hasPartner,
    fromPartner: hasPartner ? await fromPartner(db, c.journeyId, c.userId) : null,
    steps: programTexts(program).outline,
    progress: progressFor(program, state, c.userId),
    lens: query.lens
      ? lensView(program, query.lens, progressSeenBy(program, state, c.userId))
      : null,
  };
}

/**
 * One step's texts as the caller's role reads them. Sent with the API's no-store like everything
 * else: even the texts of a role say which side of a betrayal someone is on, so none of it is left
 * in the browser's cache on the device.
 */
export function programStep(
  deps: Deps,
  c: JourneyCaller,
  { params }: Pick<Input<Api['step']>, 'params'>,
): ProgramStepView {
  const step = programTexts(deps.content.program).stepsFor.get(c.role)?.get(params.stepId);
  if (!step) throw new DomainError('program.step_not_found');
  return step;
}

const knownStep = (program: Program, stepId: string): string => {
  if (!findStep(program, stepId)) throw new DomainError('program.step_not_found');
  return stepId;
};

/** Records the caller's event on their journey and returns the progress it leaves. */
async function record(deps: Deps, c: Caller, event: NewProgramEvent): Promise<ProgramProgress> {
  const { journeyId } = inJourney(c);
  const state = await recordProgramEvent(deps.database.db, deps.sealer, {
    id: deps.newId(),
    journeyId,
    memberId: c.userId,
    at: deps.clock(),
    event,
  });
  return progressFor(deps.content.program, state, c.userId);
}

export async function markReady(
  deps: Deps,
  c: Caller,
  { params, body }: Pick<Input<Api['ready']>, 'params' | 'body'>,
): Promise<ProgramProgress> {
  await assertSafetyChecked(deps, c.userId);
  const stepId = knownStep(deps.content.program, params.stepId);
  return record(deps, c, { kind: body.ready ? 'ready' : 'not_ready', stepId });
}

export async function revisitStep(
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['revisit']>, 'params'>,
): Promise<ProgramProgress> {
  const stepId = knownStep(deps.content.program, params.stepId);
  // Revisiting moves the partner's current step too: joint work, so after the safety check.
  await assertSafetyChecked(deps, c.userId);
  return record(deps, c, { kind: 'revisit', stepId });
}

/** Notes work on an exercise marked by hand (done away from the screen), or takes it back. */
async function markWork(
  deps: Deps,
  c: Caller,
  exerciseId: string,
  kind: 'exercise' | 'exercise_undone',
): Promise<ProgramProgress> {
  const program = deps.content.program;
  const exercise = program.steps.flatMap((s) => s.exercises).find((e) => e.id === exerciseId);
  if (!exercise) throw new DomainError('program.exercise_not_found');
  if (!isSelfMarked(program, exercise.id)) throw new DomainError('program.exercise_done_in_app');
  // Only my own progress, never shown to my partner; still, like every mark on the steps, it
  // comes after the person's own safety check.
  await assertSafetyChecked(deps, c.userId);
  return record(deps, c, { kind, stepId: exercise.stepId, exerciseId: exercise.id });
}

export const markWorkedOn = (
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['workedOn']>, 'params'>,
): Promise<ProgramProgress> => markWork(deps, c, params.exerciseId, 'exercise');

export const takeBackWorkedOn = (
  deps: Deps,
  c: Caller,
  { params }: Pick<Input<Api['takeBackWorkedOn']>, 'params'>,
): Promise<ProgramProgress> => markWork(deps, c, params.exerciseId, 'exercise_undone');
