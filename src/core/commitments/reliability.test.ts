import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rhythms, type LogFacts, type LogStatus, type Rhythm } from './commitment.js';
import { betaQuantile, logGamma, regularizedIncompleteBeta } from './beta.js';
import {
  betaEstimate,
  commitmentReliability,
  commitmentSnapshot,
  overallReliability,
  overallSnapshot,
  recencyWeight,
  reliabilityAt,
  type ReliabilitySnapshot,
} from './reliability.js';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
type Log = Pick<LogFacts, 'at' | 'status'>;

const rhythm = fc.constantFrom<Rhythm>(...rhythms);
const status = fc.constantFrom<LogStatus>('pending', 'confirmed', 'disputed', 'resolved');
const at = fc.integer({ min: NOW - 400 * DAY, max: NOW });
const log = fc.record({ at, status });
const logs = fc.array(log, { maxLength: 40 });

const influence = (r: Rhythm, rest: readonly Log[], one: Log) =>
  Math.abs(
    commitmentReliability(r, [...rest, one], NOW).mean - commitmentReliability(r, rest, NOW).mean,
  );

describe('the numerics', () => {
  it('log-gamma matches factorials and Γ(½) = √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 10);
      factorial *= n;
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('the incomplete beta matches closed forms and its symmetry', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (x, a, b) => {
          expect(regularizedIncompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 10);
          expect(regularizedIncompleteBeta(x, 1, b)).toBeCloseTo(1 - (1 - x) ** b, 10);
          expect(regularizedIncompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 10);
          expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(
            1 - regularizedIncompleteBeta(1 - x, b, a),
            10,
          );
        },
      ),
    );
  });

  it('quantiles invert the distribution to within 1e-9', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (p, a, b) => {
          expect(Math.abs(betaQuantile(p, a, 1) - p ** (1 / a))).toBeLessThan(1e-9);
          expect(Math.abs(betaQuantile(p, 1, b) - (1 - (1 - p) ** (1 / b)))).toBeLessThan(1e-9);
          expect(Math.abs(regularizedIncompleteBeta(betaQuantile(p, a, b), a, b) - p)).toBeLessThan(
            1e-9,
          );
        },
      ),
    );
  });

  it('with no evidence the band is the middle 80 % of "we don’t know yet"', () => {
    const e = betaEstimate(0, 0);
    expect(e.mean).toBe(0.5);
    expect(e.lower).toBeCloseTo(0.1, 9);
    expect(e.upper).toBeCloseTo(0.9, 9);
    expect(e.effectiveEvents).toBe(0);
  });
});

describe('reliability of a commitment', () => {
  it('values stay in [0, 1] with lower ≤ mean ≤ upper, now and along the trend', () => {
    fc.assert(
      fc.property(rhythm, logs, (r, ls) => {
        const rel = commitmentReliability(r, ls, NOW);
        for (const e of [rel, ...rel.trend]) {
          expect(e.lower).toBeGreaterThanOrEqual(0);
          expect(e.upper).toBeLessThanOrEqual(1);
          expect(e.lower).toBeLessThanOrEqual(e.mean);
          expect(e.mean).toBeLessThanOrEqual(e.upper);
        }
      }),
    );
  });

  it('more confirmed follow-through never lowers the estimate', () => {
    fc.assert(
      fc.property(
        rhythm,
        logs,
        at,
        fc.constantFrom<LogStatus>('confirmed', 'resolved'),
        (r, ls, t, s) => {
          const before = commitmentReliability(r, ls, NOW).mean;
          const after = commitmentReliability(r, [...ls, { at: t, status: s }], NOW).mean;
          expect(after).toBeGreaterThan(before);
        },
      ),
    );
  });

  it('a dispute weighs as a miss until resolved, and resolving it can only help', () => {
    fc.assert(
      fc.property(rhythm, logs, at, (r, ls, t) => {
        const base = commitmentReliability(r, ls, NOW).mean;
        const disputed = commitmentReliability(r, [...ls, { at: t, status: 'disputed' }], NOW);
        const resolved = commitmentReliability(r, [...ls, { at: t, status: 'resolved' }], NOW);
        expect(disputed.mean).toBeLessThan(base);
        expect(resolved.mean).toBeGreaterThan(disputed.mean);
        expect(disputed.missed).toBe(ls.filter((l) => l.status === 'disputed').length + 1);
      }),
    );
  });

  it('an entry still waiting for the partner changes nothing but the pending count', () => {
    fc.assert(
      fc.property(rhythm, logs, at, (r, ls, t) => {
        const before = commitmentReliability(r, ls, NOW);
        const after = commitmentReliability(r, [...ls, { at: t, status: 'pending' }], NOW);
        expect({ ...after, pending: after.pending - 1 }).toEqual(before);
      }),
    );
  });

  it('older entries count less: moving an entry earlier never increases its influence', () => {
    fc.assert(
      fc.property(
        rhythm,
        logs,
        at,
        fc.integer({ min: 0, max: 400 * DAY }),
        fc.constantFrom<LogStatus>('confirmed', 'disputed', 'resolved'),
        (r, ls, t, shift, s) => {
          const recent = influence(r, ls, { at: t, status: s });
          const older = influence(r, ls, { at: t - shift, status: s });
          expect(older).toBeLessThanOrEqual(recent + 1e-12);
        },
      ),
    );
  });

  it('an entry one half-life old counts half', () => {
    expect(recencyWeight(NOW - 28 * DAY, NOW, 28)).toBeCloseTo(0.5, 12);
    expect(recencyWeight(NOW, NOW, 28)).toBe(1);
    expect(recencyWeight(NOW + DAY, NOW, 28)).toBe(1);
    const rel = commitmentReliability('weekly', [{ at: NOW - 84 * DAY, status: 'confirmed' }], NOW);
    expect(rel.effectiveEvents).toBeCloseTo(0.5, 12);
  });

  it('little data means a wide band, narrowing as confirmed follow-through grows', () => {
    fc.assert(
      fc.property(rhythm, fc.array(at, { minLength: 1, maxLength: 40 }), (r, times) => {
        let width = 0.8 + 1e-12;
        for (let n = 1; n <= times.length; n++) {
          const rel = commitmentReliability(
            r,
            times.slice(0, n).map((t) => ({ at: t, status: 'confirmed' as const })),
            NOW,
          );
          expect(rel.upper - rel.lower).toBeLessThan(width);
          width = rel.upper - rel.lower;
        }
      }),
    );
    const one = commitmentReliability('daily', [{ at: NOW, status: 'confirmed' }], NOW);
    expect(one.upper - one.lower).toBeGreaterThan(0.5);
  });

  it('days without an entry are never counted against anyone', () => {
    fc.assert(
      fc.property(rhythm, logs, fc.integer({ min: 0, max: 365 * DAY }), (r, ls, gap) => {
        // Time passing with no new entries never lowers the estimate below the "don't know" middle
        // because of absence: it only fades evidence, both kept and missed, towards the prior.
        const later = commitmentReliability(r, ls, NOW + gap);
        const kept = ls.filter((l) => l.status === 'confirmed' || l.status === 'resolved');
        if (ls.filter((l) => l.status === 'disputed').length === 0) {
          expect(later.mean).toBeGreaterThanOrEqual(0.5);
        }
        if (kept.length === 0) expect(later.mean).toBeLessThanOrEqual(0.5);
        expect(later.effectiveEvents).toBeLessThanOrEqual(
          commitmentReliability(r, ls, NOW).effectiveEvents + 1e-9,
        );
      }),
    );
  });

  it('the trend has one point per distinct time of an answered entry, and its last point is the estimate then', () => {
    fc.assert(
      fc.property(rhythm, logs, (r, ls) => {
        const rel = commitmentReliability(r, ls, NOW);
        const answered = ls.filter((l) => l.status !== 'pending');
        const times = [...new Set(answered.map((l) => l.at))].toSorted((a, b) => a - b);
        expect(rel.trend.map((p) => p.at)).toEqual(times);
        const last = rel.trend.at(-1);
        if (last) {
          const then = commitmentReliability(r, ls, last.at);
          expect(last).toEqual({
            at: last.at,
            mean: then.mean,
            lower: then.lower,
            upper: then.upper,
            effectiveEvents: then.effectiveEvents,
          });
        }
      }),
    );
  });
});

describe('reliability overall', () => {
  it('pools every commitment’s answered entries into one estimate', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rhythm, logs }), { maxLength: 4 }), (cs) => {
        const all = overallReliability(cs, NOW);
        const each = cs.map((c) => commitmentReliability(c.rhythm, c.logs, NOW));
        const sum = (f: (x: (typeof each)[number]) => number) => each.reduce((n, e) => n + f(e), 0);
        expect(all.effectiveEvents).toBeCloseTo(
          sum((e) => e.effectiveEvents),
          9,
        );
        expect(all.kept).toBe(sum((e) => e.kept));
        expect(all.missed).toBe(sum((e) => e.missed));
        expect(all.pending).toBe(sum((e) => e.pending));
        // One prior over the summed evidence: each commitment's weighted kept entries are
        // mean × (2 + effective events) − 1 under its own Beta(1, 1) prior.
        const kept = sum((e) => e.mean * (2 + e.effectiveEvents) - 1);
        expect(all.mean).toBeCloseTo((1 + kept) / (2 + all.effectiveEvents), 9);
      }),
    );
  });

  it('one commitment alone gives the same estimate overall', () => {
    fc.assert(
      fc.property(rhythm, logs, (r, ls) => {
        expect(overallReliability([{ rhythm: r, logs: ls }], NOW)).toEqual(
          commitmentReliability(r, ls, NOW),
        );
      }),
    );
  });
});

describe('a trend sampled once a week', () => {
  it('keeps the last point of each week, with the same values as the full trend at those times', () => {
    const day = 24 * 60 * 60 * 1000;
    const logs = Array.from({ length: 60 }, (_, i) => ({
      at: i * day,
      status: i % 7 === 3 ? ('disputed' as const) : ('confirmed' as const),
    }));
    const now = 61 * day;
    const full = commitmentReliability('daily', logs, now);
    const weekly = commitmentReliability('daily', logs, now, { everyMs: 7 * day });
    expect(weekly.trend).toHaveLength(Math.ceil(60 / 7));
    for (const point of weekly.trend) {
      expect(full.trend.find((p) => p.at === point.at)).toEqual(point);
      const week = Math.floor(point.at / (7 * day));
      // The latest entry of its week: none later falls in the same week.
      expect(logs.some((l) => l.at > point.at && Math.floor(l.at / (7 * day)) === week)).toBe(
        false,
      );
    }
    expect(weekly.trend.at(-1)).toEqual(full.trend.at(-1));
    expect({ ...weekly, trend: [] }).toEqual({ ...full, trend: [] });
  });
});

describe('a kept snapshot', () => {
  const WEEK = { everyMs: 7 * DAY };
  // What the server stores and reads back: JSON text.
  const stored = (s: ReliabilitySnapshot) => JSON.parse(JSON.stringify(s)) as ReliabilitySnapshot;
  const later = fc.integer({ min: 0, max: 400 * DAY });

  it('read at any later time gives exactly what the entries give then', () => {
    fc.assert(
      fc.property(rhythm, logs, later, (r, ls, gap) => {
        expect(reliabilityAt(stored(commitmentSnapshot(r, ls, WEEK)), NOW + gap)).toEqual(
          commitmentReliability(r, ls, NOW + gap, WEEK),
        );
      }),
    );
  });

  it('pooled, read at any later time gives exactly the overall reliability then', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ rhythm, logs }), { maxLength: 4 }), later, (cs, gap) => {
        expect(reliabilityAt(stored(overallSnapshot(cs, WEEK)), NOW + gap)).toEqual(
          overallReliability(cs, NOW + gap, WEEK),
        );
      }),
    );
  });

  it('read before its newest entry (a clock set back) shows no later point and never weighs above 1', () => {
    const snapshot = commitmentSnapshot('daily', [
      { at: NOW - DAY, status: 'confirmed' },
      { at: NOW, status: 'confirmed' },
    ]);
    const read = reliabilityAt(snapshot, NOW - DAY);
    expect(read.trend.map((p) => p.at)).toEqual([NOW - DAY]);
    expect(read.effectiveEvents).toBeLessThanOrEqual(2);
  });
});
