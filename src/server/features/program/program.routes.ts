import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../../core/errors.js';
import { memberRoles, type MemberRole } from '../../../core/journeys/journey.js';
import { isSelfMarked } from '../../../core/program/exercise-work.js';
import { findStep, roleTextsFor, type Program } from '../../../core/program/program.js';
import {
  isExerciseEvent,
  journeyProgress,
  lensView,
  waitingFor,
  type JourneyEvent,
  type JourneyMember,
} from '../../../core/program/step-model.js';
import { Problem } from '../../../shared/api/problem.js';
import {
  ProgramProgress,
  ProgramQuery,
  ProgramView,
  ExerciseParams,
  ProgramStepView,
  ReadyBody,
  StepParams,
} from '../../../shared/api/program.js';
import type { Deps } from '../../deps.js';
import { access, memberId, membershipOf } from '../../http/access.js';
import { assertSafetyChecked } from '../safety/safety.gate.js';
import {
  fromPartner,
  loadJourneyState,
  recordProgramEvent,
  type NewProgramEvent,
} from './program.store.js';

/**
 * The journey's progress computed from what one member may know: everyone's readiness and
 * revisits, and only their own exercise work. What a partner does on the exercises is theirs to
 * tell, so it changes nothing this member sees: not a step's status, not a lens.
 */
const progressSeenBy = (
  program: Program,
  state: { members: JourneyMember[]; events: JourneyEvent[] },
  viewerId: string,
) =>
  journeyProgress(
    program,
    state.members,
    state.events.filter((e) => !isExerciseEvent(e) || e.memberId === viewerId),
  );

/**
 * The journey's progress as one member sees it. Of the partner, only their readiness on each step
 * is told (that is the point of "both mark ready"): not their exercises, not their history.
 */
function progressFor(
  program: Program,
  state: { members: JourneyMember[]; events: JourneyEvent[] },
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

const stepView = (program: Program, role: MemberRole): ProgramStepView[] => {
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

export function registerProgramRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const program = deps.content.program;
  // Content, so built once rather than on every read: the outline the dashboard lists, and each
  // step's texts as each role reads them.
  const outline = program.steps.map(({ id, order, title, summary }) => ({
    id,
    order,
    title,
    summary,
  }));
  const stepsFor = new Map(
    memberRoles.map((role) => [role, new Map(stepView(program, role).map((s) => [s.id, s]))]),
  );

  /** The caller's journey and role, as read with their session for this request. */
  function myJourney(request: FastifyRequest) {
    const membership = membershipOf(request);
    if (!membership) throw new DomainError('journey.none');
    return membership;
  }

  async function record(
    request: FastifyRequest,
    userId: string,
    event: NewProgramEvent,
  ): Promise<ProgramProgress> {
    const { journeyId } = myJourney(request);
    const state = await recordProgramEvent(db, deps.sealer, {
      id: deps.newId(),
      journeyId,
      memberId: userId,
      at: deps.clock(),
      event,
    });
    return progressFor(program, state, userId);
  }

  const knownStep = (stepId: string): string => {
    if (!findStep(program, stepId)) throw new DomainError('program.step_not_found');
    return stepId;
  };

  r.get(
    '/api/program',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary:
          'The seven steps, where my journey stands, what is waiting, what my partner has shared, and optionally a therapy lens',
        querystring: ProgramQuery,
        response: { 200: ProgramView, 409: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const membership = myJourney(request);
      const state = await loadJourneyState(db, deps.sealer, membership.journeyId);
      const progress = progressFor(program, state, userId);
      const lens = request.query.lens;
      const hasPartner = state.members.some((m) => m.id !== userId);
      return {
        role: membership.role,
        hasPartner,
        fromPartner: hasPartner ? await fromPartner(db, membership.journeyId, userId) : null,
        steps: outline,
        progress,
        lens: lens ? lensView(program, lens, progressSeenBy(program, state, userId)) : null,
      };
    },
  );

  r.get(
    '/api/program/steps/:stepId',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary: 'One step’s texts as my role reads them: why it matters, what I do, its exercises',
        params: StepParams,
        response: { 200: ProgramStepView, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    (request) => {
      const { role } = myJourney(request);
      const step = stepsFor.get(role)?.get(request.params.stepId);
      if (!step) throw new DomainError('program.step_not_found');
      // Sent with the API's no-store like everything else: even the texts of a role say which side
      // of a betrayal someone is on, so none of it is left in the browser's cache on the device.
      return step;
    },
  );

  r.post(
    '/api/program/steps/:stepId/ready',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary:
          'Mark a step ready to move on, or take that back; the step is done when every member is ready',
        params: StepParams,
        body: ReadyBody,
        response: { 200: ProgramProgress, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      await assertSafetyChecked(deps, userId);
      const stepId = knownStep(request.params.stepId);
      return record(request, userId, { kind: request.body.ready ? 'ready' : 'not_ready', stepId });
    },
  );

  r.post(
    '/api/program/steps/:stepId/revisit',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary: 'Open a step again; its status and history stay as they are',
        params: StepParams,
        response: { 200: ProgramProgress, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const userId = memberId(request);
      const stepId = knownStep(request.params.stepId);
      // Revisiting moves the partner's current step too: joint work, so after the safety check.
      await assertSafetyChecked(deps, userId);
      return record(request, userId, { kind: 'revisit', stepId });
    },
  );

  /** An exercise the person marks by hand (done away from the screen), after their safety check. */
  async function selfMarked(userId: string, exerciseId: string) {
    const exercise = program.steps.flatMap((s) => s.exercises).find((e) => e.id === exerciseId);
    if (!exercise) throw new DomainError('program.exercise_not_found');
    if (!isSelfMarked(program, exercise.id)) throw new DomainError('program.exercise_done_in_app');
    // Only my own progress, never shown to my partner; still, like every mark on the steps, it
    // comes after the person's own safety check.
    await assertSafetyChecked(deps, userId);
    return exercise;
  }

  /** Notes work on a hand-marked exercise, or takes that note back. */
  async function markWork(
    request: FastifyRequest,
    exerciseId: string,
    kind: 'exercise' | 'exercise_undone',
  ): Promise<ProgramProgress> {
    const userId = memberId(request);
    const exercise = await selfMarked(userId, exerciseId);
    return record(request, userId, { kind, stepId: exercise.stepId, exerciseId: exercise.id });
  }

  r.post(
    '/api/program/exercises/:exerciseId/worked-on',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary:
          'Note that I worked on an exercise done away from the screen (a conversation, a reading, a reflection)',
        params: ExerciseParams,
        response: { 200: ProgramProgress, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    (request) => markWork(request, request.params.exerciseId, 'exercise'),
  );

  r.delete(
    '/api/program/exercises/:exerciseId/worked-on',
    {
      config: access('member'),
      schema: {
        tags: ['program'],
        summary: 'Take back my note that I worked on an exercise (say, a mistaken tap)',
        params: ExerciseParams,
        response: { 200: ProgramProgress, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    (request) => markWork(request, request.params.exerciseId, 'exercise_undone'),
  );
}
