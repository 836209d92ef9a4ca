import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersProblem,
  forgivenessItemIds,
  forgivenessMeasure,
  forgivenessSubscales,
  roundMean,
  storedMeans,
  subscaleMeans,
} from './measure.js';
import { ForgivenessMeasureSchema } from './measure.schema.js';

const all = (v: number) => Object.fromEntries(forgivenessItemIds.map((id) => [id, v]));

describe('the forgiveness reflection as data', () => {
  it('is labelled as our own, with 3–4 items per subscale answered 1–5', () => {
    expect(forgivenessMeasure.source).toBe(
      "Steadfast's own reflection, not a validated clinical instrument",
    );
    for (const s of forgivenessSubscales) {
      const n = forgivenessMeasure.items.filter((i) => i.subscale === s).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(4);
    }
    expect(forgivenessMeasure.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has no total, bands, cut-offs or score in it', () => {
    const keys = Object.keys(forgivenessMeasure);
    for (const k of ['bands', 'scoring', 'total', 'cutoff', 'guidance', 'caseness']) {
      expect(keys).not.toContain(k);
    }
    expect(JSON.stringify(forgivenessMeasure)).not.toMatch(/score|improve|better|worse/i);
  });

  it('passes its own schema', () => {
    expect(ForgivenessMeasureSchema.safeParse(forgivenessMeasure).success).toBe(true);
  });

  it('refuses data with a subscale of two items or a missing option', () => {
    const twoGoodwill = {
      ...forgivenessMeasure,
      items: forgivenessMeasure.items.filter((i) => i.id !== 'goodwill.3'),
    };
    expect(ForgivenessMeasureSchema.safeParse(twoGoodwill).success).toBe(false);
    const fourOptions = { ...forgivenessMeasure, options: forgivenessMeasure.options.slice(1) };
    expect(ForgivenessMeasureSchema.safeParse(fourOptions).success).toBe(false);
  });
});

describe('subscale means', () => {
  it('is the mean of each subscale, at both ends of the range', () => {
    expect(subscaleMeans(all(1))).toEqual({ avoidance: 1, resentment: 1, goodwill: 1 });
    expect(subscaleMeans(all(5))).toEqual({ avoidance: 5, resentment: 5, goodwill: 5 });
    const mixed = {
      ...all(3),
      'avoidance.1': 1,
      'avoidance.2': 2,
      'goodwill.1': 5,
      'goodwill.2': 5,
      'goodwill.3': 4,
    };
    const means = subscaleMeans(mixed);
    expect(means.avoidance).toBe((1 + 2 + 3 + 3) / 4);
    expect(means.resentment).toBe(3);
    expect(roundMean(means.goodwill)).toBe(4.67);
  });

  it('names a missing, out-of-range or unknown answer, and refuses to average it', () => {
    const missing = Object.fromEntries(
      Object.entries(all(3)).filter(([id]) => id !== 'resentment.2'),
    );
    expect(answersProblem(missing)).toBe('missing:resentment.2');
    expect(() => subscaleMeans(missing)).toThrow(RangeError);
    expect(answersProblem({ ...all(3), 'goodwill.1': 0 })).toBe('range:goodwill.1');
    expect(answersProblem({ ...all(3), 'goodwill.1': 6 })).toBe('range:goodwill.1');
    expect(answersProblem({ ...all(3), 'goodwill.1': 2.5 })).toBe('range:goodwill.1');
    expect(answersProblem({ ...all(3), 'goodwill.9': 3 })).toBe('unknown:goodwill.9');
    expect(answersProblem(all(3))).toBeUndefined();
  });

  it('always lies between 1 and 5, whatever the answers', () => {
    const answer = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 11, maxLength: 11 }), (values) => {
        const answers = Object.fromEntries(forgivenessItemIds.map((id, n) => [id, values[n]!]));
        for (const v of Object.values(subscaleMeans(answers))) {
          expect(v).toBeGreaterThanOrEqual(1);
          expect(v).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});

describe('means of a stored entry', () => {
  it('equal the subscale means for a complete entry, and still read an older version’s items', () => {
    const answers = { ...all(2), 'goodwill.1': 5 };
    expect(storedMeans(answers)).toEqual(subscaleMeans(answers));
    expect(storedMeans({ 'avoidance.1': 2, 'avoidance.9': 4, 'goodwill.1': 3 })).toEqual({
      avoidance: 3,
      resentment: 0,
      goodwill: 3,
    });
  });
});
