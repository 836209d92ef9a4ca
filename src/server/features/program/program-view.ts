import { memberRoles, type MemberRole } from '../../../core/journeys/journey.js';
import { isSelfMarked } from '../../../core/program/exercise-work.js';
import { roleTextsFor, type Program } from '../../../core/program/program.js';
import { isExerciseEvent, journeyProgress, waitingFor } from '../../../core/program/step-model.js';
import type {
  ProgramProgress,
  ProgramStepOutline,
  ProgramStepView,
} from '../../../shared/api/program.js';
import type { JourneyState } from './program.store.js';

/**
 * The journey's progress computed from what one member may know: everyone's readiness and
 * revisits, and only their own exercise work. What a partner does on the exercises is theirs to
 * tell, so it changes nothing this member sees: not a step's status, not a lens.
 */
export const progressSeenBy = (program: Program, state: JourneyState, viewerId: string) =>
  journeyProgress(
    program,
    state.members,
    state.events.filter((e) => !isExerciseEvent(e) || e.memberId === viewerId),
  );

/**
 * The journey's progress as one member sees it. Of the partner, only their readiness on each step
 * is told (that is the point of "both mark ready"): not their exercises, not their history.
 */
export function progressFor(
  program: Program,
  state: JourneyState,
  viewerId: string,
): ProgramProgress {
  const progress = progressSeenBy(program, state, viewerId);
  const hasPartner = state.members.some((m) => m.id !== viewerId);
  const order = program.steps.map((s) => s.id);
  return {
    steps: progress.steps.map((s) => ({
      stepId: s.stepId,
      status: s.status,
      readiness: {
        me: s.readiness.find((r) => r.memberId === viewerId)?.ready ?? false,
        partner: hasPartner ? s.readiness.some((r) => r.memberId !== viewerId && r.ready) : null,
      },
      doneAt: s.doneAt,
      exercisesWorkedOn: s.exercises
        .filter((ex) => ex.workedOnBy.includes(viewerId))
        .map((ex) => ex.exerciseId),
    })),
    currentStepId: progress.currentStepId,
    frontierStepId: progress.frontierStepId,
    revisitStepId: progress.revisit?.stepId ?? null,
    allDone: progress.allDone,
    // In program order; within a step, the viewer's own readiness first.
    waitingFor: waitingFor(progress, viewerId).sort(
      (x, y) =>
        order.indexOf(x.stepId) - order.indexOf(y.stepId) ||
        (x.on === 'you' ? 0 : 1) - (y.on === 'you' ? 0 : 1),
    ),
  };
}

const stepViews = (program: Program, role: MemberRole): ProgramStepView[] => {
  const selfMarked = new Set(
    program.steps.flatMap((s) => s.exercises.filter((ex) => isSelfMarked(program, ex.id))),
  );
  return program.steps.map((step) => ({
    id: step.id,
    order: step.order,
    title: step.title,
    summary: step.summary,
    whyHtml: step.html.why,
    roleTexts: roleTextsFor(step, role),
    more: step.html.more.map((m) => ({ heading: m.heading, html: m.text })),
    exercises: step.exercises.map((ex) => ({
      id: ex.id,
      type: ex.type,
      title: ex.title,
      selfMarked: selfMarked.has(ex),
    })),
    readyPrompt: step.ready,
  }));
};

/** The outline the dashboard lists, and each step's texts as each role reads them. */
export interface ProgramTexts {
  readonly outline: ProgramStepOutline[];
  readonly stepsFor: ReadonlyMap<MemberRole, ReadonlyMap<string, ProgramStepView>>;
}

const textsOf = new WeakMap<Program, ProgramTexts>();

/** Content, so built once per loaded program rather than on every read. */
export function programTexts(program: Program): ProgramTexts {
  let texts = textsOf.get(program);
  if (!texts) {
    texts = {
      outline: program.steps.map(({ id, order, title, summary }) => ({
        id,
        order,
        title,
        summary,
      })),
      stepsFor: new Map(
        memberRoles.map((role) => [role, new Map(stepViews(program, role).map((s) => [s.id, s]))]),
      ),
    };
    textsOf.set(program, texts);
  }
  return texts;
}
