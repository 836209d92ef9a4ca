import { describe, expect, it } from 'vitest';
import {
  assembleProgram,
  missingSteps,
  parseStepBody,
  roleTextsFor,
  StepFrontMatter,
  type ProgramStep,
} from './program.js';

const front = {
  id: 'plan',
  order: 2,
  title: 'Creating a plan together',
  summary: 'Agreements.',
  eft: ['safety'],
  gottman: ['atone'],
  exercises: [
    {
      id: 'plan.agreements',
      type: 'agreements',
      title: 'Agreements',
      eft: ['safety'],
      gottman: ['atone'],
    },
  ],
  ready: 'Ready?',
};

const messages = (data: unknown) => {
  const r = StepFrontMatter.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const body = (extra = '') =>
  [
    '## Why this step',
    'Because.',
    '## If you were hurt',
    'Hurt text.',
    '## If you broke trust',
    'Broke text.',
    '## If it is both',
    'Both text.',
    extra,
  ].join('\n\n');

describe('step front matter', () => {
  it('accepts a well-formed step', () => {
    expect(messages(front)).toEqual([]);
  });

  it('names an unknown exercise type and the types it knows', () => {
    const [m] = messages({ ...front, exercises: [{ ...front.exercises[0], type: 'workout' }] });
    expect(m).toMatch(
      /^exercises\.0\.type: unknown exercise type "workout"; the exercise types Steadfast knows are: accountability_statement, /,
    );
  });

  it('names phases outside the EFT and Gottman sets', () => {
    expect(messages({ ...front, eft: ['safety', 'closeness'] })).toContain(
      'eft.1: unknown EFT phase "closeness"; the EFT phases Steadfast knows are: disclosure, safety, trust, vulnerability, intimacy',
    );
    expect(messages({ ...front, gottman: ['atone', 'attach'] })).toEqual([
      'gottman: the step is tagged with the Gottman phase attach, but none of its exercises are',
    ]);
    expect(messages({ ...front, gottman: ['attune'] })).toEqual([
      'exercises.0.gottman: exercise plan.agreements is tagged with the Gottman phase atone, which the step is not',
      'gottman: the step is tagged with the Gottman phase attune, but none of its exercises are',
    ]);
    expect(messages({ ...front, gottman: [] })).toContain('gottman: must name at least one phase');
  });

  it('refuses duplicate exercise ids and ids outside the step', () => {
    const ex = front.exercises[0];
    expect(messages({ ...front, exercises: [ex, ex] })).toContain(
      'exercises.1.id: duplicate exercise id plan.agreements',
    );
    expect(messages({ ...front, exercises: [{ ...ex, id: 'other.agreements' }] })).toContain(
      'exercises.0.id: exercise id other.agreements must start with the step id (plan.)',
    );
  });
});

describe('step body', () => {
  it('splits the fixed sections and keeps further ones in order', () => {
    const r = parseStepBody(body('## Moving forward\n\nLater.'));
    expect(r).toEqual({
      ok: true,
      texts: {
        why: 'Because.',
        roles: { hurt: 'Hurt text.', broke_trust: 'Broke text.', both: 'Both text.' },
        more: [{ heading: 'Moving forward', text: 'Later.' }],
      },
    });
  });

  it('names a missing, empty, repeated or misplaced section, and text before the first heading', () => {
    expect(parseStepBody(body().replace('## If it is both', '## Both'))).toEqual({
      ok: false,
      message: 'the section "## If it is both" is missing',
    });
    expect(parseStepBody(body().replace('Hurt text.', ''))).toEqual({
      ok: false,
      message: 'the section "## If you were hurt" is empty',
    });
    expect(parseStepBody(body('## Why this step\n\nAgain.'))).toMatchObject({
      message: 'the section "## Why this step" appears twice',
    });
    const swapped = body()
      .replace('## If you were hurt', '## TMP')
      .replace('## If you broke trust', '## If you were hurt')
      .replace('## TMP', '## If you broke trust');
    expect(parseStepBody(swapped)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^the sections must come in this order/),
    });
    expect(parseStepBody(`Intro.\n\n${body()}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^text before the first ## heading/),
    });
  });
});

const asStep = (id: string, order: number, exerciseIds: string[]): ProgramStep => ({
  id,
  order,
  title: id,
  summary: 's',
  eft: ['safety'],
  gottman: ['atone'],
  ready: 'r',
  exercises: exerciseIds.map((x) => ({
    id: x,
    stepId: id,
    type: 'agreements',
    title: x,
    eft: ['safety'],
    gottman: ['atone'],
  })),
  html: { why: '', roles: { hurt: '', broke_trust: '', both: '' }, more: [] },
});

describe('program assembly', () => {
  it('orders steps and reports duplicates across files against the later step', () => {
    const ok = assembleProgram([
      asStep('plan', 2, ['plan.a']),
      asStep('responsibility', 1, ['responsibility.a']),
    ]);
    expect(ok.ok && ok.program.steps.map((s) => s.id)).toEqual(['responsibility', 'plan']);
    expect(ok.ok && missingSteps(ok.program).map((m) => m.file)).toEqual([
      '03-commitment.md',
      '04-communication.md',
      '05-reconnection.md',
      '06-intimacy.md',
      '07-forgiveness.md',
    ]);

    const bad = assembleProgram([asStep('plan', 2, ['plan.a']), asStep('other', 2, ['plan.a'])]);
    expect(bad).toEqual({
      ok: false,
      issues: [
        { stepId: 'other', message: 'order 2 is also used by step plan' },
        { stepId: 'other', message: 'duplicate exercise id plan.a: step plan uses it too' },
      ],
    });
  });

  it('gives someone who would rather not say all three role texts, others their own', () => {
    const s = {
      ...asStep('plan', 2, []),
      html: { why: '', roles: { hurt: 'H', broke_trust: 'B', both: 'X' }, more: [] },
    };
    expect(roleTextsFor(s, 'hurt')).toEqual([{ role: 'hurt', html: 'H' }]);
    expect(roleTextsFor(s, 'unsaid').map((r) => r.html)).toEqual(['H', 'B', 'X']);
  });
});
