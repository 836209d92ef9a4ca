import { z } from 'zod';
import { memberRoles } from '../../core/journeys/journey.js';
import { endpoint } from './endpoint.js';
import {
  eftPhases,
  exerciseTypes,
  gottmanPhases,
  programRoles,
} from '../../core/program/program.js';

/** A step id as content names it (lowercase words joined by underscores). */
export const StepParams = z.strictObject({
  stepId: z
    .string()
    .max(60, { error: 'That step id is not valid.' })
    .regex(/^[a-z]+(?:_[a-z]+)*$/, { error: 'That step id is not valid.' }),
});
export type StepParams = z.infer<typeof StepParams>;

export const ExerciseParams = z.strictObject({
  exerciseId: z
    .string()
    .max(120, { error: 'That exercise id is not valid.' })
    .regex(/^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/, { error: 'That exercise id is not valid.' }),
});
export type ExerciseParams = z.infer<typeof ExerciseParams>;

export const ProgramQuery = z.object({
  lens: z.enum(['eft', 'gottman'], { error: 'Please choose the eft or gottman lens.' }).optional(),
});
export type ProgramQuery = z.infer<typeof ProgramQuery>;

export const ReadyBody = z.strictObject({
  ready: z.boolean({ error: 'Please say whether you are ready (true or false).' }),
});
export type ReadyBody = z.infer<typeof ReadyBody>;

const StepStatus = z.enum(['not_started', 'in_progress', 'done']);
export type StepStatus = z.infer<typeof StepStatus>;

/**
 * Where one step stands, seen by one member. Readiness is the one thing about the partner a member
 * sees here (that is the point of "both mark ready"); nothing else about the other person is sent.
 */
export const StepProgressView = z.object({
  stepId: z.string(),
  status: StepStatus,
  readiness: z.object({
    me: z.boolean(),
    /** null on a journey without a partner. */
    partner: z.boolean().nullable(),
  }),
  doneAt: z.number().int().nullable(),
  /** The exercises of this step I have worked on (never my partner's). */
  exercisesWorkedOn: z.array(z.string()),
});
export type StepProgressView = z.infer<typeof StepProgressView>;

export const WaitingView = z.object({
  stepId: z.string(),
  on: z.enum(['you', 'partner']),
  what: z.literal('readiness'),
});
export type WaitingView = z.infer<typeof WaitingView>;

/** The journey's progress as one member sees it; returned by GET /api/program and every change. */
export const ProgramProgress = z.object({
  steps: z.array(StepProgressView),
  currentStepId: z.string().nullable(),
  frontierStepId: z.string().nullable(),
  /** The step someone opened again, if that is where the journey is now. */
  revisitStepId: z.string().nullable(),
  allDone: z.boolean(),
  waitingFor: z.array(WaitingView),
});
export type ProgramProgress = z.infer<typeof ProgramProgress>;

export const ProgramExerciseView = z.object({
  id: z.string(),
  type: z.enum(exerciseTypes),
  title: z.string(),
  /** Done away from the screen, so the person marks it worked on themselves. */
  selfMarked: z.boolean(),
});
export type ProgramExerciseView = z.infer<typeof ProgramExerciseView>;

/** A step as the journey dashboard lists it; its texts come with GET /api/program/steps/:stepId. */
export const ProgramStepOutline = z.object({
  id: z.string(),
  order: z.number().int(),
  title: z.string(),
  summary: z.string(),
});
export type ProgramStepOutline = z.infer<typeof ProgramStepOutline>;

/** A step's content for one reader. HTML comes from our own content Markdown, rendered by the server. */
export const ProgramStepView = z.object({
  id: z.string(),
  order: z.number().int(),
  title: z.string(),
  summary: z.string(),
  whyHtml: z.string(),
  /** My role's text, or all three for someone who would rather not say. */
  roleTexts: z.array(z.object({ role: z.enum(programRoles), html: z.string() })),
  more: z.array(z.object({ heading: z.string(), html: z.string() })),
  exercises: z.array(ProgramExerciseView),
  /** The "ready to move on" reflection. */
  readyPrompt: z.string(),
});
export type ProgramStepView = z.infer<typeof ProgramStepView>;

export const LensView = z.object({
  lens: z.enum(['eft', 'gottman']),
  phases: z
    .array(
      z.object({
        phase: z.enum([...eftPhases, ...gottmanPhases]),
        steps: z
          .array(
            z.object({
              stepId: z.string(),
              title: z.string(),
              status: StepStatus.optional(),
              exercises: z
                .array(
                  z.object({
                    exerciseId: z.string(),
                    type: z.enum(exerciseTypes),
                    title: z.string(),
                  }),
                )
                .readonly(),
            }),
          )
          .readonly(),
      }),
    )
    .readonly(),
});
export type LensView = z.infer<typeof LensView>;

export const ProgramView = z.object({
  role: z.enum(memberRoles),
  hasPartner: z.boolean(),
  /**
   * The steps in order, titles and summaries only: the dashboard is read on every visit, and the
   * texts (the same for everyone in a role) come once per step from their own read.
   */
  steps: z.array(ProgramStepOutline),
  progress: ProgramProgress,
  lens: LensView.nullable(),
  /**
   * What my partner has shared with me, as yes or no (never counted): a statement sent, an
   * agreement proposed to me, follow-through waiting for my look, check-ins shared. Null on a
   * journey of one.
   */
  fromPartner: z
    .object({
      statement: z.boolean(),
      agreement: z.boolean(),
      entries: z.boolean(),
      checkins: z.boolean(),
    })
    .nullable(),
});
export type ProgramView = z.infer<typeof ProgramView>;

const tag = 'program';

/**
 * The endpoints of the seven steps. Marks on the steps come after the person's own safety check,
 * but an unknown step or exercise is told first where it always was, so those keep the `member`
 * caller and their service checks the safety check and the journey in the old order.
 */
/** What marking an exercise worked on, or taking the mark back, may answer (checked in this order). */
const exerciseMarkErrors = [
  'program.exercise_not_found',
  'program.exercise_done_in_app',
  'safety.check_needed',
  'journey.none',
] as const;

export const programApi = {
  view: endpoint({
    method: 'GET',
    path: '/api/program',
    tag,
    summary:
      'The seven steps, where my journey stands, what is waiting, what my partner has shared, and optionally a therapy lens',
    caller: 'journeyMember',
    query: ProgramQuery,
    response: ProgramView,
  }),
  step: endpoint({
    method: 'GET',
    path: '/api/program/steps/:stepId',
    tag,
    summary: 'One step’s texts as my role reads them: why it matters, what I do, its exercises',
    caller: 'journeyMember',
    params: StepParams,
    response: ProgramStepView,
    errors: ['program.step_not_found'],
  }),
  ready: endpoint({
    method: 'POST',
    path: '/api/program/steps/:stepId/ready',
    tag,
    summary:
      'Mark a step ready to move on, or take that back; the step is done when every member is ready',
    caller: 'member',
    params: StepParams,
    body: ReadyBody,
    response: ProgramProgress,
    errors: ['safety.check_needed', 'program.step_not_found', 'journey.none'],
  }),
  revisit: endpoint({
    method: 'POST',
    path: '/api/program/steps/:stepId/revisit',
    tag,
    summary: 'Open a step again; its status and history stay as they are',
    caller: 'member',
    params: StepParams,
    response: ProgramProgress,
    errors: ['program.step_not_found', 'safety.check_needed', 'journey.none'],
  }),
  workedOn: endpoint({
    method: 'POST',
    path: '/api/program/exercises/:exerciseId/worked-on',
    tag,
    summary:
      'Note that I worked on an exercise done away from the screen (a conversation, a reading, a reflection)',
    caller: 'member',
    params: ExerciseParams,
    response: ProgramProgress,
    errors: exerciseMarkErrors,
  }),
  takeBackWorkedOn: endpoint({
    method: 'DELETE',
    path: '/api/program/exercises/:exerciseId/worked-on',
    tag,
    summary: 'Take back my note that I worked on an exercise (say, a mistaken tap)',
    caller: 'member',
    params: ExerciseParams,
    response: ProgramProgress,
    errors: exerciseMarkErrors,
  }),
};
