import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { Instrument } from './instrument.js';
import {
  bandFor,
  jacobsonTruaxIndex,
  recovery,
  reliableChange,
  scoreAnswers,
  type Answers,
} from './scoring.js';

const load = (id: string): Instrument => {
  const url = new URL(`../../../content/instruments/${id}.json`, import.meta.url);
  return Instrument.parse(JSON.parse(fs.readFileSync(url, 'utf8')));
};
const phq9 = load('phq9');
const gad7 = load('gad7');
const both = [phq9, gad7] as const;

/** Any complete set of answers, each one of the item's own options. */
const answersFor = (instrument: Instrument): fc.Arbitrary<Record<string, number>> =>
  fc.record(
    Object.fromEntries(
      instrument.items.map((item) => [
        item.id,
        fc.constantFrom(...item.options.map((o) => o.score)),
      ]),
    ),
  );
const totalFor = (instrument: Instrument) =>
  fc.integer({ min: instrument.scoring.min, max: instrument.scoring.max });
const allAt = (instrument: Instrument, value: number): Record<string, number> =>
  Object.fromEntries(instrument.items.map((i) => [i.id, value]));
const bandIndex = (instrument: Instrument, id: string) =>
  instrument.bands.findIndex((b) => b.id === id);
const sum = (answers: Answers) => Object.values(answers).reduce((a, b) => a + b, 0);

const refusal = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe.each(both)('scoring $shortName', (instrument) => {
  it('is always the sum of the items, within min..max, in the band that holds it', () => {
    fc.assert(
      fc.property(answersFor(instrument), (answers) => {
        const score = scoreAnswers(instrument, answers);
        expect(score.total).toBe(sum(answers));
        expect(score.total).toBeGreaterThanOrEqual(instrument.scoring.min);
        expect(score.total).toBeLessThanOrEqual(instrument.scoring.max);
        const band = instrument.bands.find((b) => b.id === score.band.id);
        expect(band?.label).toBe(score.band.label);
        expect(band && score.total >= band.min && score.total <= band.max).toBe(true);
        expect(score.aboveGuidance).toBe(score.total >= instrument.guidance.atLeast);
      }),
    );
  });

  it('never lowers the score or the band when one answer goes up', () => {
    fc.assert(
      fc.property(
        answersFor(instrument),
        fc.nat({ max: instrument.items.length - 1 }),
        fc.integer({ min: 1, max: 3 }),
        (answers, n, step) => {
          const id = instrument.items[n]?.id ?? '';
          const raised = { ...answers, [id]: Math.min(3, (answers[id] ?? 0) + step) };
          const before = scoreAnswers(instrument, answers);
          const after = scoreAnswers(instrument, raised);
          expect(after.total).toBe(before.total + (raised[id] ?? 0) - (answers[id] ?? 0));
          expect(after.total).toBeGreaterThanOrEqual(before.total);
          expect(bandIndex(instrument, after.band.id)).toBeGreaterThanOrEqual(
            bandIndex(instrument, before.band.id),
          );
          if (before.aboveGuidance) expect(after.aboveGuidance).toBe(true);
        },
      ),
    );
  });

  it('gives the lowest and highest totals the first and last band', () => {
    expect(scoreAnswers(instrument, allAt(instrument, 0))).toMatchObject({
      total: 0,
      band: { id: 'minimal', label: 'minimal' },
      aboveGuidance: false,
      crisis: false,
    });
    expect(scoreAnswers(instrument, allAt(instrument, 3))).toMatchObject({
      total: instrument.scoring.max,
      band: { id: 'severe', label: 'severe' },
      aboveGuidance: true,
    });
  });

  it('refuses answers that miss an item, are not an option, or name an unknown item', () => {
    fc.assert(
      fc.property(
        answersFor(instrument),
        fc.nat({ max: instrument.items.length - 1 }),
        fc.oneof(
          fc.constant(undefined),
          fc.integer({ min: -5, max: -1 }),
          fc.integer({ min: 4, max: 100 }),
          fc.double({ min: 0.1, max: 2.9, noInteger: true }),
          fc.constant(Number.NaN),
        ),
        (answers, n, bad) => {
          const id = instrument.items[n]?.id ?? '';
          const broken: Record<string, number> = { ...answers };
          if (bad === undefined) delete broken[id];
          else broken[id] = bad;
          const error = refusal(() => scoreAnswers(instrument, broken));
          expect(error.code).toBe('measure.answers_invalid');
          expect(error.details).toMatchObject({ item: id });
        },
      ),
    );
    const extra = { ...allAt(instrument, 0), [`${instrument.id}.99`]: 0 };
    expect(refusal(() => scoreAnswers(instrument, extra)).code).toBe('measure.answers_invalid');
    // Answers must be the object's own: a complete set inherited through the prototype is refused.
    const inherited = Object.create(allAt(instrument, 0)) as Answers;
    expect(refusal(() => scoreAnswers(instrument, inherited)).code).toBe('measure.answers_invalid');
  });

  it('labels reliable change symmetrically: swapping before and after swaps the direction', () => {
    const swapped = {
      reliable_improvement: 'reliable_deterioration',
      reliable_deterioration: 'reliable_improvement',
      no_reliable_change: 'no_reliable_change',
    } as const;
    fc.assert(
      fc.property(totalFor(instrument), totalFor(instrument), (a, b) => {
        const forward = reliableChange(instrument, a, b);
        expect(reliableChange(instrument, b, a)).toBe(swapped[forward]);
        expect(reliableChange(instrument, a, a)).toBe('no_reliable_change');
      }),
    );
  });

  it('refuses a total the instrument cannot produce', () => {
    expect(() => reliableChange(instrument, -1, 0)).toThrow(RangeError);
    expect(() => reliableChange(instrument, 0, instrument.scoring.max + 1)).toThrow(RangeError);
    expect(() => reliableChange(instrument, 2.5, 0)).toThrow(RangeError);
    expect(() => bandFor(instrument, instrument.scoring.max + 1)).toThrow(RangeError);
  });
});

describe('the PHQ-9 crisis rule', () => {
  it('fires exactly when item 9 is above 0, whatever the other answers and the total', () => {
    fc.assert(
      fc.property(answersFor(phq9), (answers) => {
        expect(scoreAnswers(phq9, answers).crisis).toBe((answers['phq9.9'] ?? 0) > 0);
      }),
    );
    const onlyItem9 = { ...allAt(phq9, 0), 'phq9.9': 1 };
    expect(scoreAnswers(phq9, onlyItem9)).toMatchObject({ total: 1, crisis: true });
    const highButNot9 = { ...allAt(phq9, 3), 'phq9.9': 0 };
    expect(scoreAnswers(phq9, highButNot9)).toMatchObject({ total: 24, crisis: false });
  });

  it('has no counterpart on GAD-7', () => {
    fc.assert(
      fc.property(answersFor(gad7), (answers) => {
        expect(scoreAnswers(gad7, answers).crisis).toBe(false);
      }),
    );
  });
});

describe('reliable change by the NHS Talking Therapies thresholds', () => {
  it('needs 6 points on PHQ-9', () => {
    expect(reliableChange(phq9, 16, 10)).toBe('reliable_improvement');
    expect(reliableChange(phq9, 16, 11)).toBe('no_reliable_change');
    expect(reliableChange(phq9, 10, 16)).toBe('reliable_deterioration');
    expect(reliableChange(phq9, 11, 16)).toBe('no_reliable_change');
  });

  it('needs 4 points on GAD-7', () => {
    expect(reliableChange(gad7, 12, 8)).toBe('reliable_improvement');
    expect(reliableChange(gad7, 12, 9)).toBe('no_reliable_change');
    expect(reliableChange(gad7, 8, 12)).toBe('reliable_deterioration');
  });

  it('is reliable exactly when the change reaches the threshold in the data', () => {
    for (const instrument of both) {
      const points =
        instrument.reliableChange.type === 'threshold' ? instrument.reliableChange.points : 0;
      fc.assert(
        fc.property(totalFor(instrument), totalFor(instrument), (a, b) => {
          const label = reliableChange(instrument, a, b);
          expect(label !== 'no_reliable_change').toBe(Math.abs(b - a) >= points);
          if (label === 'reliable_improvement') expect(b).toBeLessThan(a);
        }),
      );
    }
  });
});

describe('recovery', () => {
  it('is undefined for PHQ-9, which has no caseness threshold in INSTRUMENTS.md', () => {
    fc.assert(
      fc.property(totalFor(phq9), totalFor(phq9), (a, b) => {
        expect(recovery(phq9, a, b)).toBeUndefined();
      }),
    );
  });

  it('on GAD-7 moves from caseness (8) to below it; reliable recovery also improves by 4', () => {
    expect(recovery(gad7, 12, 7)).toBe('reliable_recovery');
    expect(recovery(gad7, 9, 7)).toBe('recovery');
    expect(recovery(gad7, 8, 7)).toBe('recovery');
    expect(recovery(gad7, 12, 8)).toBe('no_recovery');
    expect(recovery(gad7, 7, 0)).toBe('below_caseness_at_start');
  });

  it('agrees with caseness and reliable change for every pair of GAD-7 totals', () => {
    fc.assert(
      fc.property(totalFor(gad7), totalFor(gad7), (a, b) => {
        const label = recovery(gad7, a, b);
        const recovered = a >= 8 && b < 8;
        expect(label === 'recovery' || label === 'reliable_recovery').toBe(recovered);
        expect(label === 'reliable_recovery').toBe(
          recovered && reliableChange(gad7, a, b) === 'reliable_improvement',
        );
        expect(label === 'below_caseness_at_start').toBe(a < 8);
      }),
    );
  });
});

describe('the Jacobson–Truax index', () => {
  it('follows RC = (x2 − x1) / (√2 · SD · √(1 − r))', () => {
    // SD 5, r .84: S_E = 5 · 0.4 = 2, S_diff = 2√2.
    expect(jacobsonTruaxIndex(5, 0.84, 20, 10)).toBeCloseTo(-10 / (2 * Math.SQRT2), 10);
    expect(jacobsonTruaxIndex(5, 0.84, 10, 10)).toBe(0);
  });

  it('changes sign when the scores swap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (sd, r, x1, x2) => {
          expect(jacobsonTruaxIndex(sd, r, x1, x2)).toBeCloseTo(
            -jacobsonTruaxIndex(sd, r, x2, x1),
            9,
          );
        },
      ),
    );
  });

  it('refuses parameters the formula cannot use', () => {
    expect(() => jacobsonTruaxIndex(0, 0.8, 1, 2)).toThrow(RangeError);
    expect(() => jacobsonTruaxIndex(5, 1, 1, 2)).toThrow(RangeError);
    expect(() => jacobsonTruaxIndex(5, -0.1, 1, 2)).toThrow(RangeError);
    expect(() => jacobsonTruaxIndex(5, 0.8, Number.NaN, 2)).toThrow(RangeError);
  });

  it('labels change when an instrument carries its parameters (made-up numbers, test only)', () => {
    const withIndex = Instrument.parse({
      ...gad7,
      reliableChange: { type: 'jacobson_truax', sd: 5, reliability: 0.84, source: 'test only' },
    });
    // Reliable when |x2 − x1| > 1.96 · 2√2 ≈ 5.54.
    expect(reliableChange(withIndex, 12, 6)).toBe('reliable_improvement');
    expect(reliableChange(withIndex, 12, 7)).toBe('no_reliable_change');
    expect(reliableChange(withIndex, 6, 12)).toBe('reliable_deterioration');
  });
});
