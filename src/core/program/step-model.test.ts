import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eftPhases,
  gottmanPhases,
  type EftPhase,
  type GottmanPhase,
  type Program,
  type ProgramStep,
} from './program.js';
import {
  isExerciseEvent,
  journeyProgress,
  lensView,
  waitingFor,
  type JourneyEvent,
  type JourneyMember,
} from './step-model.js';

const step = (
  id: string,
  order: number,
  exercises: [string, EftPhase[], GottmanPhase[]][],
): ProgramStep => ({
  id,
  order,
  title: `Step ${id}`,
  summary: 's',
  eft: [...new Set(exercises.flatMap((e) => e[1]))],
  gottman: [...new Set(exercises.flatMap((e) => e[2]))],
  ready: 'Ready?',
  exercises: exercises.map(([name, eft, gottman]) => ({
    id: `${id}.${name}`,
    stepId: id,
    type: 'reflection',
    title: name,
    eft,
    gottman,
  })),
  html: { why: '', roles: { hurt: '', broke_trust: '', both: '' }, more: [] },
});

const program: Program = {
  steps: [
    step('responsibility', 1, [['statement', ['disclosure'], ['atone']]]),
    step('plan', 2, [
      ['agreements', ['safety', 'trust'], ['atone']],
      ['talk', ['safety'], ['attune']],
    ]),
    step('commitment', 3, [['log', ['trust'], ['atone', 'attune']]]),
  ],
};

const alex: JourneyMember = { id: 'alex', role: 'broke_trust' };
const sam: JourneyMember = { id: 'sam', role: 'hurt' };
const couple = [alex, sam];

let clock = 0;
const ev = (
  kind: 'ready' | 'not_ready' | 'revisit',
  stepId: string,
  memberId: string,
): JourneyEvent => ({
  kind,
  stepId,
  memberId,
  at: ++clock,
});
const statuses = (events: JourneyEvent[], members = couple) =>
  journeyProgress(program, members, events).steps.map((s) => s.status);

describe('step model, by example', () => {
  it('starts at step 1 with nothing started and nobody waited on but the current step', () => {
    const p = journeyProgress(program, couple, []);
    expect(p.steps.map((s) => s.status)).toEqual(['not_started', 'not_started', 'not_started']);
    expect(p.currentStepId).toBe('responsibility');
    expect(p.waiting).toEqual([
      { stepId: 'responsibility', memberId: 'alex', what: 'readiness' },
      { stepId: 'responsibility', memberId: 'sam', what: 'readiness' },
    ]);
  });

  it('needs both partners ready before a step is done, and says whose readiness is waited on', () => {
    const one = [ev('ready', 'responsibility', 'alex')];
    const p = journeyProgress(program, couple, one);
    expect(p.steps[0]?.status).toBe('in_progress');
    expect(p.currentStepId).toBe('responsibility');
    expect(waitingFor(p, 'alex')).toEqual([
      { stepId: 'responsibility', on: 'partner', what: 'readiness' },
    ]);
    expect(waitingFor(p, 'sam')).toEqual([
      { stepId: 'responsibility', on: 'you', what: 'readiness' },
    ]);

    const both = [...one, ev('ready', 'responsibility', 'sam')];
    const q = journeyProgress(program, couple, both);
    expect(q.steps[0]?.status).toBe('done');
    expect(q.steps[0]?.doneAt).toBe(both[1]?.at);
    expect(q.currentStepId).toBe('plan');
  });

  it('a solo journey needs only its one member; a partner who joins is asked too', () => {
    const events = [ev('ready', 'responsibility', 'alex')];
    expect(statuses(events, [alex])[0]).toBe('done');
    expect(statuses(events, couple)[0]).toBe('in_progress');
  });

  it('taking readiness back opens a done step again, and only that does', () => {
    const done = [ev('ready', 'responsibility', 'alex'), ev('ready', 'responsibility', 'sam')];
    const back = [...done, ev('not_ready', 'responsibility', 'sam')];
    const p = journeyProgress(program, couple, back);
    expect(p.steps[0]?.status).toBe('in_progress');
    expect(p.steps[0]?.doneAt).toBeNull();
    expect(p.currentStepId).toBe('responsibility');
    expect(p.steps[0]?.history).toHaveLength(3);
  });

  it('revisiting a done step keeps it done and its history, until someone marks it ready again', () => {
    const done = [
      ev('ready', 'responsibility', 'alex'),
      ev('ready', 'responsibility', 'sam'),
      ev('ready', 'plan', 'sam'),
    ];
    const revisit = [...done, ev('revisit', 'responsibility', 'sam')];
    const p = journeyProgress(program, couple, revisit);
    expect(p.steps[0]?.status).toBe('done');
    expect(p.steps[0]?.history.map((e) => e.kind)).toEqual(['ready', 'ready', 'revisit']);
    expect(p.currentStepId).toBe('responsibility');
    expect(p.frontierStepId).toBe('plan');
    expect(p.revisit).toMatchObject({ stepId: 'responsibility', memberId: 'sam' });
    // Step 2 is still waited on: Sam marked it ready, Alex has not.
    expect(p.waiting).toEqual([{ stepId: 'plan', memberId: 'alex', what: 'readiness' }]);

    const closed = journeyProgress(program, couple, [
      ...revisit,
      ev('ready', 'responsibility', 'alex'),
    ]);
    expect(closed.revisit).toBeNull();
    expect(closed.currentStepId).toBe('plan');
    const back = journeyProgress(program, couple, [...revisit, ev('revisit', 'plan', 'alex')]);
    expect(back.revisit).toBeNull();
    expect(back.currentStepId).toBe('plan');
  });

  it('a mark on an exercise taken back counts for nothing; marking it again counts', () => {
    const mark = (kind: 'exercise' | 'exercise_undone', memberId: string, at: number) =>
      ({ kind, exerciseId: 'plan.talk', memberId, at }) as const;
    const undone = journeyProgress(program, couple, [
      mark('exercise', 'sam', 5),
      mark('exercise_undone', 'sam', 6),
    ]);
    expect(undone.steps[1]?.status).toBe('not_started');
    expect(undone.steps[1]?.exercises[1]?.workedOnBy).toEqual([]);

    // Taking back one's own mark leaves the partner's; the last word is each person's own.
    const again = journeyProgress(program, couple, [
      mark('exercise', 'sam', 5),
      mark('exercise', 'alex', 6),
      mark('exercise_undone', 'sam', 7),
      mark('exercise_undone', 'alex', 8),
      mark('exercise', 'alex', 9),
    ]);
    expect(again.steps[1]?.status).toBe('in_progress');
    expect(again.steps[1]?.exercises[1]?.workedOnBy).toEqual(['alex']);

    // A readiness mark on the step still counts when the exercise is taken back.
    const marked = journeyProgress(program, couple, [
      mark('exercise', 'sam', 5),
      { kind: 'not_ready', stepId: 'plan', memberId: 'alex', at: 6 },
      mark('exercise_undone', 'sam', 7),
    ]);
    expect(marked.steps[1]?.status).toBe('in_progress');
  });

  it('counts exercise work as progress and ignores strangers and unknown ids', () => {
    const events: JourneyEvent[] = [
      { kind: 'exercise', exerciseId: 'plan.talk', memberId: 'sam', at: 5 },
      { kind: 'exercise', exerciseId: 'plan.talk', memberId: 'alex', at: 9 },
      { kind: 'exercise', exerciseId: 'plan.gone', memberId: 'sam', at: 10 },
      { kind: 'ready', stepId: 'responsibility', memberId: 'robin', at: 11 },
      { kind: 'ready', stepId: 'removed', memberId: 'sam', at: 12 },
    ];
    const p = journeyProgress(program, couple, events);
    expect(p.steps.map((s) => s.status)).toEqual(['not_started', 'in_progress', 'not_started']);
    expect(p.steps[1]?.exercises).toEqual([
      { exerciseId: 'plan.agreements', workedOnBy: [], lastActivityAt: null },
      { exerciseId: 'plan.talk', workedOnBy: ['alex', 'sam'], lastActivityAt: 9 },
    ]);
    expect(p.steps[0]?.readiness.every((r) => !r.ready)).toBe(true);
  });

  it('is all done when every step is, with no current step and nobody waited on', () => {
    const events = program.steps.flatMap((s) => couple.map((m) => ev('ready', s.id, m.id)));
    const p = journeyProgress(program, couple, events);
    expect(p.allDone).toBe(true);
    expect(p.currentStepId).toBeNull();
    expect(p.waiting).toEqual([]);
  });

  it('regroups the same work by EFT and Gottman phase, with statuses when given', () => {
    const eft = lensView(program, 'eft');
    expect(eft.phases.map((p) => p.phase)).toEqual([...eftPhases]);
    expect(eft.phases.find((p) => p.phase === 'safety')?.steps).toEqual([
      {
        stepId: 'plan',
        title: 'Step plan',
        exercises: [
          { exerciseId: 'plan.agreements', type: 'reflection', title: 'agreements' },
          { exerciseId: 'plan.talk', type: 'reflection', title: 'talk' },
        ],
      },
    ]);
    expect(eft.phases.find((p) => p.phase === 'intimacy')?.steps).toEqual([]);
    const done = [ev('ready', 'responsibility', 'alex'), ev('ready', 'responsibility', 'sam')];
    const gottman = lensView(program, 'gottman', journeyProgress(program, couple, done));
    expect(gottman.phases.map((p) => p.phase)).toEqual([...gottmanPhases]);
    expect(gottman.phases[0]?.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['responsibility', 'done'],
      ['plan', 'not_started'],
      ['commitment', 'not_started'],
    ]);
  });
});

// Arbitrary programs: a few steps, each with a few exercises carrying non-empty sets of tags.
const tags = <T extends string>(all: readonly T[]) => fc.subarray([...all], { minLength: 1 });
const arbProgram: fc.Arbitrary<Program> = fc
  .array(fc.array(fc.tuple(tags(eftPhases), tags(gottmanPhases)), { minLength: 1, maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((steps) => ({
    steps: steps.map((exs, n) =>
      step(
        `s${n}`,
        n + 1,
        exs.map(([e, g], k): [string, EftPhase[], GottmanPhase[]] => [`e${k}`, e, g]),
      ),
    ),
  }));

const arbMembers = fc.constantFrom<JourneyMember[][]>([alex], [alex, sam]);

/** Events over a program's steps by both possible members (the solo case then also sees strangers). */
const arbEvents = (p: Program) =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constantFrom('ready' as const, 'not_ready' as const, 'revisit' as const),
        stepId: fc.constantFrom(...p.steps.map((s) => s.id)),
        memberId: fc.constantFrom('alex', 'sam'),
        at: fc.integer({ min: 0, max: 50 }),
      }),
      fc.record({
        kind: fc.constantFrom('exercise' as const, 'exercise_undone' as const),
        exerciseId: fc.constantFrom(...p.steps.flatMap((s) => s.exercises.map((e) => e.id))),
        memberId: fc.constantFrom('alex', 'sam'),
        at: fc.integer({ min: 0, max: 50 }),
      }),
    ),
    { maxLength: 30 },
  ) as fc.Arbitrary<JourneyEvent[]>;

const stepIdOf = (p: Program, e: JourneyEvent) =>
  isExerciseEvent(e)
    ? p.steps.find((s) => s.exercises.some((x) => x.id === e.exerciseId))?.id
    : e.stepId;

/** Distinct times, so that arrival order is the only thing a shuffle changes. */
const distinctTimes = (events: JourneyEvent[]) => events.map((e, n) => ({ ...e, at: n * 10 }));

describe('step model, properties', () => {
  it('a step is done iff every current member last marked it ready and did not take it back', () => {
    fc.assert(
      fc.property(
        arbProgram.chain((p) => fc.tuple(fc.constant(p), arbMembers, arbEvents(p))),
        ([p, members, events]) => {
          const progress = journeyProgress(p, members, events);
          const timeline = events
            .map((e, n) => ({ e, n }))
            .sort((a, b) => a.e.at - b.e.at || a.n - b.n);
          for (const s of p.steps) {
            const allReady = members.every((m) => {
              const marks = timeline.filter(
                ({ e }) =>
                  e.memberId === m.id &&
                  (e.kind === 'ready' || e.kind === 'not_ready') &&
                  e.stepId === s.id,
              );
              return marks.at(-1)?.e.kind === 'ready';
            });
            const status = progress.steps.find((x) => x.stepId === s.id)?.status;
            expect(status === 'done', s.id).toBe(allReady);
          }
        },
      ),
    );
  });

  it('a mark made and taken back at once leaves every step as it was', () => {
    fc.assert(
      fc.property(
        arbProgram.chain((p) =>
          fc.tuple(
            fc.constant(p),
            arbMembers,
            arbEvents(p),
            fc.constantFrom(...p.steps.flatMap((s) => s.exercises.map((e) => e.id))),
          ),
        ),
        ([p, members, events, exerciseId]) => {
          const memberId = 'alex';
          // Only where Alex's own mark on it does not stand already (a take-back would remove it).
          const standing = journeyProgress(p, members, events)
            .steps.flatMap((s) => s.exercises)
            .find((x) => x.exerciseId === exerciseId)
            ?.workedOnBy.includes(memberId);
          fc.pre(!standing);
          const later = 1 + Math.max(0, ...events.map((e) => e.at));
          const view = (es: JourneyEvent[]) =>
            journeyProgress(p, members, es).steps.map((s) => ({
              status: s.status,
              readiness: s.readiness,
              workedOn: s.exercises.map((x) => x.workedOnBy),
            }));
          expect(
            view([
              ...events,
              { kind: 'exercise', exerciseId, memberId, at: later },
              { kind: 'exercise_undone', exerciseId, memberId, at: later + 1 },
            ]),
          ).toEqual(view(events));
        },
      ),
    );
  });

  it('adding events for other steps never changes a step’s status', () => {
    fc.assert(
      fc.property(
        arbProgram.chain((p) =>
          fc.tuple(fc.constant(p), arbMembers, arbEvents(p), arbEvents(p), fc.nat({ max: 3 })),
        ),
        ([p, members, events, extra, pick]) => {
          const target = p.steps[pick % p.steps.length]?.id as string;
          const others = extra.filter((e) => stepIdOf(p, e) !== target);
          const before = journeyProgress(p, members, events).steps.find((s) => s.stepId === target);
          const after = journeyProgress(p, members, [...events, ...others]).steps.find(
            (s) => s.stepId === target,
          );
          expect(after?.status).toBe(before?.status);
          expect(after?.readiness).toEqual(before?.readiness);
        },
      ),
    );
  });

  it('the order events arrive in does not matter, nor how unrelated steps’ events interleave', () => {
    fc.assert(
      fc.property(
        arbProgram.chain((p) => fc.tuple(fc.constant(p), arbMembers, arbEvents(p), fc.nat())),
        ([p, members, raw, seed]) => {
          const events = distinctTimes(raw);
          const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length }), {
            seed,
            numRuns: 1,
          })[0] as JourneyEvent[];
          expect(journeyProgress(p, members, shuffled)).toEqual(
            journeyProgress(p, members, events),
          );

          // Re-time the events so that each step keeps its own order but steps interleave differently.
          const byStep = p.steps.map((s) => events.filter((e) => stepIdOf(p, e) === s.id));
          const blocked = byStep.flatMap((list, k) =>
            list.map((e, n) => ({ ...e, at: k * 1000 + n })),
          );
          const a = journeyProgress(p, members, events).steps;
          const b = journeyProgress(p, members, blocked).steps;
          expect(b.map((s) => [s.stepId, s.status, s.readiness.map((r) => r.ready)])).toEqual(
            a.map((s) => [s.stepId, s.status, s.readiness.map((r) => r.ready)]),
          );
        },
      ),
    );
  });

  it('a lens holds every exercise exactly once under each phase it is tagged with, and nowhere else', () => {
    fc.assert(
      fc.property(arbProgram, fc.constantFrom('eft' as const, 'gottman' as const), (p, lens) => {
        const view = lensView(p, lens);
        for (const phase of view.phases) {
          const listed = phase.steps.flatMap((s) => s.exercises.map((e) => e.exerciseId));
          const tagged = p.steps
            .flatMap((s) => s.exercises)
            .filter((e) => (e[lens] as readonly string[]).includes(phase.phase))
            .map((e) => e.id);
          expect(listed).toEqual(tagged);
          expect(phase.steps.every((s) => s.exercises.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('waits only on members who have not marked an open step ready, never on a done step', () => {
    fc.assert(
      fc.property(
        arbProgram.chain((p) => fc.tuple(fc.constant(p), arbMembers, arbEvents(p))),
        ([p, members, events]) => {
          const progress = journeyProgress(p, members, events);
          for (const w of progress.waiting) {
            const s = progress.steps.find((x) => x.stepId === w.stepId);
            expect(s?.status).not.toBe('done');
            expect(s?.readiness.find((r) => r.memberId === w.memberId)?.ready).toBe(false);
          }
          if (
            progress.currentStepId !== null &&
            progress.steps.find((s) => s.stepId === progress.currentStepId)?.status !== 'done'
          ) {
            expect(progress.waiting.some((w) => w.stepId === progress.currentStepId)).toBe(true);
          }
        },
      ),
    );
  });
});
