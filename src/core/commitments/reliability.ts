import type { LogFacts, LogStatus, Rhythm } from './commitment.js';

/**
 * How reliably a commitment is being kept, as the partner sees it: an estimate with its
 * uncertainty, and a trend for a chart.
 *
 * The model, and why:
 *   - Beta–Bernoulli. Each entry the partner has answered is one piece of evidence that the
 *     commitment was kept (confirmed, or a dispute later resolved) or not (disputed). The estimate
 *     is Beta(1 + kept, 1 + missed): the uniform prior Beta(1, 1) says "we don't know yet" and
 *     keeps a single entry from reading as 0 % or 100 %. Its mean is the estimate; its central 80 %
 *     credible interval is the band, so little evidence shows as a wide band rather than a number
 *     that looks surer than it is.
 *   - Recency weighting. Trust is rebuilt by what is happening now, so each entry counts with
 *     weight 2^(−age / half-life): an entry one half-life old counts half as much as one from
 *     today. This also bounds the evidence (entries logged once a day never weigh more than about 40
 *     entries), so the band never shrinks to a false certainty and an old lapse fades.
 *   - Only answered entries count. A pending entry counts as nothing: counting it as kept would let
 *     logging alone raise the estimate, counting it as missed would make the one who committed
 *     answer for how soon their partner looks. A dispute counts as a miss until it is resolved.
 *   - Never absence. Days without an entry are not failures: there are no expected entries, no
 *     streaks and nothing that decays towards zero when nobody logs. The rhythm only sets the
 *     half-life, so that each rhythm keeps a comparable amount of evidence in view: daily 28 days,
 *     weekly 84 days (about twelve weeks), as it happens 56 days.
 *   - Overall: the answered entries of every commitment pooled into one Beta, each weighted with its
 *     own commitment's half-life. A commitment with more entries says more about overall
 *     follow-through, which an average of per-commitment means would hide, and the pooled band is
 *     narrower only when there really is more evidence.
 *
 * Numerics: the band's ends are Beta quantiles, found by inverting the regularized incomplete beta
 * function, computed with a Lentz continued fraction and a Lanczos log-gamma. With the evidence
 * bounded as above (α, β below a few hundred) the function is accurate to about 1e-12, and the
 * quantile search (Newton steps inside a bisection bracket) stops within about 1e-14, so the band's
 * ends are good to ~1e-9 — far finer than any chart shows. The tests check it against closed forms.
 * The trend is computed in one pass over the entries (running sums per half-life), so a year of
 * daily entries costs one estimate per entry, not one per entry per entry.
 */

export const CREDIBLE_LEVEL = 0.8;
export const PRIOR = { kept: 1, missed: 1 } as const;
export const HALF_LIFE_DAYS: Readonly<Record<Rhythm, number>> = {
  daily: 28,
  weekly: 84,
  as_it_happens: 56,
};
const DAY_MS = 86_400_000;

export type Evidence = 'kept' | 'missed';

/** What an entry says about follow-through, or null while the partner has not answered it. */
export function evidenceOf(status: LogStatus): Evidence | null {
  switch (status) {
    case 'confirmed':
    case 'resolved':
      return 'kept';
    case 'disputed':
      return 'missed';
    case 'pending':
      return null;
  }
}

/** How much an entry from `at` counts at `now`: 1 today, ½ one half-life ago. Never above 1. */
export function recencyWeight(at: number, now: number, halfLifeDays: number): number {
  const age = Math.max(0, now - at);
  return 2 ** (-age / (halfLifeDays * DAY_MS));
}

export interface Estimate {
  /** Posterior mean, in [0, 1]. */
  readonly mean: number;
  /** Ends of the central 80 % credible interval: 0 ≤ lower ≤ mean ≤ upper ≤ 1. */
  readonly lower: number;
  readonly upper: number;
  /** The summed weights of the answered entries: how much evidence the estimate rests on. */
  readonly effectiveEvents: number;
}

export interface TrendPoint extends Estimate {
  /** The estimate as it stood at this entry's time, from the entries up to then. */
  readonly at: number;
}

export interface Reliability extends Estimate {
  /** Plain counts of entries, unweighted, for words next to the chart. */
  readonly kept: number;
  readonly missed: number;
  readonly pending: number;
  /** One point per distinct time of an answered entry, oldest first. */
  readonly trend: readonly TrendPoint[];
}

/** One weighted piece of evidence. */
export interface WeightedEvent {
  readonly at: number;
  readonly evidence: Evidence;
  readonly halfLifeDays: number;
}

/** The Beta posterior's mean and credible band for weighted kept/missed evidence. */
export function betaEstimate(kept: number, missed: number, level = CREDIBLE_LEVEL): Estimate {
  const a = PRIOR.kept + kept;
  const b = PRIOR.missed + missed;
  const tail = (1 - level) / 2;
  return {
    mean: a / (a + b),
    lower: betaQuantile(tail, a, b),
    upper: betaQuantile(1 - tail, a, b),
    effectiveEvents: kept + missed,
  };
}

/**
 * The weighted evidence at each distinct time of the events up to `until`, oldest first, in one
 * pass. Each half-life keeps running sums as of its latest event: moving them to a later time
 * multiplies both by that span's weight (2^(−a/h) · 2^(−b/h) = 2^(−(a+b)/h)), so no time revisits
 * older events. Every estimate, the trend's and the one at `now`, comes from this same walk, so
 * the trend's last point is exactly the estimate at its time.
 */
function weightedSums(
  events: readonly WeightedEvent[],
  until: number,
  at: (t: number, kept: number, missed: number, isEventTime: boolean) => void,
): void {
  const sorted = events.filter((e) => e.at <= until).sort((x, y) => x.at - y.at);
  const halfLives = [...new Set(sorted.map((e) => e.halfLifeDays))].sort((x, y) => x - y);
  const sums = halfLives.map((halfLifeDays) => ({
    halfLifeDays,
    at: -Infinity,
    kept: 0,
    missed: 0,
  }));
  const totalsAt = (t: number, isEventTime: boolean) => {
    let kept = 0;
    let missed = 0;
    for (const g of sums) {
      if (g.at === -Infinity) continue;
      const w = recencyWeight(g.at, t, g.halfLifeDays);
      kept += g.kept * w;
      missed += g.missed * w;
    }
    at(t, kept, missed, isEventTime);
  };
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!e) continue;
    const g = sums[halfLives.indexOf(e.halfLifeDays)];
    if (!g) continue;
    if (g.at !== e.at) {
      const w = g.at === -Infinity ? 0 : recencyWeight(g.at, e.at, g.halfLifeDays);
      g.kept *= w;
      g.missed *= w;
      g.at = e.at;
    }
    if (e.evidence === 'kept') g.kept += 1;
    else g.missed += 1;
    if (sorted[i + 1]?.at !== e.at) totalsAt(e.at, true);
  }
  if (sorted.at(-1)?.at !== until) totalsAt(until, false);
}

/** The estimate at `now` from weighted events (those after `now` are not yet known, so ignored). */
export function estimateAt(events: readonly WeightedEvent[], now: number): Estimate {
  let estimate = betaEstimate(0, 0);
  weightedSums(events, now, (t, kept, missed) => {
    if (t === now) estimate = betaEstimate(kept, missed);
  });
  return estimate;
}

/** How the trend is sampled: every event time (the default), or the last one in each span. */
export interface TrendOptions {
  /** Keep one point per span of this many ms (e.g. a week), the latest in it; the end stays exact. */
  readonly everyMs?: number;
}

function summarize(
  events: readonly WeightedEvent[],
  pending: number,
  now: number,
  options: TrendOptions = {},
): Reliability {
  const trend: TrendPoint[] = [];
  let estimate = betaEstimate(0, 0);
  const every = options.everyMs;
  // With a span, a point's band is computed only when its span ends: a year of daily entries
  // costs 53 band computations instead of 365.
  let held: { at: number; kept: number; missed: number } | undefined;
  const flush = () => {
    if (held) trend.push({ at: held.at, ...betaEstimate(held.kept, held.missed) });
    held = undefined;
  };
  weightedSums(events, now, (at, kept, missed, isEventTime) => {
    if (at === now) estimate = betaEstimate(kept, missed);
    if (!isEventTime) return;
    if (every === undefined) {
      trend.push({ at, ...betaEstimate(kept, missed) });
      return;
    }
    if (held && Math.floor(held.at / every) !== Math.floor(at / every)) flush();
    held = { at, kept, missed };
  });
  flush();
  return {
    ...estimate,
    kept: events.filter((e) => e.evidence === 'kept').length,
    missed: events.filter((e) => e.evidence === 'missed').length,
    pending,
    trend,
  };
}

const eventsOf = (rhythm: Rhythm, logs: readonly Pick<LogFacts, 'at' | 'status'>[]) =>
  logs.flatMap((log): WeightedEvent[] => {
    const evidence = evidenceOf(log.status);
    return evidence ? [{ at: log.at, evidence, halfLifeDays: HALF_LIFE_DAYS[rhythm] }] : [];
  });

/** One commitment's reliability at `now`, from its entries. */
export function commitmentReliability(
  rhythm: Rhythm,
  logs: readonly Pick<LogFacts, 'at' | 'status'>[],
  now: number,
  options: TrendOptions = {},
): Reliability {
  const pending = logs.filter((l) => l.status === 'pending').length;
  return summarize(eventsOf(rhythm, logs), pending, now, options);
}

/** Reliability across commitments, their answered entries pooled into one estimate. */
export function overallReliability(
  commitments: readonly {
    readonly rhythm: Rhythm;
    readonly logs: readonly Pick<LogFacts, 'at' | 'status'>[];
  }[],
  now: number,
  options: TrendOptions = {},
): Reliability {
  const events = commitments.flatMap((c) => eventsOf(c.rhythm, c.logs));
  const pending = commitments.reduce(
    (n, c) => n + c.logs.filter((l) => l.status === 'pending').length,
    0,
  );
  return summarize(events, pending, now, options);
}

// Lanczos approximation (g = 7, nine coefficients): relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction for I_x(a, b), by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const eps = 1e-15;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < eps) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b): the Beta(a, b) distribution function. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return incompleteBeta(x, a, b, logGamma(a) + logGamma(b) - logGamma(a + b));
}

/** I_x(a, b) with log B(a, b) given, for callers that evaluate it many times for one a and b. */
function incompleteBeta(x: number, a: number, b: number, logBeta: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = -logBeta + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The fraction converges fast on this side of the mean; use the symmetry on the other.
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/**
 * The p-quantile of Beta(a, b), by Newton's method kept inside a shrinking bracket: the
 * distribution function is increasing, so each evaluation narrows [lo, hi]; a Newton step (the
 * density is the derivative) that would leave the bracket is replaced by bisection. It stops when
 * a step moves less than 1e-14 or the bracket is narrower than 2^-50, in a handful of evaluations
 * instead of fifty.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  let lo = 0;
  let hi = 1;
  // Start from the normal approximation (Abramowitz & Stegun 26.2.23 for its quantile).
  const tail = Math.min(p, 1 - p);
  const s = Math.sqrt(-2 * Math.log(tail));
  const z =
    s -
    (2.515517 + 0.802853 * s + 0.010328 * s * s) /
      (1 + s * (1.432788 + s * (0.189269 + s * 0.001308)));
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const guess = a / (a + b) + (p < 0.5 ? -z : z) * sd;
  let x = guess > 0 && guess < 1 ? guess : a / (a + b);
  for (let i = 0; i < 100 && hi - lo > 2 ** -50; i++) {
    const f = incompleteBeta(x, a, b, logBeta) - p;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const moved = Math.abs(next - x);
    x = next;
    if (moved < 1e-14) break;
  }
  return x;
}
