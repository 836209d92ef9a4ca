import { z } from 'zod';
import type { MemberRole } from '../journeys/journey.js';

/**
 * The seven steps of the together path as data (content/program/NN-<id>.md). Each step and each
 * exercise has a stable id that stored work refers to, and tags for the phases of two therapy
 * approaches, so a lens can regroup the same work without a second copy of it. A file that breaks
 * any rule below stops start-up.
 */

/** The Emotionally Focused phases, in their order. */
export const eftPhases = ['disclosure', 'safety', 'trust', 'vulnerability', 'intimacy'] as const;
export type EftPhase = (typeof eftPhases)[number];

/** The Gottman phases, in their order. */
export const gottmanPhases = ['atone', 'attune', 'attach'] as const;
export type GottmanPhase = (typeof gottmanPhases)[number];

/**
 * What kind of work an exercise is; the feature that runs it is chosen by type, so the set is closed
 * and an unknown type in a content file stops start-up.
 */
export const exerciseTypes = [
  'accountability_statement',
  'agreements',
  'commitments',
  'check_in_meeting',
  'questions',
  'connection_prompts',
  'shared_activities',
  'appreciations',
  'closeness_pace',
  'forgiveness_measure',
  'letter',
  'reflection',
  'conversation',
  'reading',
] as const;
export type ExerciseType = (typeof exerciseTypes)[number];

/** The steps the product promises, in their order; start-up fails if one is missing. */
export const requiredSteps = [
  'responsibility',
  'plan',
  'commitment',
  'communication',
  'reconnection',
  'intimacy',
  'forgiveness',
] as const;

/** The roles a step speaks to; someone who would rather not say reads all three. */
export const programRoles = ['hurt', 'broke_trust', 'both'] as const;
export type ProgramRole = (typeof programRoles)[number];

/** The fixed `##` headings of a step's body; other `##` sections may follow them. */
export const stepHeadings = {
  why: 'Why this step',
  hurt: 'If you were hurt',
  broke_trust: 'If you broke trust',
  both: 'If it is both',
} as const satisfies Record<'why' | ProgramRole, string>;

const text = z.string().trim().min(1);
const stepIdSchema = z
  .string()
  .regex(
    /^[a-z]+(?:_[a-z]+)*$/,
    'must be lowercase words joined by underscores, like responsibility',
  );
const exerciseIdSchema = z
  .string()
  .regex(
    /^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/,
    'must be the step id, a dot and lowercase words joined by underscores, like responsibility.statement',
  );

const closedSet =
  (what: string, known: readonly string[]) => (issue: { code: string; input?: unknown }) =>
    issue.code === 'invalid_value'
      ? `unknown ${what} ${JSON.stringify(issue.input)}; the ${what}s Steadfast knows are: ${known.join(', ')}`
      : undefined;

export const ExerciseType = z.enum(exerciseTypes, {
  error: closedSet('exercise type', exerciseTypes),
});
export const EftPhase = z.enum(eftPhases, { error: closedSet('EFT phase', eftPhases) });
export const GottmanPhase = z.enum(gottmanPhases, {
  error: closedSet('Gottman phase', gottmanPhases),
});

/** A non-empty list of phases, each named once. */
const phaseList = <T extends string>(phase: z.ZodType<T>) =>
  z
    .array(phase)
    .min(1, 'must name at least one phase')
    .refine((list) => new Set(list).size === list.length, 'names a phase twice');

export const ExerciseFrontMatter = z.strictObject({
  /** Stable forever, like responsibility.statement: stored work refers to it. */
  id: exerciseIdSchema,
  type: ExerciseType,
  title: text.max(120),
  eft: phaseList(EftPhase),
  gottman: phaseList(GottmanPhase),
});
export type ExerciseFrontMatter = z.infer<typeof ExerciseFrontMatter>;

const StepShape = z.strictObject({
  /** Stable forever, like responsibility: stored readiness refers to it. */
  id: stepIdSchema,
  order: z.number().int().min(1).max(99),
  title: text.max(120),
  summary: text.max(200),
  eft: phaseList(EftPhase),
  gottman: phaseList(GottmanPhase),
  exercises: z.array(ExerciseFrontMatter).min(1, 'a step needs at least one exercise'),
  /** The "ready to move on" reflection each partner answers before marking the step ready. */
  ready: text.max(400),
});

type Report = (message: string, path: PropertyKey[]) => void;

/** A step's own tags are exactly the union of its exercises' tags, so a lens never shows an empty step. */
function checkTags(
  step: z.infer<typeof StepShape>,
  key: 'eft' | 'gottman',
  label: string,
  report: Report,
): void {
  const stepTags = new Set<string>(step[key]);
  const used = new Set<string>();
  step.exercises.forEach((ex, n) => {
    for (const tag of ex[key]) {
      used.add(tag);
      if (!stepTags.has(tag)) {
        report(
          `exercise ${ex.id} is tagged with the ${label} phase ${tag}, which the step is not`,
          ['exercises', n, key],
        );
      }
    }
  });
  for (const tag of step[key]) {
    if (!used.has(tag)) {
      report(`the step is tagged with the ${label} phase ${tag}, but none of its exercises are`, [
        key,
      ]);
    }
  }
}

export const StepFrontMatter = StepShape.superRefine((step, ctx) => {
  const report: Report = (message, path) => ctx.addIssue({ code: 'custom', message, path });
  const seen = new Set<string>();
  step.exercises.forEach((ex, n) => {
    if (!ex.id.startsWith(`${step.id}.`)) {
      report(`exercise id ${ex.id} must start with the step id (${step.id}.)`, [
        'exercises',
        n,
        'id',
      ]);
    }
    if (seen.has(ex.id)) report(`duplicate exercise id ${ex.id}`, ['exercises', n, 'id']);
    seen.add(ex.id);
  });
  checkTags(step, 'eft', 'EFT', report);
  checkTags(step, 'gottman', 'Gottman', report);
});
export type StepFrontMatter = z.infer<typeof StepFrontMatter>;

/** A step's texts: Markdown as parsed from the file, HTML once the server has rendered it. */
export interface StepTexts {
  readonly why: string;
  readonly roles: Readonly<Record<ProgramRole, string>>;
  /** Any further `##` sections, in file order. */
  readonly more: readonly { readonly heading: string; readonly text: string }[];
}

export interface ProgramExercise extends ExerciseFrontMatter {
  readonly stepId: string;
}

export interface ProgramStep extends Omit<StepFrontMatter, 'exercises'> {
  readonly exercises: readonly ProgramExercise[];
  /** Rendered from our own Markdown, never from user input. */
  readonly html: StepTexts;
}

/** The whole program, steps in their order. */
export interface Program {
  readonly steps: readonly ProgramStep[];
}

export type BodyResult = { ok: true; texts: StepTexts } | { ok: false; message: string };

/**
 * Splits a step's body on its `##` headings and checks the fixed ones are there, in order, each once
 * and not empty. Text before the first heading is refused: a step's opening line is its summary.
 */
export function parseStepBody(body: string): BodyResult {
  const parts = body.split(/^##[ \t]+(.+?)[ \t]*$/m);
  const lead = parts[0] ?? '';
  if (lead.trim() !== '') {
    return {
      ok: false,
      message: `text before the first ## heading; start with "## ${stepHeadings.why}"`,
    };
  }
  const sections: { heading: string; text: string }[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    sections.push({ heading: (parts[i] ?? '').trim(), text: (parts[i + 1] ?? '').trim() });
  }
  const seen = new Set<string>();
  for (const s of sections) {
    if (seen.has(s.heading))
      return { ok: false, message: `the section "## ${s.heading}" appears twice` };
    seen.add(s.heading);
    if (s.text === '') return { ok: false, message: `the section "## ${s.heading}" is empty` };
  }
  const fixed = Object.values(stepHeadings) as string[];
  for (const heading of fixed) {
    if (!seen.has(heading)) return { ok: false, message: `the section "## ${heading}" is missing` };
  }
  const order = sections.map((s) => s.heading).filter((h) => fixed.includes(h));
  if (order.join('\n') !== fixed.join('\n')) {
    return {
      ok: false,
      message: `the sections must come in this order: ${fixed.map((h) => `"## ${h}"`).join(', ')}`,
    };
  }
  const get = (heading: string) => sections.find((s) => s.heading === heading)?.text ?? '';
  return {
    ok: true,
    texts: {
      why: get(stepHeadings.why),
      roles: {
        hurt: get(stepHeadings.hurt),
        broke_trust: get(stepHeadings.broke_trust),
        both: get(stepHeadings.both),
      },
      more: sections.filter((s) => !fixed.includes(s.heading)),
    },
  };
}

/** The file a step lives in: its order on two digits, then its id (01-responsibility.md). */
export const stepFileName = (order: number, id: string): string =>
  `${String(order).padStart(2, '0')}-${id}.md`;

export interface ProgramIssue {
  /** The step whose file is at fault. */
  readonly stepId: string;
  readonly message: string;
}

/**
 * The rules that span files: step ids, orders and exercise ids are unique across the program, and
 * every required step is there. Returns the steps in order, or every issue found.
 */
export function assembleProgram(
  steps: readonly ProgramStep[],
): { ok: true; program: Program } | { ok: false; issues: ProgramIssue[] } {
  const issues: ProgramIssue[] = [];
  const stepIds = new Map<string, ProgramStep>();
  const orders = new Map<number, ProgramStep>();
  const exerciseIds = new Map<string, ProgramStep>();
  for (const step of steps) {
    const sameId = stepIds.get(step.id);
    if (sameId) issues.push({ stepId: step.id, message: `duplicate step id ${step.id}` });
    stepIds.set(step.id, step);
    const sameOrder = orders.get(step.order);
    if (sameOrder) {
      issues.push({
        stepId: step.id,
        message: `order ${step.order} is also used by step ${sameOrder.id}`,
      });
    }
    orders.set(step.order, step);
    for (const ex of step.exercises) {
      const other = exerciseIds.get(ex.id);
      if (other) {
        issues.push({
          stepId: step.id,
          message: `duplicate exercise id ${ex.id}: step ${other.id} uses it too`,
        });
      }
      exerciseIds.set(ex.id, step);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, program: { steps: [...steps].sort((a, b) => a.order - b.order) } };
}

/** The required steps missing from a program, with the file each was expected in. */
export const missingSteps = (program: Program): { id: string; file: string }[] =>
  requiredSteps
    .map((id, n) => ({ id, file: stepFileName(n + 1, id) }))
    .filter(({ id }) => !program.steps.some((s) => s.id === id));

export const findStep = (program: Program, stepId: string): ProgramStep | undefined =>
  program.steps.find((s) => s.id === stepId);

/** The role texts a person reads: their own, or all three if they would rather not say. */
export const roleTextsFor = (
  step: ProgramStep,
  role: MemberRole,
): { role: ProgramRole; html: string }[] =>
  (role === 'unsaid' ? programRoles : [role]).map((r) => ({ role: r, html: step.html.roles[r] }));
