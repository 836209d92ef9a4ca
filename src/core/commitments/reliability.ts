import { betaQuantile } from './beta.js';
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
 * Numerics (beta.ts): the band's ends are Beta quantiles, found by inverting the regularized incomplete beta
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
    trend: trendAt(snapshot, now),
  };
}

/** The kept trend as known at `now` (the trend of `reliabilityAt`, without the estimate). */
export const trendAt = (snapshot: ReliabilitySnapshot, now: number): readonly TrendPoint[] =>
  snapshot.trend.filter((p) => p.at <= now);

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
