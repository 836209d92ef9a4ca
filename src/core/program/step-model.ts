import type { MemberRole } from '../journeys/journey.js';
import type { EftPhase, ExerciseType, GottmanPhase, Program } from './program.js';
import { eftPhases, gottmanPhases } from './program.js';

/**
 * Where a journey stands in the seven steps, computed from what its members did. Pure: the same
 * program, members and events always give the same answer, whatever order the events arrive in.
 *
 * Rules, decided here once:
 * - A step is done when every current member's latest readiness mark on it is `ready`. A solo
 *   journey needs its one member; when a partner joins later, they are asked too, so a step that was
 *   done alone is open again until the partner marks it ready.
 * - `not_ready` takes a mark back; it is the only thing that makes a done step open again.
 * - Work on an exercise puts its step in progress while it stands; `exercise_undone` takes back a
 *   member's own mark (a mistaken tap), and a mark taken back counts for nothing.
 * - `revisit` opens any step, done or not, without changing its status or dropping its history. The
 *   revisit stays the journey's current step until someone marks that step ready again or someone
 *   revisits another step (revisiting the first open step is how a couple comes back).
 * - Events are replayed by `at`; equal times keep their given order. Events by people who are not
 *   current members, or for steps and exercises the program no longer has, are ignored.
 * - Nothing here has a deadline, an age or a count of what has not been done.
 */

export type JourneyEvent =
  | {
      readonly kind: 'ready';
      readonly stepId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      readonly kind: 'not_ready';
      readonly stepId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      readonly kind: 'revisit';
      readonly stepId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      readonly kind: 'exercise';
      readonly exerciseId: string;
      readonly memberId: string;
      readonly at: number;
    }
  | {
      /** Takes back a member's own mark on an exercise (a mistaken tap); marking again is fine. */
      readonly kind: 'exercise_undone';
      readonly exerciseId: string;
      readonly memberId: string;
      readonly at: number;
    };

export type ExerciseEvent = Extract<JourneyEvent, { exerciseId: string }>;

/** Work on an exercise, or taking that back: each member's own, never told to the partner. */
export const isExerciseEvent = (e: JourneyEvent): e is ExerciseEvent =>
  e.kind === 'exercise' || e.kind === 'exercise_undone';

export interface JourneyMember {
  readonly id: string;
  readonly role: MemberRole;
}

export type StepStatus = 'not_started' | 'in_progress' | 'done';

export interface MemberReadiness {
  readonly memberId: string;
  readonly ready: boolean;
  /** When this member last marked or took back readiness on the step; null if never. */
  readonly at: number | null;
}

export interface ExerciseProgress {
  readonly exerciseId: string;
  /** Members who have worked on it, in member order. */
  readonly workedOnBy: readonly string[];
  readonly lastActivityAt: number | null;
}

export interface StepProgress {
  readonly stepId: string;
  readonly status: StepStatus;
  /** One entry per current member, in member order. */
  readonly readiness: readonly MemberReadiness[];
  readonly exercises: readonly ExerciseProgress[];
  /** When the step last became done; null unless it is done now. */
  readonly doneAt: number | null;
  /** Every counted event on this step and its exercises, oldest first; revisits never remove any. */
  readonly history: readonly JourneyEvent[];
}

/** Something that needs one member before a step can be done; only readiness is ever waited on. */
export interface Waiting {
  readonly stepId: string;
  readonly memberId: string;
  readonly what: 'readiness';
}

export interface JourneyProgress {
  /** In program order. */
  readonly steps: readonly StepProgress[];
  /** The first step not done; null when every step is done. */
  readonly frontierStepId: string | null;
  /** The step the journey is on: an open revisit, otherwise the frontier; null when all are done and none is revisited. */
  readonly currentStepId: string | null;
  /** The open revisit, if the current step is one. */
  readonly revisit: {
    readonly stepId: string;
    readonly memberId: string;
    readonly at: number;
  } | null;
  readonly allDone: boolean;
  /**
   * Who is waited on, on the current step and on any open step someone has already marked ready,
   * in program then member order.
   */
  readonly waiting: readonly Waiting[];
}

const stepOf = (e: JourneyEvent, exerciseStep: ReadonlyMap<string, string>): string | undefined =>
  isExerciseEvent(e) ? exerciseStep.get(e.exerciseId) : e.stepId;

export function journeyProgress(
  program: Program,
  members: readonly JourneyMember[],
  events: readonly JourneyEvent[],
): JourneyProgress {
  const memberIds = members.map((m) => m.id);
  const isMember = new Set(memberIds);
  const exerciseStep = new Map<string, string>();
  for (const step of program.steps)
    for (const ex of step.exercises) exerciseStep.set(ex.id, step.id);
  const stepIds = new Set(program.steps.map((s) => s.id));

  const counted = events
    .map((e, n) => ({ e, n }))
    .filter(({ e }) => isMember.has(e.memberId) && stepIds.has(stepOf(e, exerciseStep) ?? ''))
    .sort((a, b) => a.e.at - b.e.at || a.n - b.n)
    .map(({ e }) => e);

  const byStep = new Map<string, JourneyEvent[]>();
  for (const e of counted) {
    const id = stepOf(e, exerciseStep) as string;
    const list = byStep.get(id) ?? [];
    list.push(e);
    byStep.set(id, list);
  }

  const steps = program.steps.map((step): StepProgress => {
    const history = byStep.get(step.id) ?? [];
    const marks = new Map<string, { ready: boolean; at: number }>();
    let doneAt: number | null = null;
    const allReady = () =>
      memberIds.length > 0 && memberIds.every((id) => marks.get(id)?.ready === true);
    for (const e of history) {
      if (e.kind !== 'ready' && e.kind !== 'not_ready') continue;
      const wasDone = allReady();
      marks.set(e.memberId, { ready: e.kind === 'ready', at: e.at });
      const isDone = allReady();
      if (isDone && !wasDone) doneAt = e.at;
      if (!isDone) doneAt = null;
    }
    const done = allReady();
    const exercises = step.exercises.map((ex) => {
      const marks = history.filter(
        (e): e is ExerciseEvent => isExerciseEvent(e) && e.exerciseId === ex.id,
      );
      return {
        exerciseId: ex.id,
        // A member's latest mark decides: worked on, or taken back.
        workedOnBy: memberIds.filter(
          (id) => marks.filter((e) => e.memberId === id).at(-1)?.kind === 'exercise',
        ),
        lastActivityAt: marks.length > 0 ? Math.max(...marks.map((e) => e.at)) : null,
      };
    });
    // Any readiness mark or revisit opens a step; exercise work only while it stands, so a mark
    // taken back leaves the step as it was.
    const touched =
      history.some((e) => !isExerciseEvent(e)) || exercises.some((x) => x.workedOnBy.length > 0);
    return {
      stepId: step.id,
      status: done ? 'done' : touched ? 'in_progress' : 'not_started',
      readiness: memberIds.map((memberId) => ({
        memberId,
        ready: marks.get(memberId)?.ready ?? false,
        at: marks.get(memberId)?.at ?? null,
      })),
      exercises,
      doneAt: done ? doneAt : null,
      history,
    };
  });

  const frontierStepId = steps.find((s) => s.status !== 'done')?.stepId ?? null;
  let revisit: JourneyProgress['revisit'] = null;
  for (const e of counted) {
    if (e.kind === 'revisit') revisit = { stepId: e.stepId, memberId: e.memberId, at: e.at };
    else if (e.kind === 'ready' && revisit?.stepId === e.stepId) revisit = null;
  }
  if (revisit?.stepId === frontierStepId) revisit = null;
  const currentStepId = revisit?.stepId ?? frontierStepId;

  const waiting: Waiting[] = [];
  for (const s of steps) {
    if (s.status === 'done') continue;
    if (s.stepId !== currentStepId && !s.readiness.some((r) => r.ready)) continue;
    for (const r of s.readiness) {
      if (!r.ready) waiting.push({ stepId: s.stepId, memberId: r.memberId, what: 'readiness' });
    }
  }

  return {
    steps,
    frontierStepId,
    currentStepId,
    revisit,
    allDone: frontierStepId === null,
    waiting,
  };
}

/** What is waiting, seen by one member: their own readiness, or their partner's. */
export interface WaitingForViewer {
  readonly stepId: string;
  readonly on: 'you' | 'partner';
  readonly what: 'readiness';
}

export const waitingFor = (progress: JourneyProgress, viewerId: string): WaitingForViewer[] =>
  progress.waiting.map((w) => ({
    stepId: w.stepId,
    on: w.memberId === viewerId ? 'you' : 'partner',
    what: w.what,
  }));

export type Lens = 'eft' | 'gottman';

export interface LensExercise {
  readonly exerciseId: string;
  readonly type: ExerciseType;
  readonly title: string;
}

export interface LensStep {
  readonly stepId: string;
  readonly title: string;
  /** Present when the view was built with a journey's progress. */
  readonly status?: StepStatus;
  /** Only this step's exercises tagged with the phase, in the step's order. */
  readonly exercises: readonly LensExercise[];
}

export interface LensPhase {
  readonly phase: EftPhase | GottmanPhase;
  /** Steps with at least one exercise in this phase, in program order. */
  readonly steps: readonly LensStep[];
}

export interface LensView {
  readonly lens: Lens;
  /** Every phase of the lens in its order, empty ones included. */
  readonly phases: readonly LensPhase[];
}

/**
 * The same steps and exercises regrouped under a therapy approach's phases. An exercise appears once
 * under each phase it is tagged with and nowhere else; nothing is copied or renamed.
 */
export function lensView(program: Program, lens: Lens, progress?: JourneyProgress): LensView {
  const phases: readonly (EftPhase | GottmanPhase)[] = lens === 'eft' ? eftPhases : gottmanPhases;
  const statusOf = new Map(progress?.steps.map((s) => [s.stepId, s.status]));
  return {
    lens,
    phases: phases.map((phase) => ({
      phase,
      steps: program.steps.flatMap((step): LensStep[] => {
        const exercises = step.exercises
          .filter((ex) => (ex[lens] as readonly string[]).includes(phase))
          .map((ex) => ({ exerciseId: ex.id, type: ex.type, title: ex.title }));
        if (exercises.length === 0) return [];
        const status = statusOf.get(step.id);
        return [{ stepId: step.id, title: step.title, ...(status ? { status } : {}), exercises }];
      }),
    })),
  };
}
