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
 * Running weighted sums for one half-life, as of its latest event. Moving them to a later time
 * multiplies both by that span's weight (2^(−a/h) · 2^(−b/h) = 2^(−(a+b)/h)), so a later estimate
 * never revisits older events: these few numbers are all the past a read needs.
 */
export interface EvidenceSums {
  readonly halfLifeDays: number;
  readonly at: number;
  readonly kept: number;
  readonly missed: number;
}

/** The sums of every half-life, moved to `t` and added up. */
function totalsAt(sums: readonly EvidenceSums[], t: number): { kept: number; missed: number } {
  let kept = 0;
  let missed = 0;
  for (const g of sums) {
    const w = recencyWeight(g.at, t, g.halfLifeDays);
    kept += g.kept * w;
    missed += g.missed * w;
  }
  return { kept, missed };
}

/**
 * Walks events oldest first, in one pass, calling `atEventTime` with the weighted evidence at each
 * distinct event time, and returns each half-life's sums after the last event. Every estimate, the
 * trend's and the one at any later time, comes from this same walk, so the trend's last point is
 * exactly the estimate at its time.
 */
function walk(
  events: readonly WeightedEvent[],
  atEventTime: (t: number, kept: number, missed: number) => void,
): EvidenceSums[] {
  const sorted = [...events].sort((x, y) => x.at - y.at);
  const halfLives = [...new Set(sorted.map((e) => e.halfLifeDays))].sort((x, y) => x - y);
  const sums = halfLives.map((halfLifeDays) => ({
    halfLifeDays,
    at: -Infinity,
    kept: 0,
    missed: 0,
  }));
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
    if (sorted[i + 1]?.at !== e.at) {
      const { kept, missed } = totalsAt(
        sums.filter((s) => s.at !== -Infinity),
        e.at,
      );
      atEventTime(e.at, kept, missed);
    }
  }
  return sums.filter((s) => s.at !== -Infinity);
}

/** The estimate at `now` from weighted events (those after `now` are not yet known, so ignored). */
export function estimateAt(events: readonly WeightedEvent[], now: number): Estimate {
  const sums = walk(
    events.filter((e) => e.at <= now),
    () => undefined,
  );
  const { kept, missed } = totalsAt(sums, now);
  return betaEstimate(kept, missed);
}

/** How the trend is sampled: every event time (the default), or the last one in each span. */
export interface TrendOptions {
  /** Keep one point per span of this many ms (e.g. a week), the latest in it; the end stays exact. */
  readonly everyMs?: number;
}

/**
 * Everything a reliability read needs, without the entries: plain counts, each half-life's running
 * sums, and the trend with its bands. The trend depends only on the entries, never on the time of
 * the read, so it can be kept with the commitment and brought up to date when an entry is logged or
 * answered; a read then moves the sums to its own time (`reliabilityAt`), which costs one estimate
 * instead of a walk over a year of entries.
 */
export interface ReliabilitySnapshot {
  readonly kept: number;
  readonly missed: number;
  readonly pending: number;
  readonly sums: readonly EvidenceSums[];
  readonly trend: readonly TrendPoint[];
}

export const EMPTY_SNAPSHOT: ReliabilitySnapshot = {
  kept: 0,
  missed: 0,
  pending: 0,
  sums: [],
  trend: [],
};

function snapshotOf(
  events: readonly WeightedEvent[],
  pending: number,
  options: TrendOptions = {},
): ReliabilitySnapshot {
  const trend: TrendPoint[] = [];
  const every = options.everyMs;
  // With a span, a point's band is computed only when its span ends: a year of daily entries
  // costs 53 band computations instead of 365.
  let held: { at: number; kept: number; missed: number } | undefined;
  const flush = () => {
    if (held) trend.push({ at: held.at, ...betaEstimate(held.kept, held.missed) });
    held = undefined;
  };
  const sums = walk(events, (at, kept, missed) => {
    if (every === undefined) {
      trend.push({ at, ...betaEstimate(kept, missed) });
      return;
    }
    if (held && Math.floor(held.at / every) !== Math.floor(at / every)) flush();
    held = { at, kept, missed };
  });
  flush();
  return {
    kept: events.filter((e) => e.evidence === 'kept').length,
    missed: events.filter((e) => e.evidence === 'missed').length,
    pending,
    sums,
    trend,
  };
}

/**
 * The reliability at `now` from a snapshot taken at or before it. Trend points after `now` (only
 * possible if the clock went back) are left out, and the sums are never weighted above 1.
 */
export function reliabilityAt(snapshot: ReliabilitySnapshot, now: number): Reliability {
  const { kept, missed } = totalsAt(snapshot.sums, now);
  return {
    ...betaEstimate(kept, missed),
    kept: snapshot.kept,
    missed: snapshot.missed,
    pending: snapshot.pending,
    trend: snapshot.trend.filter((p) => p.at <= now),
  };
}

type Logs = readonly Pick<LogFacts, 'at' | 'status'>[];

const eventsOf = (rhythm: Rhythm, logs: Logs) =>
  logs.flatMap((log): WeightedEvent[] => {
    const evidence = evidenceOf(log.status);
    return evidence ? [{ at: log.at, evidence, halfLifeDays: HALF_LIFE_DAYS[rhythm] }] : [];
  });

const pendingIn = (logs: Logs) => logs.filter((l) => l.status === 'pending').length;

/** One commitment's snapshot, from all of its entries. */
export function commitmentSnapshot(
  rhythm: Rhythm,
  logs: Logs,
  options: TrendOptions = {},
): ReliabilitySnapshot {
  return snapshotOf(eventsOf(rhythm, logs), pendingIn(logs), options);
}

/** The snapshot of several commitments, their answered entries pooled into one estimate. */
export function overallSnapshot(
  commitments: readonly { readonly rhythm: Rhythm; readonly logs: Logs }[],
  options: TrendOptions = {},
): ReliabilitySnapshot {
  return snapshotOf(
    commitments.flatMap((c) => eventsOf(c.rhythm, c.logs)),
    commitments.reduce((n, c) => n + pendingIn(c.logs), 0),
    options,
  );
}

/** Entries from after `now` are not yet known: they count for nothing, not even as pending. */
const knownAt = (logs: Logs, now: number) => logs.filter((l) => l.at <= now);

/** One commitment's reliability at `now`, from its entries. */
export function commitmentReliability(
  rhythm: Rhythm,
  logs: Logs,
  now: number,
  options: TrendOptions = {},
): Reliability {
  return reliabilityAt(commitmentSnapshot(rhythm, knownAt(logs, now), options), now);
}

/** Reliability across commitments, their answered entries pooled into one estimate. */
export function overallReliability(
  commitments: readonly { readonly rhythm: Rhythm; readonly logs: Logs }[],
  now: number,
  options: TrendOptions = {},
): Reliability {
  return reliabilityAt(
    overallSnapshot(
      commitments.map((c) => ({ rhythm: c.rhythm, logs: knownAt(c.logs, now) })),
      options,
    ),
    now,
  );
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
