import { endpoints } from '../../api/endpoints.js';
import { useQuery } from '@tanstack/react-query';
import type {
  ProgramExerciseView,
  ProgramStepOutline,
  ProgramView,
  StepStatus,
} from '../../../shared/api/program.js';
import { t, type MessageKey } from '../../../shared/i18n/messages.js';
import type { MemberRole } from '../../../core/journeys/journey.js';
import { call } from '../../api/client.js';

export const programKeys = {
  all: ['program'] as const,
  // Not under `all`: a mark on the steps changes the progress, never a step's texts. By role, so
  // a change of role in the settings reads the texts for the new one.
  texts: (role: MemberRole, stepId: string) => ['program-step', role, stepId] as const,
};

export const useProgram = () =>
  useQuery({
    queryKey: programKeys.all,
    queryFn: () => call(endpoints.program.view, { query: {} }),
    // A partner's readiness can change at any time; look again on every screen.
    staleTime: 0,
  });

/**
 * One step's texts for my role (read once the role is known). They are content, the same until
 * Steadfast is updated, so they are read once per visit to the app and kept in memory until the
 * page is closed; the server sends them no-store, so nothing of them stays in the browser's cache
 * on the device.
 */
export const useProgramStep = (stepId: string, role: MemberRole | undefined) =>
  useQuery({
    queryKey: programKeys.texts(role ?? 'unsaid', stepId),
    queryFn: () => call(endpoints.program.step, { params: { stepId } }),
    staleTime: Infinity,
    gcTime: Infinity,
    enabled: role !== undefined,
  });

export const statusLabel = (s: StepStatus): string => t(`program.status.${s}` satisfies MessageKey);

export const stepById = (view: ProgramView, id: string | null): ProgramStepOutline | undefined =>
  id === null ? undefined : view.steps.find((s) => s.id === id);

/** Where each kind of exercise done on a screen lives; the others are done away from the screen. */
const exercisePages: Partial<Record<ProgramExerciseView['type'], string>> = {
  // The letters page offers "Write an accountability statement" to whoever may write one.
  accountability_statement: '/app/letters',
  reflection: '/app/letters',
  letter: '/app/letters',
  agreements: '/app/agreements',
  commitments: '/app/commitments',
  shared_activities: '/app/activities',
  closeness_pace: '/app/closeness',
  connection_prompts: '/app/prompts',
  appreciations: '/app/appreciations',
  questions: '/app/questions',
  check_in_meeting: '/app/meetings',
  forgiveness_measure: '/app/forgiveness',
};

export const exerciseLink = (ex: ProgramExerciseView): string | null =>
  exerciseIdPages[ex.id] ?? exercisePages[ex.type] ?? null;

/**
 * The kinds of exercise done away from the screen, whose reading is the step page itself: a
 * conversation the step's texts prepare, and a reading. Every other kind has a screen of its own.
 */
export const readOnItsStep: ReadonlySet<ProgramExerciseView['type']> = new Set([
  'conversation',
  'reading',
]);

/**
 * Where one exercise lives when its type alone does not say: step 7's private reflection is on the
 * forgiveness screen, not with the letters. Such an exercise may still be one a person marks worked
 * on by hand, so the step shows this link beside the mark (see `exerciseIdLink`).
 */
const exerciseIdPages: Readonly<Record<string, string>> = {
  'forgiveness.reflection': '/app/forgiveness',
  'forgiveness.letter': '/app/letters/new?kind=forgiveness',
};

/** The page of an exercise named by its id, if it has one (shown even for self-marked work). */
export const exerciseIdLink = (ex: ProgramExerciseView): string | null =>
  exerciseIdPages[ex.id] ?? null;
